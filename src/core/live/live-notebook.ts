// One open notebook's Y.Doc in the core (docs/LIVE.md, "Many windows in one app"). The store
// stays the keeper of the JSON file; every change it makes to the notebook in memory (a batch
// applied, a reload from disk) is written into the doc as the difference, and the doc's updates
// are what windows (and, later, the team server) receive.
import { isDeepStrictEqual } from 'node:util'
import * as Y from 'yjs'
import { LiveProjection, notebookToYDoc, REPAIR_ORIGIN, settle, writeNotebookDiff } from '@shared/live'
import type { Notebook } from '@shared/schema'
import type { SaveOutcome } from '../store/open-notebook'
import { TeamLink, type TeamConfig } from './team-link'
import { readYDoc, writeFreshYDoc } from './ydoc-file'
import { YDocLog } from './ydoc-log'

export const LOCAL_ORIGIN = 'glossa-core'

export class LiveNotebook {
  private projection: LiveProjection | null = null
  /** Others' changes are applied and not settled yet (settled together, on the next turn). */
  private unsettled = false
  private log!: YDocLog
  link: TeamLink | null = null
  /**
   * Told each notebook a merge of others' changes made (with what was refused or repaired);
   * may return the store's save of it (a Promise<SaveOutcome>), which `saved()` hands to whoever
   * waits for those changes.
   */
  onRemote: ((notebook: Notebook, notices: string[]) => unknown) | null = null
  /** The store's save of the last settled notebook (a later save holds every earlier one). */
  private lastSave: Promise<SaveOutcome> = Promise.resolve({ saved: true })
  private readonly settleWaiters: (() => void)[] = []

  private constructor(
    readonly doc: Y.Doc,
    private current: Notebook,
  ) {
    // The projection that settles others' changes starts before the first of them is applied:
    // started after, it would take an invalid entity that update brought for one it never had
    // (and drop it, with what refers to it) instead of keeping the last valid version.
    doc.on('beforeTransaction', (tr: Y.Transaction) => {
      if (!this.projection && tr.origin !== LOCAL_ORIGIN && tr.origin !== REPAIR_ORIGIN)
        this.startProjection()
    })
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.log.append(update)
      if (origin !== LOCAL_ORIGIN && origin !== REPAIR_ORIGIN) this.scheduleSettle()
    })
  }

  /**
   * Others' changes that arrive together (a burst of a teammate's typing, the messages one socket
   * read holds) are settled once, on the next turn of the event loop: a settle projects and may
   * repair the whole notebook (docs/PERFORMANCE.md, "Live notebooks").
   */
  private scheduleSettle(): void {
    if (this.unsettled) return
    this.unsettled = true
    setImmediate(() => this.settleNow())
  }

  /** Settles others' changes now if any wait (before a local edit is written beside them). */
  settleNow(): void {
    if (!this.unsettled) return
    this.unsettled = false
    this.settleRemote()
    for (const waiter of this.settleWaiters.splice(0)) waiter()
  }

  /**
   * Resolves once everything the doc holds now from others (a window's typing) is in the JSON
   * file, or with the store's error: the relay acknowledges a window's updates with it.
   */
  saved(): Promise<SaveOutcome> {
    if (!this.unsettled) return this.lastSave
    return new Promise<void>((resolve) => this.settleWaiters.push(resolve)).then(() => this.lastSave)
  }

  /** Links the doc to a team server (offline edits go out when it is reachable). */
  connect(config: TeamConfig, name?: string): TeamLink {
    this.link?.destroy()
    this.link = new TeamLink(this.doc, this.current.id, config, name)
    return this.link
  }

  /**
   * After a remote update: project, refuse what is invalid, repair what the merge broke, write
   * that back (every replica converges on it), and hand the notebook to the store.
   */
  private settleRemote(): void {
    const projection = this.projection ?? this.startProjection()
    let settled
    try {
      settled = settle(this.doc, projection)
    } catch (error) {
      console.error('[glossa live] a change from the team server could not be read:', error)
      const saveError = `A change could not be read: ${(error as Error).message}`
      this.lastSave = Promise.resolve({ saved: false, saveError })
      return
    }
    if (settled.notebook === this.current && !settled.notices.length) return
    this.current = settled.notebook
    const save = this.onRemote?.(settled.notebook, settled.notices)
    if (save instanceof Promise) this.lastSave = save as Promise<SaveOutcome>
  }

  private startProjection(): LiveProjection {
    this.projection = new LiveProjection(this.doc)
    this.projection.adopt(this.current)
    return this.projection
  }

  /**
   * The doc saved at `path`, brought up to `notebook` (the file, which is the truth): what
   * differs — another program's edit, a doc lost or damaged — is written into it as an edit.
   */
  static async open(path: string, notebook: Notebook): Promise<LiveNotebook> {
    const doc = new Y.Doc()
    const saved = await readYDoc(path)
    let projected: Notebook | null = null
    let projection: LiveProjection | null = null
    if (saved) {
      try {
        doc.transact(() => {
          Y.applyUpdate(doc, saved.state)
          for (const update of saved.updates) Y.applyUpdate(doc, update)
        }, LOCAL_ORIGIN)
        projection = new LiveProjection(doc)
        projected = projection.project().notebook
      } catch {
        projection?.destroy()
        projected = null
      }
    }
    if (!saved || !projected || projected.id !== notebook.id) {
      projection?.destroy()
      const fresh = notebookToYDoc(notebook)
      const state = Y.encodeStateAsUpdate(fresh)
      await writeFreshYDoc(path, state)
      const live = new LiveNotebook(fresh, notebook)
      live.log = new YDocLog(path, () => Y.encodeStateAsUpdate(fresh), state.length, 0, 0)
      return live
    }
    const live = new LiveNotebook(doc, notebook)
    live.log = new YDocLog(
      path,
      () => Y.encodeStateAsUpdate(doc),
      saved.state.length,
      saved.logBytes,
      saved.updates.length,
    )
    if (!isDeepStrictEqual(projected, notebook)) writeNotebookDiff(doc, projected, notebook, LOCAL_ORIGIN)
    // The projection that reading the doc needed is the one settling others' changes needs: kept,
    // the first of them no longer projects the whole notebook again (4.7 s at 20,000 passages).
    live.projection = projection
    projection?.adopt(notebook)
    return live
  }

  /** The store changed the notebook in memory (`before` is what the doc last followed). */
  follow(after: Notebook): void {
    writeNotebookDiff(this.doc, this.current, after, LOCAL_ORIGIN)
    this.current = after
    // Others' changes not settled yet: the store's notebook lacks them, so the settle (now that
    // the local edit is in the doc beside them) hands the store the merge of both.
    this.settleNow()
  }

  /** Joined with a read-only key: its windows' changes are refused (relay.ts, LiveDocs.guard). */
  get readOnly(): boolean {
    return this.link?.isReadOnly ?? false
  }

  get notebook(): Notebook {
    return this.current
  }

  /** Every change is in the doc's log as it is made (ydoc-log.ts); kept for callers that wait. */
  save(): Promise<void> {
    return this.log.flush()
  }

  /** How many times the log was folded into a whole state (tests, bench). */
  get compactions(): number {
    return this.log.compactions
  }

  async close(): Promise<void> {
    this.link?.destroy()
    this.settleNow()
    this.log.close()
    this.doc.destroy()
  }
}
