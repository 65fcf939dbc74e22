// The standard application menu (Edit/View/Window roles), plus Glossa's own commands, which
// are forwarded to the focused window as a "menu command" it already knows how to run.
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'

export function installAppMenu(focused: () => BrowserWindow | null, newWindow: () => void): void {
  const send = (command: string) => () => focused()?.webContents.send('glossa:menu', command)
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Notebook', accelerator: 'CmdOrCtrl+N', click: send('new-notebook') },
        { label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N', click: () => newWindow() },
        { label: 'Library', accelerator: 'CmdOrCtrl+L', click: send('library') },
        { type: 'separator' },
        { label: 'Export as Markdown…', accelerator: 'CmdOrCtrl+E', click: send('export-md') },
        { label: 'Export as Markdown Folder…', click: send('export-md-folder') },
        { label: 'Export as JSON-LD…', click: send('export-json') },
        { label: 'Export as CSV…', click: send('export-csv') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'F1', click: send('shortcuts') },
        { label: `Glossa ${app.getVersion()}`, enabled: false },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
