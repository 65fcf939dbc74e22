// A window's replica of the core's live doc (docs/LIVE.md): it connects to the core (the browser
// host's /live/<id> WebSocket, or the desktop app's MessagePort: live-transport.ts), says what it
// has, and applies what the core sends. The session takes
// the projection as the notebook whenever its own edits are all answered, so every window sees
// every change within the round trip. Reconnects after a drop. The window edits through
// applyOps, except an open note editor, which is bound to its note's fragment here (TipTap's
// Collaboration): that typing goes to the core as Yjs updates, so two people typing in one note
// merge by character. The core acknowledges that typing once the file holding it is written
// (MESSAGE_SAVED), so the top bar's "Saved" covers it too (`saveState`).
import * as Y from 'yjs'
import {
  handleSyncMessage,
  jsonMessage,
  LiveProjection,
  MESSAGE_NOTICES,
  MESSAGE_SAVED,
  MESSAGE_STATUS,
  readJsonMessage,
  syncStep1,
  updateFragment,
  updateMessage,
} from '@shared/live'
import { readConflicts, type Conflict } from '@shared/live/conflicts'
import { CONFLICTS, FRAGMENT_FIELDS, HAS_NOTE, META } from '@shared/live/layout'
import { TeamStatusSchema, type TeamStatus } from '@shared/live/status'
import { integrityProblems } from '@shared/ops/integrity'
import type { DocNode, Notebook } from '@shared/schema'
import { liveTransport, type ConnectLive, type LiveTransport } from './live-transport'
import type { NotebookSession, RemoteNotebook, SaveState } from './session'
import { toastStore } from './toasts'

/** Updates that came from the core (everything else was made here and goes to the core). */
const FROM_CORE = 'core'
/** The note collections whose bodies an editor may be bound to. */
export type NoteCollection = 'annotations' | 'notes'
const RETRY_MS = [500, 1_000, 2_000, 5_000]
/**
 * This window's own typing reaches its notebook at most this often. The bound editor shows it
 * already, and each new notebook is projected, checked and drawn again whole: per keystroke
 * that cost more than the typing itself at 20,000 passages (docs/PERFORMANCE.md, live typing).
 */
const LOCAL_PROJECT_MS = 250
const SAVED: SaveState = { kind: 'saved' }
const SAVING: SaveState = { kind: 'saving' }

export class LiveReplica implements RemoteNotebook {
  private readonly doc = new Y.Doc()
  private readonly projection = new LiveProjection(this.doc)
  private transport: LiveTransport | null = null
  private synced = false
  private closed = false
  private attempts = 0
  private pending = false
  private localTimer: ReturnType<typeof setTimeout> | undefined
  private readonly listeners = new Set<() => void>()
  private teamStatus: TeamStatus | null = null
  private reading: string | undefined
  /**
   * This window's changes in flight: messages carrying them sent on this connection (counted as
   * the core counts them: updates and answers to its step 1), and how many the core said are
   * saved. `carried`: changes this count does not cover (made while the connection was down, or
   * sent on one that closed before they were acknowledged); they go again in the answer to the
   * core's step 1, message number `carriedIn`, and are saved once that one is.
   */
  private sentChanges = 0
  private savedThrough = 0
  private carried = false
  private carriedIn = Infinity
  private saveError: string | null = null
  private saveShown: SaveState = SAVED

  constructor(private readonly connectTo: ConnectLive) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.changed(origin !== FROM_CORE)
      if (origin === FROM_CORE) return
      // Typing in a bound note editor: to the core (sent again on reconnect if the socket is down,
      // as the answer to the core's step 1).
      if (this.transport?.open) this.sendChanges(updateMessage(update))
      else this.carried = true
      this.saveChanged()
    })
    this.connect()
  }

  /**
   * Whether this window's typing is on disk: "saving" while any of it is not acknowledged by the
   * core (offline too), the store's error when the core says its save failed.
   */
  saveState(): SaveState {
    return this.saveShown
  }

  private sendChanges(message: Uint8Array): number {
    this.transport!.send(message)
    return ++this.sentChanges
  }

  private saved(value: unknown): void {
    const { through, error } = (value ?? {}) as { through?: unknown; error?: unknown }
    if (typeof through !== 'number') return
    if (typeof error === 'string') this.saveError = error.slice(0, 500)
    else {
      // A later save holds every earlier change, the failed ones too (the store keeps them).
      this.saveError = null
      this.savedThrough = Math.max(this.savedThrough, through)
      if (this.savedThrough >= this.carriedIn) {
        this.carried = false
        this.carriedIn = Infinity
      }
    }
    this.saveChanged()
  }

  private saveChanged(): void {
    const pending = this.carried || this.savedThrough < this.sentChanges
    const next: SaveState = this.saveError
      ? { kind: 'error', message: this.saveError }
      : pending
        ? SAVING
        : SAVED
    const shown = this.saveShown
    if (
      next.kind === shown.kind &&
      (next.kind !== 'error' || shown.kind !== 'error' || next.message === shown.message)
    )
      return
    this.saveShown = next
    for (const l of this.listeners) l()
  }

  /** The notebook the core holds, or null before the first sync (or while it breaks a rule). */
  current(adopt?: Notebook): Notebook | null {
    if (!this.synced) return null
    try {
      const projected = adopt ? this.projection.adopt(adopt) : this.projection.project().notebook
      // Mid-merge (a teammate's update before the core's repair of it): wait for the repair.
      return integrityProblems(projected).length ? null : projected
    } catch {
      return null // a doc this Glossa cannot read (a newer version): keep what the window has
    }
  }

  /** True once the replica holds the core's doc (note editors may bind to it). */
  get live(): boolean {
    return this.synced
  }

  private conflictList: { newest: unknown; list: Conflict[] } = { newest: undefined, list: [] }

  /**
   * Values concurrent writes overwrote (docs/LIVE.md), newest first, for the conflicts list. The
   * same array until the list changes (a store snapshot; entries are only appended, and trimmed
   * from the front, so the newest one tells).
   */
  conflicts(): Conflict[] {
    const stored = this.doc.getArray(CONFLICTS)
    const newest = this.synced && stored.length ? stored.get(stored.length - 1) : undefined
    if (newest !== this.conflictList.newest)
      this.conflictList = { newest, list: newest ? readConflicts(this.doc).reverse() : [] }
    return this.conflictList.list
  }

  /**
   * The fragment of note `key`'s body (a passage's note, a note page's text) for an editor to
   * bind to, or null when the replica does not hold it (not synced yet, just created, deleted),
   * or when this copy is read-only (its changes would be refused).
   */
  fragment(collection: NoteCollection, key: string): Y.XmlFragment | null {
    if (!this.synced || this.teamStatus?.readOnly) return null
    const entity = this.doc.getMap<Y.Map<unknown>>(collection).get(key)
    const fragment = entity instanceof Y.Map ? entity.get(FRAGMENT_FIELDS[collection]!) : null
    return fragment instanceof Y.XmlFragment ? fragment : null
  }

  /**
   * The last save of a note editor that was not bound yet (it is made again, bound, now that
   * the note is here): written into the fragment as a character diff, as the core writes a
   * batch, so typing another window put there meanwhile is kept. False when the replica does
   * not hold the note (the editor saves through applyOps then).
   */
  writeNote(collection: NoteCollection, key: string, note: DocNode | null): boolean {
    const fragment = this.fragment(collection, key)
    if (!fragment) return false
    this.doc.transact(() => {
      if (note) updateFragment(fragment, note)
      else fragment.delete(0, fragment.length)
    }, 'editor')
    this.touch(collection, key, note === null)
    return true
  }

  /**
   * After typing in a bound editor: the note's and the notebook's "changed at" (what the
   * reducer sets for an edit through applyOps), and whether a passage has a note at all.
   */
  touch(collection: NoteCollection, key: string, empty: boolean): void {
    const entity = this.doc.getMap<Y.Map<unknown>>(collection).get(key)
    if (!(entity instanceof Y.Map)) return
    const now = new Date().toISOString()
    this.doc.transact(() => {
      entity.set('updatedAt', now)
      if (collection === 'annotations' && entity.get(HAS_NOTE) !== !empty) entity.set(HAS_NOTE, !empty)
      this.doc.getMap(META).set('updatedAt', now)
    }, 'touch')
  }

  /** A shared notebook's connection state, as the core last told it (null: not shared). */
  team(): TeamStatus | null {
    return this.teamStatus
  }

  /** Tells the core which source this window reads (presence for the team). */
  setReading(title: string | undefined): void {
    this.reading = title
    if (this.transport?.open) this.transport.send(jsonMessage(MESSAGE_STATUS, { reading: title }))
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    this.closed = true
    clearTimeout(this.localTimer)
    this.transport?.close()
    this.projection.destroy()
    this.doc.destroy()
  }

  private connect(): void {
    const transport: LiveTransport = this.connectTo({
      open: () => {
        this.attempts = 0
        transport.send(syncStep1(this.doc))
        if (this.reading) transport.send(jsonMessage(MESSAGE_STATUS, { reading: this.reading }))
      },
      message: (message) => {
        const json = readJsonMessage(message)
        if (json) return this.told(json.kind, json.value)
        try {
          const reply = handleSyncMessage(this.doc, message, { readOnly: false, origin: FROM_CORE })
          // The answer to the core's step 1: whatever the core lacks of this window's changes.
          if (reply) {
            const number = this.sendChanges(reply)
            if (this.carried) this.carriedIn = number
          }
          if (!this.synced && this.doc.getMap('meta').size > 0) {
            this.synced = true
            this.changed()
          }
        } catch {
          transport.close()
        }
      },
      close: () => {
        // What this connection did not see saved goes again with the next one's step 1.
        if (this.savedThrough < this.sentChanges) this.carried = true
        this.carriedIn = Infinity
        this.sentChanges = this.savedThrough = 0
        this.saveChanged()
        if (this.closed) return
        const delay = RETRY_MS[Math.min(this.attempts++, RETRY_MS.length - 1)]
        setTimeout(() => !this.closed && this.connect(), delay)
      },
    })
    this.transport = transport
  }

  private told(kind: number, value: unknown): void {
    if (kind === MESSAGE_SAVED) return this.saved(value)
    if (kind === MESSAGE_NOTICES && Array.isArray(value))
      for (const notice of value.slice(0, 5)) if (typeof notice === 'string') toastStore.show(notice)
    if (kind !== MESSAGE_STATUS) return
    const parsed = TeamStatusSchema.safeParse(value)
    if (!parsed.success) return
    this.teamStatus = parsed.data
    for (const l of this.listeners) l()
  }

  /** Many messages in one task make one projection; this window's typing, one per LOCAL_PROJECT_MS. */
  private changed(local = false): void {
    if (!this.synced) return
    if (local) {
      this.localTimer ??= setTimeout(() => {
        this.localTimer = undefined
        this.changed()
      }, LOCAL_PROJECT_MS)
      return
    }
    if (this.pending) return
    this.pending = true
    queueMicrotask(() => {
      this.pending = false
      // This projection holds the local typing too.
      clearTimeout(this.localTimer)
      this.localTimer = undefined
      if (!this.closed) for (const l of this.listeners) l()
    })
  }
}

/** Follows the core's live doc where the host offers one (both hosts do); else nothing. */
export function openLiveReplica(notebookId: string): LiveReplica | null {
  const connect = liveTransport(notebookId)
  return connect ? new LiveReplica(connect) : null
}

/** The replica each session follows (note editors bind to its fragments). */
const replicas = new WeakMap<NotebookSession, LiveReplica>()

const replicasChanged = new Set<() => void>()

export function replicaOf(session: NotebookSession): LiveReplica | null {
  return replicas.get(session) ?? null
}

/** Calls `listener` when the session's replica comes or goes, and on each of its changes. */
export function subscribeLive(session: NotebookSession, listener: () => void): () => void {
  let current: LiveReplica | null = null
  let stopReplica = () => {}
  const follow = () => {
    const replica = replicaOf(session)
    if (replica !== current) {
      stopReplica()
      current = replica
      stopReplica = replica ? replica.subscribe(listener) : () => {}
    }
    listener()
  }
  replicasChanged.add(follow)
  current = replicaOf(session)
  if (current) stopReplica = current.subscribe(listener)
  return () => {
    replicasChanged.delete(follow)
    stopReplica()
  }
}

function replicasMoved(): void {
  for (const l of [...replicasChanged]) l()
}

/** Makes the session follow its notebook's live doc; returns what stops it (for an effect). */
export function followLive(session: NotebookSession): (() => void) | undefined {
  const replica = openLiveReplica(session.notebook.id)
  if (!replica) return undefined
  replicas.set(session, replica)
  replicasMoved()
  const stop = session.follow(replica)
  return () => {
    if (replicas.get(session) === replica) replicas.delete(session)
    stop()
    replicasMoved()
  }
}
