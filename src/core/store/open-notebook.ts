// One open notebook: the in-memory state (a lowdb Low over our durable adapter), operations
// applied through the shared reducer, and coalesced durable writes.
import { Low } from 'lowdb'
import { GlossaError } from '../../shared/errors'
import { applyOps } from '../../shared/ops'
import type { Op } from '../../shared/ops'
import type { Notebook } from '../../shared/schema'
import { WriteCoalescer, type CoalescePolicy } from './coalescer'
import type { DurableNotebookFile } from './durable-file'

export interface SaveOutcome { saved: boolean; saveError?: string }

export class OpenNotebook {
  private readonly db: Low<Notebook>
  private readonly coalescer: WriteCoalescer

  private constructor(
    readonly file: DurableNotebookFile,
    notebook: Notebook,
    coalesce?: CoalescePolicy,
  ) {
    this.db = new Low<Notebook>(file, notebook)
    this.db.data = notebook
    this.coalescer = new WriteCoalescer(() => this.db.write(), coalesce)
  }

  static async open(file: DurableNotebookFile, coalesce?: CoalescePolicy): Promise<OpenNotebook> {
    const notebook = await file.read()
    if (!notebook) throw new GlossaError('not-found', 'The notebook file is missing.')
    return new OpenNotebook(file, notebook, coalesce)
  }

  static create(file: DurableNotebookFile, notebook: Notebook, coalesce?: CoalescePolicy): OpenNotebook {
    return new OpenNotebook(file, notebook, coalesce)
  }

  get data(): Notebook {
    return this.db.data
  }

  get writeCount(): number {
    return this.coalescer.writes
  }

  get hasUnsavedChanges(): boolean {
    return this.coalescer.pending
  }

  /** Applies the batch atomically in memory (refused ops change nothing), then saves. */
  async apply(ops: readonly Op[], at: string): Promise<SaveOutcome & { updatedAt: string }> {
    const { notebook } = applyOps(this.db.data, ops, at)
    this.db.data = notebook
    return { ...(await this.save()), updatedAt: notebook.updatedAt }
  }

  async save(): Promise<SaveOutcome> {
    try {
      await this.coalescer.schedule()
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
