// One open notebook: the in-memory state (a lowdb Low over our durable adapter), operations
// applied through the shared reducer, and coalesced durable writes.
import { Low } from 'lowdb'
import { GlossaError } from '@shared/errors'
import { applyOps } from '@shared/ops'
import { repairOps } from '@shared/ops/repair'
import type { Op } from '@shared/ops'
import type { Notebook } from '@shared/schema'
import { WriteCoalescer, type CoalescePolicy } from './coalescer'
import type { DurableNotebookFile } from './durable-file'

export interface SaveOutcome {
  saved: boolean
  saveError?: string
}

const DISCARDED = 'This edit was discarded when the notebook was reloaded from disk.'

export class OpenNotebook {
  private readonly db: Low<Notebook>
  private readonly coalescer: WriteCoalescer
  /** Edits applied in memory, and how many of them the file holds: they differ while unsaved. */
  private version = 0
  private savedVersion = 0
  /** The write in progress, so a check for outside changes never mistakes our own write for one. */
  private writing: Promise<void> = Promise.resolve()
  /** Versions a reload threw away unsaved, (after, through]: those edits answer saved: false. */
  private readonly discarded: { after: number; through: number }[] = []
  /**
   * The notebook last read from or written to the file, with the SHA-256 of those bytes, taken
   * together at the moment they match (searchIndexKey): the file's hash alone changes inside a
   * read a moment before the notebook in memory does.
   */
  private onDisk: { notebook: Notebook; sha256: string | undefined }

  private constructor(
    readonly file: DurableNotebookFile,
    notebook: Notebook,
    coalesce?: CoalescePolicy,
  ) {
    this.db = new Low<Notebook>(file, notebook)
    this.db.data = notebook
    this.coalescer = new WriteCoalescer(() => this.writeNow(), coalesce)
    this.onDisk = { notebook, sha256: file.content?.sha256 }
  }

  static async open(file: DurableNotebookFile, coalesce?: CoalescePolicy): Promise<OpenNotebook> {
    const notebook = await file.read()
    if (!notebook) throw new GlossaError('not-found', 'The notebook file is missing.')
    const handle = new OpenNotebook(file, notebook, coalesce)
    await handle.repair()
    return handle
  }

  /** What opening had to fix (shared/ops/repair.ts), told once to the window that opens it. */
  private notices: string[] = []
  takeNotices(): string[] {
    const notices = this.notices
    this.notices = []
    return notices
  }

  /**
   * Re-anchors passages of changed sources and mends broken references as ordinary operations,
   * saved like any edit, so every reader (window, command-line export) sees the same notebook.
   */
  private async repair(): Promise<void> {
    const at = new Date().toISOString()
    try {
      const { ops, notices } = repairOps(this.db.data, at)
      this.notices.push(...notices)
      if (ops.length) await this.apply(ops, at)
    } catch (error) {
      this.notices.push(`Glossa could not repair this notebook: ${(error as Error).message}`)
    }
  }

  static create(file: DurableNotebookFile, notebook: Notebook, coalesce?: CoalescePolicy): OpenNotebook {
    return new OpenNotebook(file, notebook, coalesce)
  }

  get data(): Notebook {
    return this.db.data
  }

  /** Told every new notebook in memory (batches, reloads): the live doc follows (src/core/live). */
  private readonly watchers = new Set<(notebook: Notebook) => void>()
  watch(watcher: (notebook: Notebook) => void): () => void {
    this.watchers.add(watcher)
    return () => this.watchers.delete(watcher)
  }
  private changed(): void {
    for (const w of this.watchers) w(this.db.data)
  }

  get writeCount(): number {
    return this.coalescer.writes
  }

  /** True while an edit is waiting to be written, or its write failed. */
  get hasUnsavedChanges(): boolean {
    return this.coalescer.pending || this.version !== this.savedVersion
  }

  /**
   * The key a saved search index of this notebook is kept under: the SHA-256 of the file's
   * bytes, only while the notebook in memory is exactly what those bytes hold (nothing unsaved,
   * no repair pending, not mid-reload). The same bytes open as the same notebook in one version
   * of Glossa (the store stamps the version beside the key), so an index saved under this key
   * fits whoever opens those bytes next.
   */
  get searchIndexKey(): string | undefined {
    if (this.hasUnsavedChanges || this.onDisk.notebook !== this.db.data) return undefined
    const sha256 = this.file.content?.sha256
    return sha256 && sha256 === this.onDisk.sha256 ? sha256 : undefined
  }

  private async writeNow(): Promise<void> {
    const version = this.version
    if (version === this.savedVersion) return // nothing new (e.g. the file was just reloaded)
    const notebook = this.db.data // what db.write() hands the file, taken at the same moment
    const write = this.db.write()
    this.writing = write.catch(() => {})
    await write
    this.savedVersion = version
    this.onDisk = { notebook, sha256: this.file.content?.sha256 }
  }

  /** True when another program changed the file since we last read or wrote it. */
  async changedOnDisk(): Promise<boolean> {
    await this.writing
    return this.file.changedOnDisk()
  }

  /**
   * Replaces the in-memory notebook with the file on disk; refused while edits are unsaved
   * unless discarded. No write runs meanwhile: one finishing between the read and the swap
   * would put on disk an edit that memory then forgets. Discarded edits answer saved: false.
   */
  async reload(discardUnsaved = false): Promise<Notebook> {
    await this.coalescer.exclusive(async () => {
      if (this.hasUnsavedChanges && !discardUnsaved) {
        throw new GlossaError(
          'store/unsaved-edits',
          'This notebook has edits that are not saved yet; reloading it from disk would lose them.',
        )
      }
      const notebook = await this.file.read().catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new GlossaError(
            'not-found',
            'The notebook file is no longer on disk (moved or deleted by another program).',
          )
        throw error
      })
      if (!notebook) throw new GlossaError('store/damaged', 'The file on disk is empty.')
      // From here on nothing awaits: edits applied during the read are discarded with the rest.
      if (this.version !== this.savedVersion)
        this.discarded.push({ after: this.savedVersion, through: this.version })
      this.coalescer.dropPending()
      this.db.data = notebook
      this.savedVersion = this.version // what is in memory is what is on disk
      this.onDisk = { notebook, sha256: this.file.content?.sha256 }
      this.changed()
    })
    // Another program may have changed a source's text or left references broken: the same
    // repair as on open (shared/ops/repair.ts), saved like any edit.
    await this.repair()
    return this.db.data
  }

  /** "Keep mine": writes the in-memory notebook over whatever another program put on disk. */
  async forceSave(): Promise<SaveOutcome> {
    await this.writing
    this.file.forgetStamp()
    this.version++ // a write happens even when nothing was edited since the last one
    return this.save(this.version)
  }

  /** Applies the batch atomically in memory (refused ops change nothing), then saves. */
  async apply(ops: readonly Op[], at: string): Promise<SaveOutcome & { updatedAt: string }> {
    const { notebook } = applyOps(this.db.data, ops, at)
    this.db.data = notebook
    this.changed()
    const version = ++this.version
    return { ...(await this.save(version)), updatedAt: notebook.updatedAt }
  }

  /**
   * Takes a notebook merged with others' changes (a shared notebook, src/core/live), already
   * validated and repaired there, and saves it like an edit.
   */
  replace(notebook: Notebook): Promise<SaveOutcome> {
    this.db.data = notebook
    this.changed()
    return this.save(++this.version)
  }

  /** Waits for the write holding edit `version`; saved: true only if that edit is on disk. */
  private async save(version: number): Promise<SaveOutcome> {
    try {
      await this.coalescer.schedule()
      if (this.discarded.some((d) => version > d.after && version <= d.through))
        return { saved: false, saveError: DISCARDED }
      return { saved: true }
    } catch (error) {
      // The edit stays in memory and is written with the next save; the previous file is intact.
      return { saved: false, saveError: error instanceof Error ? error.message : String(error) }
    }
  }

  flush(): Promise<void> {
    return this.coalescer.flush()
  }
}
