// An open notebook in the renderer: applies operations optimistically with the same reducer
// the core uses, sends them in order, and keeps the undo/redo history. Each undoable run() is
// an entry with an id, so a toast's "Undo" undoes its own action, not whatever is on top.
// Changes made elsewhere (another window, a teammate) arrive through follow() and replace the
// notebook whenever this window's own edits are all answered (docs/LIVE.md).
import { GlossaError } from '@shared/errors'
import { applyOps, type Op } from '@shared/ops'
import { laterEditConflict } from '@shared/ops/later-edits'
import type { TeamStatus } from '@shared/live/status'
import type { Notebook } from '@shared/schema'
import { api, errorMessage } from '../api/client'

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string }
interface HistoryEntry {
  id: number
  label: string
  ops: Op[]
  inverse: Op[]
  /** The notebook as this entry left it: what an undo checks later edits against. */
  after: Notebook
}
export interface RunOptions {
  label?: string
  undoable?: boolean
}

const HISTORY_LIMIT = 200

/** The notebook as the core holds it, changed by others too (state/live-replica.ts). */
export interface RemoteNotebook {
  /** The latest notebook, or null when there is none to take yet. `adopt`: objects to keep. */
  current(adopt?: Notebook): Notebook | null
  subscribe(listener: () => void): () => void
  close(): void
  /** A shared notebook's connection state (null: not shared). */
  team?(): TeamStatus | null
  /** Tells others which source this window reads. */
  setReading?(title: string | undefined): void
  /** Whether typing sent there (a bound note editor's) is on disk yet. */
  saveState?(): SaveState
}

const SAVED: SaveState = { kind: 'saved' }

export class NotebookSession {
  notebook: Notebook
  /** Edits through run() and editors' debounced typing (markDirty), and bound typing (the replica). */
  private ownSave: SaveState = SAVED
  private liveSave: SaveState = SAVED
  private shownSave: SaveState = SAVED
  private undoStack: HistoryEntry[] = []
  private redoStack: HistoryEntry[] = []
  private nextEntryId = 1
  private queue: Promise<void> = Promise.resolve()
  private inFlight = 0
  private listeners = new Set<() => void>()
  private remote: RemoteNotebook | null = null
  private adopted = false
  private teamSeen: TeamStatus | null = null

  /** The shared notebook's connection state, or null when it is not shared (or not followed). */
  get team(): TeamStatus | null {
    return this.teamSeen
  }

  /** Says which source this window is reading, for teammates' presence. */
  setReading(title: string | undefined): void {
    this.remote?.setReading?.(title)
  }

  /**
   * The notebook as the core gave it when the window opened it, with the key its search index
   * is saved under (the notebook file's hash, given only when the notebook is exactly that
   * file; search-index.ts), kept together so that one never meets the other's notebook.
   */
  readonly opened: { notebook: Notebook; searchIndexKey?: string }

  constructor(notebook: Notebook, searchIndexKey?: string) {
    this.notebook = notebook
    this.opened = { notebook, searchIndexKey }
  }

  /** Takes changes made elsewhere from `remote` from now on; returns what stops it. */
  follow(remote: RemoteNotebook): () => void {
    this.remote = remote
    this.adopted = false
    const unsubscribe = remote.subscribe(() => {
      this.takeRemote()
      if (remote.team?.() !== this.teamSeen) {
        this.teamSeen = remote.team?.() ?? null
        this.emit()
      }
      const typed = remote.saveState?.() ?? SAVED
      if (typed !== this.liveSave) {
        this.liveSave = typed
        this.showSave()
      }
    })
    return () => {
      unsubscribe()
      remote.close()
      if (this.remote === remote) {
        this.remote = null
        this.liveSave = SAVED
        this.showSave()
      }
    }
  }

  /**
   * The core's notebook becomes this window's, unless an edit of ours is still on its way (the
   * core's notebook would not have it yet): then once the last one is answered. The undo
   * history stays: later-edits.ts refuses an undo that would overwrite what others changed.
   */
  private takeRemote(): void {
    if (!this.remote || this.inFlight > 0) return
    const next = this.remote.current(this.adopted ? undefined : this.notebook)
    if (!next) return
    this.adopted = true
    if (next === this.notebook) return
    this.notebook = next
    this.emit()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(): void {
    for (const l of this.listeners) l()
  }

  /**
   * Applies ops now (throws a GlossaError if the reducer refuses them) and persists them.
   * Returns the history entry's id (for an "Undo" button), or null when not undoable.
   */
  run(ops: Op[], options: RunOptions = {}): number | null {
    this.assertWritable()
    const { notebook, inverse } = applyOps(this.notebook, ops, new Date().toISOString())
    this.notebook = notebook
    let id: number | null = null
    if (options.undoable !== false) {
      id = this.nextEntryId++
      this.undoStack.push({ id, label: options.label ?? 'change', ops, inverse, after: notebook })
      if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift()
      this.redoStack = []
    }
    this.persist(ops)
    this.emit()
    return id
  }

  /** Whether entry `id` is the last thing done (nothing undoable has happened since). */
  isLatestEntry(id: number): boolean {
    return this.undoStack.at(-1)?.id === id
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

  /** Undoes the last entry; returns its label, or null when there is nothing to undo. */
  undo(): string | null {
    const entry = this.undoStack.at(-1)
    return entry ? this.undoEntry(entry.id) : null
  }

  /**
   * Undoes one entry, wherever it is in the history (a toast's own action). Throws a
   * GlossaError, changing nothing, when that would overwrite a later edit or the entry is gone.
   */
  undoEntry(id: number): string | null {
    const index = this.undoStack.findIndex((e) => e.id === id)
    if (index < 0) return null
    const entry = this.undoStack[index]
    const conflict = laterEditConflict(entry.inverse, entry.after, this.notebook)
    if (conflict) throw new GlossaError('undo/conflict', `Cannot undo “${entry.label}”: ${conflict}.`)
    try {
      this.replay(entry.inverse)
    } catch (error) {
      throw new GlossaError('undo/conflict', `Cannot undo “${entry.label}”: ${errorMessage(error)}`)
    }
    this.undoStack.splice(index, 1)
    this.redoStack.push({ ...entry, after: this.notebook })
    return entry.label
  }

  redo(): string | null {
    const entry = this.redoStack.at(-1)
    if (!entry) return null
    const conflict = laterEditConflict(entry.ops, entry.after, this.notebook)
    if (conflict) throw new GlossaError('undo/conflict', `Cannot redo “${entry.label}”: ${conflict}.`)
    const inverse = this.replay(entry.ops)
    this.redoStack.pop()
    this.undoStack.push({ ...entry, inverse, after: this.notebook })
    return entry.label
  }

  /** True for a copy joined with a read-only key: nothing here changes it (the core refuses too). */
  get readOnly(): boolean {
    return this.teamSeen?.readOnly === true
  }

  private assertWritable(): void {
    if (this.readOnly)
      throw new GlossaError(
        'team/read-only',
        'This notebook is read-only here: it was joined with a read-only key.',
      )
  }

  /** Applies ops as part of undo/redo; returns their inverse (what undoes them again). */
  private replay(ops: Op[]): Op[] {
    if (ops.length === 0) return []
    this.assertWritable()
    const { notebook, inverse } = applyOps(this.notebook, ops, new Date().toISOString())
    this.notebook = notebook
    this.persist(ops)
    this.emit()
    return inverse
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
        this.takeRemote()
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
    if (this.ownSave.kind === 'saved') this.setSave({ kind: 'saving' })
  }

  /**
   * What was typed went another way (into a live note's fragment): nothing waits for run(). The
   * replica says "saving" until the core acknowledges that typing as written (`liveSave`).
   */
  markClean(): void {
    if (this.inFlight === 0 && this.ownSave.kind === 'saving') this.setSave({ kind: 'saved' })
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

  /**
   * What the top bar shows: an error from either way of saving, else "saving" while either
   * waits. The same object until it changes (a store snapshot).
   */
  get save(): SaveState {
    return this.shownSave
  }

  /** Sets the state of edits through run() (use-external-changes.ts settles it after a reload). */
  set save(save: SaveState) {
    this.ownSave = save
    this.showSave(false)
  }

  private setSave(save: SaveState): void {
    this.save = save
    this.emit()
  }

  private showSave(emit = true): void {
    const own = this.ownSave
    const live = this.liveSave
    const next =
      own.kind === 'error' ? own : live.kind === 'error' ? live : own.kind === 'saving' ? own : live
    if (next === this.shownSave) return
    this.shownSave = next
    if (emit) this.emit()
  }
}
