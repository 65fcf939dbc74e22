// Exposes the contract as window.glossa: one invoke per method, plus menu commands from the
// app menu, plus the port a window follows a live notebook on. No raw ipcRenderer reaches the
// page.
import { contextBridge, ipcRenderer } from 'electron'
import { isLivePortRequest, LIVE_PORT_CHANNEL, LIVE_PORT_MESSAGE } from '@shared/live-port'
import { channelOf, METHOD_NAMES } from '@shared/method-names'

const api: Record<string, unknown> = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(channelOf(name), args)]),
)
api.onMenuCommand = (callback: (command: string) => void) => {
  const listener = (_event: unknown, command: unknown) => {
    if (typeof command === 'string' && /^[a-z-]{1,40}$/.test(command)) callback(command)
  }
  ipcRenderer.on('glossa:menu', listener)
  return () => ipcRenderer.removeListener('glossa:menu', listener)
}
// Live notebooks (docs/LIVE.md): the page asks for a port here; the main process checks the
// request and posts the port back, and it is passed on with window.postMessage below, because
// a MessagePort cannot cross the contextBridge ("MessagePorts in Electron").
api.openLivePort = (request: unknown) =>
  isLivePortRequest(request)
    ? ipcRenderer.invoke(LIVE_PORT_CHANNEL, { notebookId: request.notebookId, request: request.request })
    : Promise.resolve({ ok: false, error: { code: 'invalid-args', message: 'Not a notebook to follow.' } })
ipcRenderer.on(LIVE_PORT_CHANNEL, (event, message: unknown) => {
  if (!isLivePortRequest(message) || event.ports.length !== 1) return
  // To this window only; a page served over http (development) is named by its origin, a
  // file:// page has none that postMessage can match, so '*' (the page checks event.source).
  const target = location.protocol === 'file:' ? '*' : location.origin
  window.postMessage(
    { type: LIVE_PORT_MESSAGE, notebookId: message.notebookId, request: message.request },
    target,
    [...event.ports],
  )
})
contextBridge.exposeInMainWorld('glossa', Object.freeze(api))
