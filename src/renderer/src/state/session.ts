// An open notebook in the renderer: applies operations optimistically with the same reducer
// the core uses, sends them in order, and keeps the undo/redo history of passage operations.
import { applyOps, type Op } from '@shared/ops'
import type { Notebook } from '@shared/schema'
import { api, errorMessage } from '../api/client'

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string }
interface HistoryEntry {
  label: string
  ops: Op[]
  inverse: Op[]
}
export interface RunOptions {
  label?: string
  undoable?: boolean
}

export class NotebookSession {
  notebook: Notebook
  save: SaveState = { kind: 'saved' }
  private undoStack: HistoryEntry[] = []
  private redoStack: HistoryEntry[] = []
  private queue: Promise<void> = Promise.resolve()
  private inFlight = 0
  private listeners = new Set<() => void>()

  constructor(notebook: Notebook) {
    this.notebook = notebook
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(): void {
    for (const l of this.listeners) l()
  }

  /** Applies ops now (throws a GlossaError if the reducer refuses them) and persists them. */
  run(ops: Op[], options: RunOptions = {}): void {
    const { notebook, inverse } = applyOps(this.notebook, ops, new Date().toISOString())
    this.notebook = notebook
    if (options.undoable !== false) {
      this.undoStack.push({ label: options.label ?? 'change', ops, inverse })
      if (this.undoStack.length > 200) this.undoStack.shift()
      this.redoStack = []
    }
    this.persist(ops)
    this.emit()
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0
  }
  get undoLabel(): string | undefined {
    return this.undoStack.at(-1)?.label
  }

  undo(): string | null {
    const entry = this.undoStack.pop()
    if (!entry) return null
    this.replay(entry.inverse)
    this.redoStack.push(entry)
    return entry.label
  }

  redo(): string | null {
    const entry = this.redoStack.pop()
    if (!entry) return null
    this.replay(entry.ops)
    this.undoStack.push(entry)
    return entry.label
  }

  private replay(ops: Op[]): void {
    if (ops.length === 0) return
    this.notebook = applyOps(this.notebook, ops, new Date().toISOString()).notebook
    this.persist(ops)
    this.emit()
  }

  private persist(ops: Op[]): void {
    const at = new Date().toISOString()
    this.inFlight++
    this.setSave({ kind: 'saving' })
    this.queue = this.queue.then(async () => {
      try {
        const result = await api.applyOps({ id: this.notebook.id, at, ops })
        this.inFlight--
        if (!result.saved)
          this.setSave({ kind: 'error', message: result.saveError ?? 'The notebook could not be saved.' })
        else if (this.inFlight === 0) this.setSave({ kind: 'saved' })
      } catch (error) {
        this.inFlight--
        // The core refused what the renderer accepted: take the core's state as the truth.
        this.setSave({ kind: 'error', message: errorMessage(error) })
        await this.reload().catch(() => {})
      }
    })
  }

  /** An editor has typed changes not yet handed to run() (debounced): show "Saving…" now. */
  markDirty(): void {
    if (this.save.kind === 'saved') this.setSave({ kind: 'saving' })
  }

  /** True while anything typed or sent is not yet on disk. */
  get busy(): boolean {
    return this.inFlight > 0 || this.save.kind === 'saving'
  }

  async reload(): Promise<void> {
    const { notebook } = await api.openNotebook({ id: this.notebook.id })
    this.notebook = notebook
    this.undoStack = []
    this.redoStack = []
    this.emit()
  }

  /** Resolves when every change sent so far has been answered. */
  settled(): Promise<void> {
    return this.queue
  }

  private setSave(save: SaveState): void {
    this.save = save
    this.emit()
  }
}
