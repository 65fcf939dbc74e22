// The desktop app's counterpart of the browser host's /live/<id> WebSocket (docs/LIVE.md): a
// window asks for a port to follow a notebook, the main process makes a MessageChannelMain,
// hands one end to the live relay and posts the other to the window (the preload passes it on
// to the page: a MessagePort cannot cross the contextBridge). Only the main frame of one of our
// windows may ask, and only for a well-formed notebook id (docs/SECURITY.md).
import { ipcMain, MessageChannelMain, type BrowserWindow } from 'electron'
import { z } from 'zod'
import { Id } from '@shared/schema'
import { LIVE_PORT_CHANNEL } from '@shared/live-port'
import { portConnection } from '../core/live/connection'
import type { LiveRelay } from '../core/live/relay'
import { FORBIDDEN_SENDER } from './ipc'
import { isOurMainFrame } from './windows'

/** `request` tells the window which of its requests a port answers (it may have asked twice). */
const PortRequest = z.strictObject({
  notebookId: Id,
  request: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
})

export function bindLivePorts(
  relay: Pick<LiveRelay, 'connect'>,
  windows: () => Iterable<BrowserWindow>,
): void {
  ipcMain.handle(LIVE_PORT_CHANNEL, (event, args: unknown) => {
    if (!isOurMainFrame(event, windows())) return FORBIDDEN_SENDER
    const parsed = PortRequest.safeParse(args)
    if (!parsed.success)
      return { ok: false, error: { code: 'invalid-args', message: 'Not a notebook to follow.' } }
    const { port1, port2 } = new MessageChannelMain()
    relay.connect(portConnection(port1), parsed.data.notebookId)
    event.sender.postMessage(LIVE_PORT_CHANNEL, parsed.data, [port2])
    return { ok: true, result: null }
  })
}
