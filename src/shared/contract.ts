// The API contract: one table of methods, each with zod schemas for its argument and result.
// Main (ipcMain.handle), the preload (window.glossa), the browser host (POST /api/<method>)
// and the renderer's client are all derived from this table.
import { z } from 'zod'
import type { MethodNameList } from './method-names'
import { TeamStatusSchema } from './live/status'
import { ImportJobIdSchema, ImportProgressSchema } from './markdown-import/progress-schema'
import { OpBatchSchema } from './ops/schema'
import { DamagedFileSchema, DocSchema, Id, LIMITS, NotebookSchema, NotebookSummarySchema } from './schema'
// The snapshot's envelope only (it imports nothing): the search code stays out of the contract.
import { isSearchSnapshot, MAX_SNAPSHOT_BYTES } from './search/snapshot-format'

/** A team server's address: ws:// or wss://, as `npm run team-server` prints it. */
const TeamServerUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^wss?:\/\/[^\s/?#]+(\/[^\s]*)?$/, 'a team server address starts with ws:// or wss://')
const method = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result })
const ExportFileList = z
  .array(z.object({ path: z.string().min(1).max(400), content: z.string().max(64 * 1024 * 1024) }))
  .max(2_000)
/** Markdown both ways (#12): an export built in the window, and Markdown files brought in. */
const markdownMethods = {
  /** Desktop only: asks where (native dialog) and writes an export the window built (with progress).
   * The browser host has no dialog and answers `{ noDialog: true }`: the window downloads the
   * export instead, its designed way there, so it is a result and not an error. */
  saveExportFiles: method(
    z.object({ id: Id, kind: z.enum(['file', 'folder']), files: ExportFileList.min(1) }),
    z.union([
      z.object({ paths: z.array(z.string()) }),
      z.object({ cancelled: z.literal(true) }),
      z.object({ noDialog: z.literal(true) }),
    ]),
  ),
  /** A Glossa Markdown export (one file, a folder or a zip's files) or any Markdown notes → a new notebook.
   * `job`: the window's name for this import, to ask how far it is and to cancel it. */
  importMarkdown: method(
    z.object({
      files: ExportFileList.min(1),
      name: z.string().max(300).optional(),
      job: ImportJobIdSchema.optional(),
    }),
    z.object({
      notebook: NotebookSummarySchema,
      kind: z.enum(['glossa', 'markdown']),
      warnings: z.array(z.string()),
    }),
  ),
  /** How far the import `job` is; null when none of that id is running or recently ended. */
  markdownImportProgress: method(z.object({ job: ImportJobIdSchema }), ImportProgressSchema.nullable()),
  /** Cancels the import `job` (or refuses it when it arrives); `cancelled: false` once its file is being written or it has ended. */
  cancelMarkdownImport: method(z.object({ job: ImportJobIdSchema }), z.object({ cancelled: z.boolean() })),
}
/** What a notebook's file held, as a SHA-256 of its bytes: openNotebook's `searchIndexKey`. */
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a key is a SHA-256: 64 lowercase hex digits')
/** Any Uint8Array (z.instanceof would type it as over an ArrayBuffer only, not a Buffer's). */
const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes (a Uint8Array)')
/** A saved search index (shared/search/snapshot*.ts); the core checks its envelope, never reads it. */
const SnapshotBytes = Bytes.refine((b) => b.byteLength <= MAX_SNAPSHOT_BYTES, {
  message: `a search index snapshot is at most ${MAX_SNAPSHOT_BYTES / (1024 * 1024)} MB`,
  abort: true,
}).refine(isSearchSnapshot, {
  message: 'these bytes are not a search index snapshot of this format (magic number and version)',
})
/**
 * The saved search index (#16): the window builds the index once and the core keeps it beside
 * the library, under the key of the file it was built from. `bytes` travel as binary (HTTP:
 * an application/octet-stream body; IPC: structured clone), never as JSON.
 */
const searchIndexMethods = {
  /** The snapshot saved for this notebook under exactly `key`; null when there is none (or it is unreadable). */
  loadSearchIndex: method(z.object({ id: Id, key: Sha256Hex }), z.object({ bytes: Bytes.nullable() })),
  /** Keeps the snapshot when `key` is still the open notebook's searchIndexKey; `saved: false` when it changed meanwhile. */
  saveSearchIndex: method(
    z.object({ id: Id, key: Sha256Hex, bytes: SnapshotBytes }),
    z.object({ saved: z.boolean() }),
  ),
}
const NotebookId = z.object({ id: Id })
const Empty = z.object({})
const ExportFormat = z.enum(['md', 'md-folder', 'json', 'csv'])
const ExportFiles = z.array(z.object({ path: z.string(), content: z.string() }))
/** A file name inside a library folder (trash, notebooks): checked again, strictly, by the core. */
const LibraryFileName = z.string().min(1).max(400)
const TrashedNotebookSchema = z.object({
  trashedAs: z.string(),
  title: z.string(),
  trashedAt: z.string(),
  reason: z.string().optional(),
})

export const contract = {
  appInfo: method(
    Empty,
    z.object({ version: z.string(), dataDir: z.string(), host: z.enum(['desktop', 'web']) }),
  ),
  /** Notebooks opened or changed most recently first; `openedAt` is when it was last opened here. */
  listNotebooks: method(
    Empty,
    z.object({
      notebooks: z.array(NotebookSummarySchema.extend({ openedAt: z.string().optional() })),
      damaged: z.array(DamagedFileSchema),
    }),
  ),
  createNotebook: method(
    z.object({ title: z.string().trim().min(1, 'a title cannot be empty').max(LIMITS.titleLength) }),
    NotebookSummarySchema,
  ),
  openNotebook: method(
    NotebookId,
    /** notices: what the core repaired as it opened the notebook (re-anchored passages, broken links).
     * searchIndexKey: the SHA-256 of the file's bytes when the notebook is exactly what they hold
     * (nothing unsaved), the key its saved search index is kept under; absent otherwise. */
    z.object({
      notebook: NotebookSchema,
      notices: z.array(z.string()).optional(),
      searchIndexKey: Sha256Hex.optional(),
    }),
  ),
  /** Applies operations atomically, then waits for the (coalesced) durable write. */
  applyOps: method(
    z.object({ id: Id }).extend(OpBatchSchema.shape),
    z.object({ updatedAt: z.string(), saved: z.boolean(), saveError: z.string().optional() }),
  ),
  deleteNotebook: method(NotebookId, z.object({ trashedAs: z.string() })),
  /** Converts pasted or imported text to a sanitized document (the caller then adds it). */
  convertSource: method(
    z.object({
      format: z.enum(['text', 'markdown', 'html']),
      content: z.string().max(LIMITS.sourceTextChars * 2),
      fileName: z.string().max(300).optional(),
      /** The title the user typed: the text is then kept whole (else a first line that became
       * the title is not repeated as the first paragraph). */
      title: z.string().max(LIMITS.titleLength).optional(),
    }),
    z.object({ title: z.string(), doc: DocSchema }),
  ),
  exportNotebook: method(
    z.object({ id: Id, format: ExportFormat }),
    z.object({ kind: z.enum(['file', 'folder']), files: ExportFiles }),
  ),
  /** Desktop only: asks where to save (native dialog) and writes the export; the browser host answers `unsupported`. */
  saveExport: method(
    z.object({ id: Id, format: ExportFormat }),
    z.union([z.object({ paths: z.array(z.string()) }), z.object({ cancelled: z.literal(true) })]),
  ),
  /** A copy with a new id, titled "… (copy)", in a new file. */
  duplicateNotebook: method(NotebookId, NotebookSummarySchema),
  listTrash: method(Empty, z.object({ items: z.array(TrashedNotebookSchema) })),
  restoreNotebook: method(z.object({ trashedAs: LibraryFileName }), NotebookSummarySchema),
  /** Adds a notebook JSON file (validated; a newer schema version is refused; a clashing id is replaced). */
  importNotebook: method(
    z.object({ fileName: z.string().max(300), content: z.string().max(150 * 1024 * 1024) }),
    NotebookSummarySchema,
  ),
  /** Moves a damaged file to <data-dir>/damaged/ and puts its newest valid backup in its place. */
  restoreBackup: method(
    z.object({ file: LibraryFileName }),
    z.object({ notebook: NotebookSummarySchema, movedAsideTo: z.string() }),
  ),
  /** Desktop only: opens the data folder in the file manager; the browser host answers `unsupported`. */
  openDataFolder: method(Empty, z.object({ path: z.string() })),
  /** Whether another program changed the notebook's file since Glossa last read or wrote it. */
  checkExternalChange: method(NotebookId, z.object({ changed: z.boolean() })),
  /** Re-reads the file from disk; refused (`store/unsaved-edits`) while edits are unsaved, unless discarded. */
  reloadNotebook: method(
    z.object({ id: Id, discardUnsaved: z.boolean().optional() }),
    z.object({ notebook: NotebookSchema }),
  ),
  /** "Keep mine": writes Glossa's copy over a file another program changed. */
  forceSave: method(NotebookId, z.object({ saved: z.boolean(), saveError: z.string().optional() })),
  /** Publishes a notebook to a team server (docs/LIVE.md); answers its two keys once the server took it. */
  shareNotebook: method(
    z.object({ id: Id, serverUrl: TeamServerUrl }),
    z.object({ readWrite: z.string(), readOnly: z.string() }),
  ),
  /** Creates the local copy of a notebook shared on a team server; the key names the notebook. */
  joinNotebook: method(
    z.object({ serverUrl: TeamServerUrl, key: z.string().trim().min(1).max(300) }),
    NotebookSummarySchema,
  ),
  /** A shared notebook's connection state (null when it is not shared); windows also get it pushed. */
  teamStatus: method(NotebookId, TeamStatusSchema.nullable()),
  ...markdownMethods,
  ...searchIndexMethods,
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>
export type ResultOf<M extends MethodName> = z.output<Contract[M]['result']>
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>
/** The core's side: one handler per method, receiving validated arguments. */
export type Handlers = { [M in MethodName]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> }
export { METHOD_NAMES } from './method-names'
// Compile-time check that method-names.ts lists exactly the contract's methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
export const methodNamesMatch: Same<MethodName, MethodNameList> = true

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name)
}

/** What the renderer calls: the same shape whether it is IPC (desktop) or HTTP (browser host). */
export type GlossaApi = { [M in MethodName]: (args: ArgsOf<M>) => Promise<ResultOf<M>> }

export { channelOf } from './method-names'
