// Windows follow a notebook's live doc over a connection speaking y-protocols' sync messages
// (connection.ts: a WebSocket in the browser host, an Electron MessagePort in the desktop app):
// a window says what it has (step 1), gets what it lacks, then every update as the core makes
// it. Windows edit through applyOps, except note bodies: an open note editor is bound to its
// fragment (TipTap's Collaboration), so a window's typing arrives here as Yjs updates, which
// the core settles like a teammate's (live-notebook.ts: validated, repaired, then saved). A
// notebook joined with a read-only key takes no updates from its windows. The core also sends
// its own step 1, so typing a window made while the socket was down comes in on reconnect.
// Each message carrying a window's changes is acknowledged to that window once the store's save
// holding them is done (or failed), so its top bar's "Saved" means on disk for typing too.
// The host authorizes the connection (browser host: token, Host, Origin; desktop: our window's
// main frame) before handing it over.
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import {
  carriesChanges,
  handleSyncMessage,
  jsonMessage,
  MESSAGE_NOTICES,
  MESSAGE_SAVED,
  MESSAGE_STATUS,
  readJsonMessage,
  syncStep1,
  updateMessage,
  type SavedMessage,
} from '@shared/live'
import { webSocketConnection, type LiveConnection } from './connection'
import type { LiveDocs, LiveEvents } from './live-docs'
import type { LiveNotebook } from './live-notebook'

/** The subprotocol windows ask for; the token travels as a second one ("token.<token>"). */
export const LIVE_PROTOCOL = 'glossa-live.v1'
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024
const UNSAVED = 'The notebook could not be saved.'
const READ_ONLY = 'This notebook was joined with a read-only key: it can be read here but not changed.'

export class LiveRelay implements LiveEvents {
  private readonly windows = new Map<string, Set<LiveConnection>>()

  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => (protocols.has(LIVE_PROTOCOL) ? LIVE_PROTOCOL : false),
  })

  constructor(private readonly docs: LiveDocs) {
    docs.events = this
  }

  status(id: string, status: unknown): void {
    this.tell(id, jsonMessage(MESSAGE_STATUS, status))
  }

  notices(id: string, notices: string[]): void {
    this.tell(id, jsonMessage(MESSAGE_NOTICES, notices))
  }

  shared(id: string): void {
    this.start(id)
  }

  private readonly pending = new Map<string, ((live: Promise<LiveNotebook>) => void)[]>()

  /** Opens notebook `id`'s doc for every window waiting for it. */
  private start(id: string): void {
    const waiting = this.pending.get(id) ?? []
    this.pending.delete(id)
    if (!waiting.length) return
    const live = this.docs.get(id)
    for (const w of waiting) w(live)
  }

  private tell(id: string, message: Uint8Array): void {
    for (const ws of this.windows.get(id) ?? []) if (ws.open) ws.send(message)
  }

  /** Completes an upgrade the host has authorized, for notebook `id`. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer, id: string): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connect(webSocketConnection(ws), id))
  }

  /** Follows notebook `id` over a connection the host has authorized (a window). */
  connect(ws: LiveConnection, id: string): void {
    const windows = this.windows.get(id) ?? new Set<LiveConnection>()
    this.windows.set(id, windows)
    windows.add(ws)
    // The doc is built only when there is something to follow: a second window, or a team. A
    // lone window on a notebook of its own costs nothing (building the doc of a notebook of
    // 20,000 passages takes seconds: docs/PERFORMANCE.md, live.doc).
    const ready = new Promise<LiveNotebook>((resolve, reject) => {
      const pending = this.pending.get(id) ?? []
      this.pending.set(id, pending)
      pending.push((start) => start.then(resolve, reject))
    })
    if (windows.size >= 2) this.start(id)
    else void this.docs.shared(id).then((shared) => shared && this.start(id))
    ready.catch(() => ws.close(4404, 'The notebook could not be opened.'))
    let detach = () => {}
    void ready.then(
      (live) => {
        const onUpdate = (update: Uint8Array, origin: unknown) =>
          origin !== ws && ws.open && ws.send(updateMessage(update))
        live.doc.on('update', onUpdate)
        detach = () => live.doc.off('update', onUpdate)
        if (!ws.open) return detach()
        if (live.link) ws.send(jsonMessage(MESSAGE_STATUS, live.link.status))
        // What the window has that the core lacks (typing while the socket was down).
        if (!live.readOnly) ws.send(syncStep1(live.doc))
      },
      () => {},
    )
    // Messages that arrive while the doc opens wait for it, in order.
    let queue = Promise.resolve()
    // Messages carrying this window's changes, counted as the window counts them, and the last
    // count told back (acknowledgements only move forward: a later save holds every earlier one).
    let received = 0
    let told = 0
    const acknowledge = (through: number, error?: string) => {
      if (through <= told || !ws.open) return
      if (!error) told = through
      ws.send(jsonMessage(MESSAGE_SAVED, { through, ...(error ? { error } : {}) } satisfies SavedMessage))
    }
    ws.onMessage((bytes) => {
      // A WebSocket refuses these itself (maxPayload); a port does not. Empty: not bytes at all.
      if (bytes.length > MAX_MESSAGE_BYTES) return ws.close(1009, 'Message too big.')
      if (bytes.length === 0) return ws.close(4400, 'Not a sync message.')
      queue = queue.then(
        async () => {
          const live = await ready
          try {
            // A window says which source it is reading (presence for the team).
            const json = readJsonMessage(bytes)
            if (json) {
              if (json.kind !== MESSAGE_STATUS) return
              const reading = (json.value as { reading?: unknown } | null)?.reading
              live.link?.setReading(typeof reading === 'string' ? reading.slice(0, 200) : undefined)
              return
            }
            const changes = carriesChanges(bytes) ? ++received : 0
            const reply = handleSyncMessage(live.doc, bytes, { readOnly: live.readOnly, origin: ws })
            if (reply && ws.open) ws.send(reply)
            if (!changes) return
            if (live.readOnly) return acknowledge(changes, READ_ONLY)
            // Settled on the next turn with whatever else arrived, then saved by the store.
            void live.saved().then(
              (outcome) => acknowledge(changes, outcome.saved ? undefined : (outcome.saveError ?? UNSAVED)),
              (error: unknown) => acknowledge(changes, (error as Error).message ?? UNSAVED),
            )
          } catch {
            ws.close(4400, 'Not a sync message.')
          }
        },
        () => {},
      )
    })
    ws.onClose(() => {
      detach()
      windows.delete(ws)
    })
  }

  close(): void {
    for (const windows of this.windows.values())
      for (const ws of windows) ws.close(1001, 'Glossa is closing.')
    for (const ws of this.wss.clients) ws.terminate()
    this.wss.close()
  }
}
