// The Electron main process: thin glue around the core. Everything that can run without
// Electron lives in src/core and is tested there.
import { app, BrowserWindow, shell } from 'electron'
import { join } from 'node:path'
import { resolveDataDir } from '../core/data-dir'
import { LiveRelay } from '../core/live/relay'
import { createService, type Service } from '../core/service'
import { installDeepLinks } from './deep-link'
import { chooseExportTarget } from './export-dialog'
import { bindIpc } from './ipc'
import { bindLivePorts } from './live-ports'
import { installAppMenu } from './menu'
import { hardenSessions } from './security'
import { createMainWindow } from './window'
import { AppWindows } from './windows'

const argv = process.argv.slice(1)
const dataDir = resolveDataDir(argv, process.env, app.getPath('userData'))
// Window state and Chromium's own files follow the data dir, so tests stay isolated.
app.setPath('userData', dataDir)

let service: Service | null = null
let relay: LiveRelay | null = null
// Several windows, each on any notebook; windows on one notebook follow each other live.
const windows = new AppWindows()
const openWindow = (): BrowserWindow => windows.add(createMainWindow(dataDir, windows.focused()))
installDeepLinks(() => windows.focused())

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const win = windows.focused()
    if (win?.isMinimized()) win.restore()
    win?.focus()
  })
  app
    .whenReady()
    .then(start)
    .catch((error) => {
      console.error('Glossa could not start:', error)
      app.exit(1)
    })
}

async function start(): Promise<void> {
  hardenSessions()
  const resourcesDir = app.isPackaged
    ? join(process.resourcesPath, 'resources')
    : join(app.getAppPath(), 'resources')
  service = await createService({
    dataDir,
    resourcesDir,
    host: 'desktop',
    version: app.getVersion(),
    chooseExportTarget: (defaultName, kind) => chooseExportTarget(windows.focused(), defaultName, kind),
    openDataFolder: async (path) => {
      const failure = await shell.openPath(path) // '' on success, else the reason
      if (failure) throw new Error(`Could not open ${path}: ${failure}`)
    },
  })
  relay = new LiveRelay(service.live)
  bindIpc(service.handlers, () => windows.list())
  bindLivePorts(relay, () => windows.list())
  openWindow()
  installAppMenu(() => windows.focused(), openWindow)
  app.on('activate', () => {
    if (windows.list().length === 0) openWindow()
  })
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

let flushed = false
app.on('before-quit', (event) => {
  // Write any coalesced edits before the process ends.
  if (flushed || !service) return
  event.preventDefault()
  relay?.close()
  service.close().finally(() => {
    flushed = true
    app.quit()
  })
})
