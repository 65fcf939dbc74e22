// Binds every contract method to ipcMain.handle. Calls from anything but the main frame of one
// of our windows are refused; arguments are validated by the shared dispatcher.
import { ipcMain, type BrowserWindow } from 'electron'
import type { Handlers } from '@shared/contract'
import { channelOf, METHOD_NAMES } from '@shared/method-names'
import { dispatch } from '../core/dispatch'
import { isOurMainFrame } from './windows'

export const FORBIDDEN_SENDER = {
  ok: false,
  error: { code: 'forbidden-sender', message: 'Calls are accepted only from a Glossa window.' },
} as const

export function bindIpc(handlers: Handlers, windows: () => Iterable<BrowserWindow>): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(channelOf(name), async (event, args) => {
      if (!isOurMainFrame(event, windows())) return FORBIDDEN_SENDER
      return dispatch(handlers, name, args)
    })
  }
}
