// How a window's replica (live-replica.ts) reaches the core's live doc: a WebSocket to the
// browser host's /live/<id>, or in the desktop app a MessagePort the main process hands over
// through the preload (src/main/live-ports.ts). Both carry the same y-protocols messages.
import { isLivePortRequest, isPortClosing, LIVE_PORT_MESSAGE, type LivePortRequest } from '@shared/live-port'
import { hostToken } from '../api/client'

export interface LiveTransport {
  /** True from `open` until `close`: sends before or after are dropped. */
  readonly open: boolean
  send(message: Uint8Array): void
  close(): void
}

export interface LiveTransportEvents {
  open(): void
  message(message: Uint8Array): void
  /** Once, whichever side closed (the replica reconnects unless it closed itself). */
  close(): void
}

/** Makes one connection; the replica calls it again to reconnect. */
export type ConnectLive = (events: LiveTransportEvents) => LiveTransport

const PROTOCOL = 'glossa-live.v1'

export function webSocketTransport(notebookId: string, token: string): ConnectLive {
  return (events) => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
    const socket = new WebSocket(`${scheme}://${location.host}/live/${notebookId}`, [
      PROTOCOL,
      `token.${token}`,
    ])
    socket.binaryType = 'arraybuffer'
    socket.onopen = () => events.open()
    socket.onmessage = (event: MessageEvent<ArrayBuffer>) => events.message(new Uint8Array(event.data))
    socket.onclose = () => events.close()
    return {
      get open() {
        return socket.readyState === WebSocket.OPEN
      },
      send: (message) => socket.send(message),
      close: () => socket.close(),
    }
  }
}

/** The preload's side of the desktop app's live ports (src/preload/index.ts). */
export interface LivePortBridge {
  openLivePort(request: LivePortRequest): Promise<{ ok: boolean }>
}

let requests = 0

/**
 * Asks the main process for a port to notebook `notebookId`; the preload posts it to this
 * window, marked with the request it answers. A refused request, or the core closing the port,
 * is a close (the replica tries again later).
 */
export function portTransport(notebookId: string, bridge: LivePortBridge): ConnectLive {
  return (events) => {
    const request = ++requests
    let port: MessagePort | null = null
    let state: 'opening' | 'open' | 'closed' = 'opening'
    const finish = () => {
      if (state === 'closed') return
      state = 'closed'
      window.removeEventListener('message', onPort)
      port?.close()
      events.close()
    }
    const onPort = (event: MessageEvent) => {
      const data = event.data as (LivePortRequest & { type?: unknown }) | null
      // Only what our own preload posted to this window, for this request.
      if (event.source !== window || data?.type !== LIVE_PORT_MESSAGE || !isLivePortRequest(data)) return
      if (data.notebookId !== notebookId || data.request !== request || event.ports.length !== 1) return
      window.removeEventListener('message', onPort)
      port = event.ports[0]
      port.onmessage = (message: MessageEvent) => {
        const bytes = message.data as unknown
        if (bytes instanceof Uint8Array) events.message(bytes)
        else if (bytes instanceof ArrayBuffer) events.message(new Uint8Array(bytes))
        else if (isPortClosing(bytes)) finish()
      }
      // Where Chromium tells a page that the other end went away.
      port.addEventListener('close', finish)
      state = 'open'
      events.open()
    }
    window.addEventListener('message', onPort)
    bridge.openLivePort({ notebookId, request }).then(
      (outcome) => !outcome.ok && finish(),
      () => finish(),
    )
    return {
      get open() {
        return state === 'open'
      },
      send: (message) => {
        if (state === 'open') port!.postMessage(message)
      },
      close: finish,
    }
  }
}

/** How this window reaches the core: the desktop's port, the browser host's socket, or not at all. */
export function liveTransport(notebookId: string): ConnectLive | null {
  const bridge = window.glossa as Partial<LivePortBridge> | undefined
  if (typeof bridge?.openLivePort === 'function') return portTransport(notebookId, bridge as LivePortBridge)
  const token = hostToken()
  return token && typeof WebSocket === 'function' ? webSocketTransport(notebookId, token) : null
}
