// Exposes the contract as window.glossa: one invoke per method, plus menu commands from the
// app menu. No raw ipcRenderer reaches the page.
import { contextBridge, ipcRenderer } from 'electron'
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
contextBridge.exposeInMainWorld('glossa', Object.freeze(api))
