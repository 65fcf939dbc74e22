// The desktop app's live ports (docs/LIVE.md, "Many windows in one app"): what the main process,
// the preload and the page say to each other around a MessagePort. Plain checks, no zod: the
// preload is bundled on its own and stays small; the main process validates with the schema.

/** The IPC channel a window asks on, and the one the port comes back on. */
export const LIVE_PORT_CHANNEL = 'glossa:live-port'

/** A window's request, echoed with the port so the page knows which request it answers. */
export interface LivePortRequest {
  notebookId: string
  request: number
}

/** How the preload marks the port it passes on to the page (window.postMessage). */
export const LIVE_PORT_MESSAGE = 'glossa:live-port'

export function isLivePortRequest(value: unknown): value is LivePortRequest {
  const v = value as LivePortRequest | null
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.notebookId === 'string' &&
    /^[A-Za-z0-9_-]{1,64}$/.test(v.notebookId) &&
    Number.isSafeInteger(v.request)
  )
}

/**
 * What the core posts before it closes a window's port: a MessagePort carries no close code,
 * and a page's port is not told in every Chromium when the other end closes, so the window
 * learns it here (and reconnects, as after a WebSocket's close).
 */
export interface PortClosing {
  closing: number
  reason: string
}

export function isPortClosing(value: unknown): value is PortClosing {
  const v = value as PortClosing | null
  return typeof v === 'object' && v !== null && typeof v.closing === 'number' && typeof v.reason === 'string'
}
