// One window's link to the live relay (relay.ts): bytes both ways, and a close. The browser
// host's windows come over a WebSocket, the desktop app's over an Electron MessagePort
// (MessageChannelMain, src/main/live-ports.ts); the relay's logic is the same for both.
import type { RawData, WebSocket } from 'ws'
import type { PortClosing } from '@shared/live-port'

export interface LiveConnection {
  /** False once either side closed it: what is sent then is dropped. */
  readonly open: boolean
  send(message: Uint8Array): void
  /** `message` is empty when what came was not bytes (the relay refuses it). */
  onMessage(listener: (message: Uint8Array) => void): void
  /** Called once, whichever side closed. */
  onClose(listener: () => void): void
  close(code: number, reason: string): void
}

export function webSocketConnection(ws: WebSocket): LiveConnection {
  return {
    get open() {
      return ws.readyState === ws.OPEN
    },
    send: (message) => ws.send(message),
    onMessage: (listener) => ws.on('message', (data: RawData) => listener(wsBytes(data))),
    onClose: (listener) => ws.on('close', () => listener()),
    close: (code, reason) => ws.close(code, reason),
  }
}

/**
 * The part of Electron's MessagePortMain the relay uses. Node's worker_threads MessagePort
 * (which passes the value itself, not `{ data }`) stands in for it in tests through a shim.
 */
export interface PortLike {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
  on(event: 'close', listener: () => void): unknown
  start(): void
  close(): void
}

export function portConnection(port: PortLike): LiveConnection {
  let open = true
  const closeListeners: (() => void)[] = []
  const closed = () => {
    if (!open) return
    open = false
    for (const listener of closeListeners.splice(0)) listener()
  }
  // The remote end went away: the window reloaded or closed.
  port.on('close', closed)
  const connection: LiveConnection = {
    get open() {
      return open
    },
    send: (message) => {
      if (open) port.postMessage(message)
    },
    onMessage: (listener) => {
      port.on('message', (event) => {
        if (open) listener(portBytes(event.data))
      })
      port.start()
    },
    onClose: (listener) => {
      if (open) closeListeners.push(listener)
      else listener()
    },
    close: (code, reason) => {
      if (!open) return
      // A port carries no close code, and a page's port may not see the close: say it first.
      port.postMessage({ closing: code, reason } satisfies PortClosing)
      port.close()
      closed()
    },
  }
  return connection
}

function portBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  return new Uint8Array(0)
}

function wsBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data)
}
