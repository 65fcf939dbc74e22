// The data dir's library, seeded the first time: what must be in place before anyone is told
// the app is up (a test or a person may add files to notebooks/ right after), and the library
// screen's first two calls, which need nothing else. Kept apart from service.ts so the browser
// host can do this, listen, answer the first listing, and only then load the rest of the core
// (src/web/cli.ts; #16's first paint).
import type { Handlers } from '@shared/contract'
import { byRecency, type RecentlyOpened } from './library/recently-opened'
import { listTrash } from './library/trash'
import { seedNotebook } from './seed'
import type { CoalescePolicy } from './store/coalescer'
import type { FsLike } from './store/durable-file'
import { Library } from './store/library'

export interface LibraryOptions {
  dataDir: string
  resourcesDir: string
  coalesce?: CoalescePolicy
  fs?: FsLike
}

export async function openLibrary(options: LibraryOptions): Promise<Library> {
  const library = new Library({ dataDir: options.dataDir, coalesce: options.coalesce, fs: options.fs })
  if (await library.isNew())
    await library.add(await seedNotebook(options.resourcesDir, new Date().toISOString()))
  return library
}

/** The library's listing (most recently opened or changed first) and its trash: the service's too. */
export function listingHandlers(
  library: Library,
  recent: RecentlyOpened,
): Pick<Handlers, 'listNotebooks' | 'listTrash'> {
  return {
    listNotebooks: async () => {
      const { notebooks, damaged } = await library.list()
      const opened = await recent.all()
      return {
        notebooks: notebooks.map((n) => ({ ...n, openedAt: opened.get(n.id) })).sort(byRecency),
        damaged,
      }
    },
    listTrash: async () => ({ items: await listTrash(library) }),
  }
}
