// A window's read-only replica of the core's live doc (docs/LIVE.md): it connects to the
// browser host's /live/<id> WebSocket, says what it has, and applies what the core sends. The
// session takes the projection as the notebook whenever its own edits are all answered, so
// every window sees every change within the round trip. Reconnects after a drop.
import * as Y from 'yjs'
import { handleSyncMessage, LiveProjection, syncStep1 } from '@shared/live'
import { integrityProblems } from '@shared/ops/integrity'
import type { Notebook } from '@shared/schema'
import { hostToken } from '../api/client'
import type { NotebookSession, RemoteNotebook } from './session'

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
    }
    socket.onmessage = (event: MessageEvent<ArrayBuffer>) => {
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
