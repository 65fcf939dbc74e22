// The Electron main process: thin glue around the core. Everything that can run without
// Electron lives in src/core and is tested there.
import { app, BrowserWindow, shell } from 'electron'
import { join } from 'node:path'
import { resolveDataDir } from '../core/data-dir'
import { createService, type Service } from '../core/service'
import { installDeepLinks } from './deep-link'
import { chooseExportTarget } from './export-dialog'
import { bindIpc } from './ipc'
import { installAppMenu } from './menu'
import { hardenSessions } from './security'
import { createMainWindow } from './window'

const argv = process.argv.slice(1)
const dataDir = resolveDataDir(argv, process.env, app.getPath('userData'))
// Window state and Chromium's own files follow the data dir, so tests stay isolated.
app.setPath('userData', dataDir)

let service: Service | null = null
let mainWindow: BrowserWindow | null = null
installDeepLinks(() => mainWindow)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
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
    chooseExportTarget: (defaultName, kind) => chooseExportTarget(mainWindow, defaultName, kind),
    openDataFolder: async (path) => {
      const failure = await shell.openPath(path) // '' on success, else the reason
      if (failure) throw new Error(`Could not open ${path}: ${failure}`)
    },
  })
  bindIpc(service.handlers, () => mainWindow)
  mainWindow = createMainWindow(dataDir)
  installAppMenu(() => mainWindow)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(dataDir)
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
  service.close().finally(() => {
    flushed = true
    app.quit()
  })
})
