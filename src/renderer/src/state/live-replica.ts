// A window's read-only replica of the core's live doc (docs/LIVE.md): it connects to the
// browser host's /live/<id> WebSocket, says what it has, and applies what the core sends. The
// session takes the projection as the notebook whenever its own edits are all answered, so
// every window sees every change within the round trip. Reconnects after a drop.
import * as Y from 'yjs'
import {
  handleSyncMessage,
  jsonMessage,
  LiveProjection,
  MESSAGE_NOTICES,
  MESSAGE_STATUS,
  readJsonMessage,
  syncStep1,
} from '@shared/live'
import { TeamStatusSchema, type TeamStatus } from '@shared/live/status'
import { integrityProblems } from '@shared/ops/integrity'
import type { Notebook } from '@shared/schema'
import { hostToken } from '../api/client'
import type { NotebookSession, RemoteNotebook } from './session'
import { toastStore } from './toasts'

const PROTOCOL = 'glossa-live.v1'
const RETRY_MS = [500, 1_000, 2_000, 5_000]

export class LiveReplica implements RemoteNotebook {
  private readonly doc = new Y.Doc()
  private readonly projection = new LiveProjection(this.doc)
  private socket: WebSocket | null = null
  private synced = false
  private closed = false
  private attempts = 0
  private pending = false
  private readonly listeners = new Set<() => void>()
  private teamStatus: TeamStatus | null = null
  private reading: string | undefined

  constructor(
    private readonly notebookId: string,
    private readonly token: string,
  ) {
    this.doc.on('update', () => this.changed())
    this.connect()
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

  /** A shared notebook's connection state, as the core last told it (null: not shared). */
  team(): TeamStatus | null {
    return this.teamStatus
  }

  /** Tells the core which source this window reads (presence for the team). */
  setReading(title: string | undefined): void {
    this.reading = title
    if (this.socket?.readyState === WebSocket.OPEN)
      this.socket.send(jsonMessage(MESSAGE_STATUS, { reading: title }))
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    this.closed = true
    this.socket?.close()
    this.projection.destroy()
    this.doc.destroy()
  }

  private connect(): void {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
    const socket = new WebSocket(`${scheme}://${location.host}/live/${this.notebookId}`, [
      PROTOCOL,
      `token.${this.token}`,
    ])
    socket.binaryType = 'arraybuffer'
    this.socket = socket
    socket.onopen = () => {
      this.attempts = 0
      socket.send(syncStep1(this.doc))
      if (this.reading) socket.send(jsonMessage(MESSAGE_STATUS, { reading: this.reading }))
    }
    socket.onmessage = (event: MessageEvent<ArrayBuffer>) => {
      const json = readJsonMessage(new Uint8Array(event.data))
      if (json) return this.told(json.kind, json.value)
      try {
        const reply = handleSyncMessage(this.doc, new Uint8Array(event.data), {
          readOnly: false,
          origin: 'core',
        })
        if (reply) socket.send(reply)
        if (!this.synced && this.doc.getMap('meta').size > 0) {
          this.synced = true
          this.changed()
        }
      } catch {
        socket.close()
      }
    }
    socket.onclose = () => {
      if (this.closed) return
      const delay = RETRY_MS[Math.min(this.attempts++, RETRY_MS.length - 1)]
      setTimeout(() => !this.closed && this.connect(), delay)
    }
  }

  private told(kind: number, value: unknown): void {
    if (kind === MESSAGE_NOTICES && Array.isArray(value))
      for (const notice of value.slice(0, 5)) if (typeof notice === 'string') toastStore.show(notice)
    if (kind !== MESSAGE_STATUS) return
    const parsed = TeamStatusSchema.safeParse(value)
    if (!parsed.success) return
    this.teamStatus = parsed.data
    for (const l of this.listeners) l()
  }

  /** Many messages in one task make one projection. */
  private changed(): void {
    if (!this.synced || this.pending) return
    this.pending = true
    queueMicrotask(() => {
      this.pending = false
      for (const l of this.listeners) l()
    })
  }
}

/** Follows the core's live doc where the host offers one (the browser host); else nothing. */
export function openLiveReplica(notebookId: string): LiveReplica | null {
  const token = hostToken()
  return token && typeof WebSocket === 'function' ? new LiveReplica(notebookId, token) : null
}

/** Makes the session follow its notebook's live doc; returns what stops it (for an effect). */
export function followLive(session: NotebookSession): (() => void) | undefined {
  const replica = openLiveReplica(session.notebook.id)
  return replica ? session.follow(replica) : undefined
}
