// The contract's implementation on top of the library: what main and the browser host serve.
// Export and Markdown import (remark, micromark, mdast, yaml: about 150 modules) are loaded on
// their first call, not at start: the library screen needs neither, and loading them took about
// a third of the browser host's start (#16's first paint; docs/PERFORMANCE.md).
import { ConversionPool } from './import/pool'
import type { Handlers } from '@shared/contract'
import { emptyNotebook } from './seed'
import { LiveDocs } from './live/live-docs'
import type { Library } from './store/library'
import { listingHandlers, openLibrary } from './open-library'
import type { CoalescePolicy } from './store/coalescer'
import type { FsLike } from './store/durable-file'
import { GlossaError } from '@shared/errors'
import type { ChooseExportTarget } from './export/save-export'
import { libraryHandlers } from './library/handlers'
import type { MarkdownHandlerDeps, MarkdownMethods } from './markdown-import/handlers'
import { RecentlyOpened } from './library/recently-opened'
import { SearchIndexStore } from './store/search-index-store'

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

/** `library`: the data dir's library when the caller opened it already (openLibrary). */
export async function createService(options: ServiceOptions, opened?: Library): Promise<Service> {
  const library = opened ?? (await openLibrary(options))

  const recent = new RecentlyOpened(options.dataDir)
  const live = new LiveDocs(library)
  const searchIndexes = new SearchIndexStore(options.dataDir, options.version)
  // Conversions run in worker threads with a time and memory budget (src/core/import/pool.ts).
  const converter = new ConversionPool()
  const handlers: Handlers = {
    appInfo: async () => ({ version: options.version, dataDir: options.dataDir, host: options.host }),
    ...listingHandlers(library, recent),
    createNotebook: async ({ title }) => library.add(emptyNotebook(title.trim(), new Date().toISOString())),
    openNotebook: async ({ id }) => {
      const handle = await library.openNotebook(id)
      // Only for sorting the library: a failure to note it must not stop the notebook opening.
      await recent.record(id, new Date().toISOString()).catch(() => {})
      // Read in the same turn as the notebook, so the key is the key of this very notebook.
      const searchIndexKey = handle.searchIndexKey
      return {
        notebook: handle.data,
        notices: handle.takeNotices(),
        ...(searchIndexKey && { searchIndexKey }),
      }
    },
    applyOps: async ({ id, at, ops }) => {
      await live.assertWritable(id) // a copy joined with a read-only key (docs/LIVE.md)
      return (await library.openNotebook(id)).apply(ops, at)
    },
    deleteNotebook: async ({ id }) => {
      const trashedAs = await library.trash(id)
      // A cache: failing to delete it must not fail the trash (a restored notebook keeps its
      // file's bytes, so a snapshot left behind still fits it).
      await searchIndexes.remove(id).catch(() => {})
      return { trashedAs }
    },
    convertSource: async (args) => {
      try {
        return await converter.convert(args)
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'import/invalid'
        throw new GlossaError(code, error instanceof Error ? error.message : String(error))
      }
    },
    exportNotebook: async ({ id, format }) => {
      const { exportNotebook } = await import('@shared/export')
      return exportNotebook((await library.openNotebook(id)).data, format)
    },
    saveExport: async ({ id, format }) => {
      const { saveExport } = await import('./export/save-export')
      return saveExport((await library.openNotebook(id)).data, format, options.chooseExportTarget)
    },
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
    // The saved search index (#16): kept under the key of the file it was built from, so a
    // notebook changed since (an edit, a reload, a restore) never gets an index that does not fit.
    loadSearchIndex: async ({ id, key }) => ({ bytes: await searchIndexes.load(id, key) }),
    saveSearchIndex: async ({ id, key, bytes }) => {
      // Only for a notebook open here (the window saving it opened it): a cache call must not
      // open, and so perhaps repair and write, a notebook.
      if (library.openedNotebook(id)?.searchIndexKey !== key) return { saved: false }
      await searchIndexes.save(id, key, bytes)
      return { saved: true }
    },
    ...lazyMarkdownHandlers({
      library,
      convert: (input) => converter.convert(input),
      readExport: (files, opts) => converter.readExport(files, opts),
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

/** markdownHandlers (src/core/markdown-import/handlers.ts), its module loaded on the first call;
 * made once, so an import's progress and cancel reach the handlers running it. */
function lazyMarkdownHandlers(deps: MarkdownHandlerDeps): Pick<Handlers, MarkdownMethods> {
  let made: Promise<Pick<Handlers, MarkdownMethods>> | undefined
  const load = () =>
    (made ??= import('./markdown-import/handlers').then(
      (m) => m.markdownHandlers(deps),
      (error: unknown) => {
        made = undefined // tried again on the next call
        throw error
      },
    ))
  return {
    saveExportFiles: async (args) => (await load()).saveExportFiles(args),
    importMarkdown: async (args) => (await load()).importMarkdown(args),
    markdownImportProgress: async (args) => (await load()).markdownImportProgress(args),
    cancelMarkdownImport: async (args) => (await load()).cancelMarkdownImport(args),
  }
}
