// The contract's implementation on top of the library: what main and the browser host serve.
import { ConversionPool } from './import/pool'
import { exportNotebook } from '@shared/export'
import type { Handlers } from '@shared/contract'
import { emptyNotebook, seedNotebook } from './seed'
import { LiveDocs } from './live/live-docs'
import { Library } from './store/library'
import type { CoalescePolicy } from './store/coalescer'
import type { FsLike } from './store/durable-file'
import { GlossaError } from '@shared/errors'
import { saveExport, type ChooseExportTarget } from './export/save-export'
import { libraryHandlers } from './library/handlers'
import { markdownHandlers } from './markdown-import/handlers'
import { byRecency, RecentlyOpened } from './library/recently-opened'

export interface ServiceOptions {
  dataDir: string
  resourcesDir: string
  host: 'desktop' | 'web'
  version: string
  coalesce?: CoalescePolicy
  /** The file system for notebook files (fault injection in tests; node:fs/promises otherwise). */
  fs?: FsLike
  /** Desktop only: the native save dialog for saveExport (absent: `unsupported`). */
  chooseExportTarget?: ChooseExportTarget
  /** Desktop only: shows the data folder in the file manager (absent: `unsupported`). */
  openDataFolder?: (path: string) => Promise<void>
}

export interface Service {
  handlers: Handlers
  library: Library
  /** Live docs of the notebooks windows follow, and their team servers (src/core/live). */
  live: LiveDocs
  close(): Promise<void>
}

export async function createService(options: ServiceOptions): Promise<Service> {
  const library = new Library({ dataDir: options.dataDir, coalesce: options.coalesce, fs: options.fs })
  if (await library.isNew())
    await library.add(await seedNotebook(options.resourcesDir, new Date().toISOString()))

  const recent = new RecentlyOpened(options.dataDir)
  const live = new LiveDocs(library)
  // Conversions run in worker threads with a time and memory budget (src/core/import/pool.ts).
  const converter = new ConversionPool()
  const handlers: Handlers = {
    appInfo: async () => ({ version: options.version, dataDir: options.dataDir, host: options.host }),
    listNotebooks: async () => {
      const { notebooks, damaged } = await library.list()
      const opened = await recent.all()
      return {
        notebooks: notebooks.map((n) => ({ ...n, openedAt: opened.get(n.id) })).sort(byRecency),
        damaged,
      }
    },
    createNotebook: async ({ title }) => library.add(emptyNotebook(title.trim(), new Date().toISOString())),
    openNotebook: async ({ id }) => {
      const handle = await library.openNotebook(id)
      // Only for sorting the library: a failure to note it must not stop the notebook opening.
      await recent.record(id, new Date().toISOString()).catch(() => {})
      return { notebook: handle.data, notices: handle.takeNotices() }
    },
    applyOps: async ({ id, at, ops }) => {
      await live.assertWritable(id) // a copy joined with a read-only key (docs/LIVE.md)
      return (await library.openNotebook(id)).apply(ops, at)
    },
    deleteNotebook: async ({ id }) => ({ trashedAs: await library.trash(id) }),
    convertSource: async (args) => {
      try {
        return await converter.convert(args)
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'import/invalid'
        throw new GlossaError(code, error instanceof Error ? error.message : String(error))
      }
    },
    exportNotebook: async ({ id, format }) => exportNotebook((await library.openNotebook(id)).data, format),
    saveExport: async ({ id, format }) =>
      saveExport((await library.openNotebook(id)).data, format, options.chooseExportTarget),
    checkExternalChange: async ({ id }) => ({
      changed: await (await library.openNotebook(id)).changedOnDisk(),
    }),
    reloadNotebook: async ({ id, discardUnsaved }) => ({
      notebook: await (await library.openNotebook(id)).reload(discardUnsaved),
    }),
    forceSave: async ({ id }) => (await library.openNotebook(id)).forceSave(),
    shareNotebook: async ({ id, serverUrl }) => live.share(id, serverUrl),
    joinNotebook: async ({ serverUrl, key }) => live.join(serverUrl, key),
    teamStatus: async ({ id }) => live.status(id),
    ...markdownHandlers({
      library,
      convert: (input) => converter.convert(input),
      chooseExportTarget: options.chooseExportTarget,
    }),
    ...libraryHandlers({ library, dataDir: options.dataDir, openDataFolder: options.openDataFolder }),
  }
  return {
    handlers,
    library,
    live,
    close: async () => void (await Promise.all([library.flushAll(), converter.close(), live.closeAll()])),
  }
}
