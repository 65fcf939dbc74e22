// glossa:// links — the Markdown export's "Open in Glossa" — open the app at a passage, note
// page or source. Glossa registers as the scheme's handler; a link arrives as a command-line
// argument (Windows and Linux: the new instance hands its argv to this one and quits) or as
// an 'open-url' event (macOS). Only glossa://open/<notebook>/<passage|note|source>/<id> with
// well-formed ids is followed, and only as a hash change inside our own window.
import { app, type BrowserWindow } from 'electron'
import { resolve } from 'node:path'
import { parseDeepLink } from '@shared/export/deep-link'

export const SCHEME = 'glossa'

/** The renderer's hash route for a deep link (renderer/src/state/route.ts), or null. */
export function deepLinkHash(url: string): string | null {
  const link = parseDeepLink(url)
  return link ? `#/open/${link.notebookId}/${link.kind}/${link.id}` : null
}

const linkIn = (argv: readonly string[]): string | undefined =>
  argv.find((arg) => arg.toLowerCase().startsWith(`${SCHEME}://`))

/** Shows `hash` in the window: a same-document navigation, the page is not reloaded. */
export function openInWindow(win: BrowserWindow, hash: string): void {
  const url = new URL(win.webContents.getURL())
  url.hash = hash
  void win.loadURL(url.toString())
  if (win.isMinimized()) win.restore()
  win.focus()
}

export function installDeepLinks(getWindow: () => BrowserWindow | null): void {
  // In development Electron runs as `electron <app>`: register that command line, not electron's.
  if (process.defaultApp && process.argv[1])
    app.setAsDefaultProtocolClient(SCHEME, process.execPath, [resolve(process.argv[1])])
  else app.setAsDefaultProtocolClient(SCHEME)
  let pending = linkIn(process.argv)
  const open = (url: string): void => {
    const hash = deepLinkHash(url)
    const win = getWindow()
    if (!hash) return
    if (!win || win.webContents.isLoading()) pending = url
    else openInWindow(win, hash)
  }
  app.on('open-url', (event, url) => {
    event.preventDefault()
    open(url)
  })
  app.on('second-instance', (_event, argv) => {
    const url = linkIn(argv)
    if (url) open(url)
  })
  // A link that started the app (or came before the window) is followed once the page is up.
  app.on('browser-window-created', (_event, win) => {
    win.webContents.once('did-finish-load', () => {
      const hash = pending && deepLinkHash(pending)
      pending = undefined
      if (hash) openInWindow(win, hash)
    })
  })
}
