import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { restoreWindowState, trackWindowState } from './window-state'

export function createMainWindow(dataDir: string): BrowserWindow {
  const state = restoreWindowState(dataDir)
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Glossa',
    backgroundColor: '#1b1b1f',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  })
  if (state.maximized) win.maximize()
  trackWindowState(win, dataDir)
  win.once('ready-to-show', () => win.show())
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(join(import.meta.dirname, '../renderer/index.html'))
  return win
}
