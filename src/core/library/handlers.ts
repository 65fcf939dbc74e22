// The library-management methods of the contract (restoring from the trash, copies, backups,
// data folder; the listing and the trash's list are open-library.ts's listingHandlers),
// kept beside the store code they drive so service.ts stays a short table.
import type { Handlers } from '@shared/contract'
import { GlossaError } from '@shared/errors'
import type { Library } from '../store/library'
import { duplicateNotebook, importNotebook } from './copies'
import { restoreBackup } from './restore-backup'
import { restoreFromTrash } from './trash'

type LibraryHandlers = Pick<
  Handlers,
  'duplicateNotebook' | 'restoreNotebook' | 'importNotebook' | 'restoreBackup' | 'openDataFolder'
>

export interface LibraryHandlerDeps {
  library: Library
  dataDir: string
  /** Desktop only: shows the folder in the system's file manager. */
  openDataFolder?: (path: string) => Promise<void>
}

export function libraryHandlers({ library, dataDir, openDataFolder }: LibraryHandlerDeps): LibraryHandlers {
  return {
    duplicateNotebook: async ({ id }) => duplicateNotebook(library, id, new Date().toISOString()),
    restoreNotebook: async ({ trashedAs }) => restoreFromTrash(library, trashedAs),
    importNotebook: async ({ fileName, content }) => importNotebook(library, fileName, content),
    restoreBackup: async ({ file }) => restoreBackup(library, dataDir, file),
    openDataFolder: async () => {
      if (!openDataFolder)
        throw new GlossaError('unsupported', `This host cannot open folders; the data folder is ${dataDir}`)
      await openDataFolder(dataDir)
      return { path: dataDir }
    },
  }
}
