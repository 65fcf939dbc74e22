// Binds every contract method to ipcMain.handle. Calls from anything but our window's main
// frame are refused; arguments are validated by the shared dispatcher.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { Handlers } from '@shared/contract'
import { channelOf, METHOD_NAMES } from '@shared/method-names'
import { dispatch } from '../core/dispatch'

export function bindIpc(handlers: Handlers, window: () => BrowserWindow | null): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(channelOf(name), async (event, args) => {
      if (!isOurMainFrame(event, window())) {
        return {
          ok: false,
          error: { code: 'forbidden-sender', message: 'Calls are accepted only from the Glossa window.' },
        }
      }
      return dispatch(handlers, name, args)
    })
  }
}

function isOurMainFrame(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed()) return false
  return event.sender === win.webContents && event.senderFrame === win.webContents.mainFrame
}
