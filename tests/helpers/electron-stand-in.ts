// A stand-in for the parts of the electron module the main process's window and live-port glue
// uses (no Electron binary here): ipcMain.handle records handlers, MessageChannelMain is Node's
// MessageChannel with its ports shaped as MessagePortMain (`{ data }` events; `node` is the
// Node port itself, for a test to play the window's end), Menu records the template.
// Use: vi.mock('electron', async () => (await import('../helpers/electron-stand-in')).electron)
import { EventEmitter } from 'node:events'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import type { PortLike } from '../../src/core/live/connection'

export const standIn = {
  ipc: new Map<string, (event: unknown, args: unknown) => unknown>(),
  channels: 0,
  menu: null as unknown,
  /** The preload's side: what it invoked, what it listens to, what it exposed to the page. */
  invoked: [] as { channel: string; args: unknown }[],
  rendererListeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
  exposed: new Map<string, unknown>(),
  reset() {
    this.ipc.clear()
    this.channels = 0
    this.menu = null
    this.invoked.length = 0
  },
}

export interface StandInPort extends PortLike {
  node: MessagePort
}

/** Node's MessagePort as Electron's MessagePortMain: message listeners get `{ data }`. */
export function portMain(port: MessagePort): StandInPort {
  return {
    postMessage: (message) => port.postMessage(message),
    on: ((name: string, listener: (event?: { data: unknown }) => void) =>
      name === 'message'
        ? port.on('message', (data) => listener({ data }))
        : port.on(name, listener)) as PortLike['on'],
    start: () => port.start(),
    close: () => port.close(),
    node: port,
  }
}

export const electron = {
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, args: unknown) => unknown) => standIn.ipc.set(channel, fn),
  },
  MessageChannelMain: class {
    port1: StandInPort
    port2: StandInPort
    constructor() {
      standIn.channels++
      const { port1, port2 } = new MessageChannel()
      this.port1 = portMain(port1)
      this.port2 = portMain(port2)
    }
  },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) => {
      standIn.invoked.push({ channel, args })
      return { ok: true, result: null }
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) =>
      standIn.rendererListeners.set(channel, listener),
    removeListener: (channel: string) => standIn.rendererListeners.delete(channel),
  },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => standIn.exposed.set(key, api),
  },
  app: { getVersion: () => 'test' },
  Menu: {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => (standIn.menu = menu),
  },
}

/** A stand-in BrowserWindow: its webContents records what it was posted and sent. */
export function standInWindow(onPost?: (channel: string, message: unknown, ports: StandInPort[]) => void) {
  const mainFrame = { name: 'main' }
  const posted: { channel: string; message: unknown; ports: StandInPort[] }[] = []
  const sent: unknown[][] = []
  const events = new EventEmitter()
  let destroyed = false
  let focused = false
  const webContents = {
    mainFrame,
    postMessage: (channel: string, message: unknown, ports: StandInPort[]) => {
      posted.push({ channel, message, ports })
      onPost?.(channel, message, ports)
    },
    send: (...args: unknown[]) => sent.push(args),
  }
  return {
    webContents,
    posted,
    sent,
    isDestroyed: () => destroyed,
    isFocused: () => focused,
    on: (name: string, fn: () => void) => events.on(name, fn),
    focus() {
      focused = true
      events.emit('focus')
    },
    blur: () => void (focused = false),
    close() {
      destroyed = true
      events.emit('closed')
    },
    /** An IPC event from this window's main frame (or another frame of it). */
    call: (frame: unknown = mainFrame) => ({ sender: webContents, senderFrame: frame }),
  }
}
