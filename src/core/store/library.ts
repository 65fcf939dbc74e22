// The notebook library: every *.json directly in <data-dir>/notebooks/. Files that do not
// parse or validate are listed as damaged with the reason and never written to.
import * as nodeFs from 'node:fs/promises'
import { lstat, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { nanoid } from 'nanoid'
import { GlossaError } from '@shared/errors'
import type { DamagedFile, Notebook, NotebookSummary } from '@shared/schema'
import { Arrivals } from './arrivals'
import { Backups } from './backups'
import type { CoalescePolicy } from './coalescer'
import { contentOf, type Content } from './content-hash'
import { DurableNotebookFile, serializeNotebook, type ValidatedContent } from './durable-file'
import { removeStaleTempFiles, writeTempFile, type FsLike } from './durable-write'
import { OpenNotebook } from './open-notebook'
import { checkNotebookFile, oneFilePerNotebook, summarize, type Entry } from './listing'
import { SummaryCache } from './summary-cache'

/** `fs` is the file system notebook files are read and written through (tests inject faults). */
export interface LibraryOptions {
  dataDir: string
  coalesce?: CoalescePolicy
  fs?: FsLike
}

export class Library {
  readonly notebooksDir: string
  readonly trashDir: string
  readonly backups: Backups
  private readonly open = new Map<string, OpenNotebook>()
  /** Opens under way: a second open of the same notebook waits for the first (one handle). */
  private readonly opening = new Map<string, Promise<OpenNotebook>>()
  private readonly fileById = new Map<string, string>()
  /** Each file's summary with the size and mtime it was made from, kept across starts. */
  private readonly summaries: SummaryCache
  /** Notebooks on their way in: parallel imports of one file must not both keep its id. */
  private readonly arrivals: Arrivals

  constructor(private readonly options: LibraryOptions) {
    this.notebooksDir = join(options.dataDir, 'notebooks')
    this.trashDir = join(options.dataDir, 'trash')
    this.backups = new Backups(join(options.dataDir, 'backups'))
    this.arrivals = new Arrivals(this.notebooksDir, this.fs)
    this.summaries = new SummaryCache(options.dataDir)
  }

  /** The hashes of notebook files Glossa validated, kept with their summaries (summary-cache.ts). */
  private readonly validated: ValidatedContent = {
    hashOf: (path) => this.summaries.hashOf(basename(path)),
    remember: (path, content, nb) => {
      const done = this.remember(path, content, nb).finally(() => this.remembering.delete(done))
      this.remembering.add(done)
    },
  }
  /** Hashes being recorded; flushAll waits for them and writes the cache (a quit, a test). */
  private readonly remembering = new Set<Promise<void>>()

  private async remember(path: string, content: Content, nb: Notebook): Promise<void> {
    const st = await lstat(path).catch(() => null)
    // Another file there already: its bytes are not the ones validated (the next read hashes them anyway).
    if (!st?.isFile() || st.size !== content.size) return
    const file = basename(path)
    const entry = { mtimeMs: st.mtimeMs, size: st.size, sha256: content.sha256, summary: summarize(nb, file) }
    await this.summaries.remember(file, entry)
  }

  /** True when the data dir has never held a library (the only time we seed). */
  async isNew(): Promise<boolean> {
    return stat(this.notebooksDir).then(
      () => false,
      () => true,
    )
  }

  async list(): Promise<{ notebooks: NotebookSummary[]; damaged: DamagedFile[] }> {
    await mkdir(this.notebooksDir, { recursive: true })
    await removeStaleTempFiles(this.notebooksDir)
    const names = (await readdir(this.notebooksDir))
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .sort()
    await this.summaries.load()
    const entries = oneFilePerNotebook(
      await Promise.all(names.map((file) => this.inspect(file))),
      this.fileById,
    )
    await this.summaries.save(new Set(names))
    const notebooks = entries.flatMap((e) => (e.summary ? [e.summary] : []))
    notebooks.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title))
    return { notebooks, damaged: entries.flatMap((e) => (e.damaged ? [e.damaged] : [])) }
  }

  private async inspect(file: string): Promise<Entry> {
    const path = join(this.notebooksDir, file)
    try {
      const open = [...this.open.values()].find((o) => o.file.path === path)
      if (open) return { file, summary: summarize(open.data, file) }
      // Listing parses whole files; an unchanged file (same size and mtime) keeps its summary.
      const st = await lstat(path)
      const cached = st.isFile() ? ((await this.summaries.unchanged(file, st, path)) ?? undefined) : undefined
      if (cached) return { file, summary: cached }
      const { notebook, content } = await this.readChecked(path)
      const summary = summarize(notebook, file)
      this.summaries.set(file, { mtimeMs: st.mtimeMs, size: st.size, summary, sha256: content?.sha256 })
      return { file, summary }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      const hasBackup = (await this.backups.list(file)).length > 0
      return { file, damaged: { file, reason, hasBackup } }
    }
  }

  private async readChecked(path: string): Promise<{ notebook: Notebook; content: Content | null }> {
    await checkNotebookFile(path)
    const file = new DurableNotebookFile(path, this.options.fs, undefined, this.validated)
    const notebook = await file.read()
    if (!notebook) throw new GlossaError('store/damaged', 'The file is empty.')
    // Only bytes that may be trusted next time have their hash kept (durable-file.ts).
    return { notebook, content: file.trusted ? file.content : null }
  }

  /** The notebook's handle if a window or call has opened it, without opening it. */
  openedNotebook(id: string): OpenNotebook | undefined {
    return this.open.get(id)
  }

  /** The notebook's one handle: opened once, however many callers ask at the same time. */
  openNotebook(id: string): Promise<OpenNotebook> {
    const already = this.open.get(id)
    if (already) return Promise.resolve(already)
    let opening = this.opening.get(id)
    if (!opening) {
      // Forgotten once settled: after a failure the next call tries again.
      opening = this.openOnce(id).finally(() => this.opening.delete(id))
      this.opening.set(id, opening)
    }
    return opening
  }

  private async openOnce(id: string): Promise<OpenNotebook> {
    let file = this.fileById.get(id)
    if (!file) {
      await this.list()
      file = this.fileById.get(id)
    }
    if (!file)
      throw new GlossaError('not-found', 'That notebook is not in the library (it may have been deleted).')
    const path = join(this.notebooksDir, file)
    // Read, parse and validate once: OpenNotebook.open does all three (and refuses damaged files).
    await checkNotebookFile(path)
    const handle = await OpenNotebook.open(this.fileFor(path), this.options.coalesce)
    this.open.set(id, handle)
    return handle
  }

  /**
   * Writes a brand-new notebook file (durably, before returning) under a name no other file
   * has. `newIdIfTaken`: a notebook whose id is already in the library gets a new one.
   */
  async add(notebook: Notebook, { newIdIfTaken = false } = {}): Promise<NotebookSummary> {
    await mkdir(this.notebooksDir, { recursive: true })
    if (newIdIfTaken) await this.list()
    // No await between the check and the claim: two parallel adds cannot both keep one id.
    const nb = newIdIfTaken && this.hasId(notebook.id) ? { ...notebook, id: nanoid(12) } : notebook
    const release = this.arrivals.claim(nb.id)
    try {
      const text = serializeNotebook(nb) // validates
      const tmp = await writeTempFile(join(this.notebooksDir, 'new.json'), text, this.fs)
      const file = await this.arrivals.moveIn(tmp, nb.title).catch(async (error: unknown) => {
        await this.fs.unlink(tmp).catch(() => {})
        throw error
      })
      this.fileById.set(nb.id, file)
      this.validated.remember(join(this.notebooksDir, file), contentOf(Buffer.from(text, 'utf8')), nb)
      return summarize(nb, file)
    } finally {
      release()
    }
  }

  /**
   * Moves the file at `path`, which holds `nb` (from the trash), into the library under
   * `preferred` when no file has that name, else under a free one; never over another file.
   * If the library holds a notebook with the same id meanwhile, the file is added as a
   * copy with a new id instead, and `path` removed.
   */
  async adopt(path: string, nb: Notebook, preferred: string): Promise<NotebookSummary> {
    await this.list()
    if (this.hasId(nb.id)) {
      const summary = await this.add({ ...nb, id: nanoid(12) })
      await rm(path)
      return summary
    }
    const release = this.arrivals.claim(nb.id)
    try {
      const file = await this.arrivals.moveIn(path, nb.title, preferred)
      this.fileById.set(nb.id, file)
      return summarize(nb, file)
    } finally {
      release()
    }
  }

  private hasId(id: string): boolean {
    return this.fileById.has(id) || this.arrivals.has(id)
  }

  private get fs(): FsLike {
    return this.options.fs ?? nodeFs
  }

  /** Moves the notebook file to <data-dir>/trash (restorable by moving it back). */
  async trash(id: string): Promise<string> {
    const handle = await this.openNotebook(id)
    await handle.flush()
    this.open.delete(id)
    const file = this.fileById.get(id)!
    await mkdir(this.trashDir, { recursive: true })
    const trashedAs = `${new Date().toISOString().replace(/[:.]/g, '-')}-${nanoid(6)}-${file}`
    await rename(join(this.notebooksDir, file), join(this.trashDir, trashedAs))
    this.fileById.delete(id)
    return trashedAs
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.open.values()].map((o) => o.flush()))
    await Promise.all(this.remembering)
    await this.summaries.flush()
  }

  private fileFor(path: string): DurableNotebookFile {
    // A migrated file's first write keeps the original as pre-migration-v<n>.json instead.
    return new DurableNotebookFile(
      path,
      this.options.fs,
      (p, { migratedFrom }) =>
        migratedFrom === undefined
          ? this.backups.beforeReplace(p)
          : this.backups.keepPreMigration(p, migratedFrom),
      this.validated,
    )
  }
}
