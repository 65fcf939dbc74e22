import { BrowserWindow, type Rectangle } from 'electron'
import { join } from 'node:path'
import { restoreWindowState, trackWindowState } from './window-state'

/** A window; a second one opens a little below and right of `after` (not exactly over it). */
export function createMainWindow(dataDir: string, after?: BrowserWindow | null): BrowserWindow {
  const state = restoreWindowState(dataDir)
  const bounds = after && !after.isDestroyed() ? cascade(after.getBounds()) : state.bounds
  const win = new BrowserWindow({
    ...bounds,
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
  if (state.maximized && !after) win.maximize()
  trackWindowState(win, dataDir)
  win.once('ready-to-show', () => win.show())
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(join(import.meta.dirname, '../renderer/index.html'))
  return win
}

function cascade(from: Rectangle): Rectangle {
  return { ...from, x: from.x + 28, y: from.y + 28 }
}
