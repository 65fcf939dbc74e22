// The app's windows (File ▸ New Window opens more): which one the menu, the export dialog and a
// deep link act on, and whether an IPC call came from one of them. Types only from electron,
// so this runs (and is tested) without it.
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'

export class AppWindows {
  private readonly open = new Set<BrowserWindow>()
  /** Most recently focused last. */
  private order: BrowserWindow[] = []

  add(win: BrowserWindow): BrowserWindow {
    this.open.add(win)
    this.order.push(win)
    win.on('focus', () => {
      this.order = [...this.order.filter((w) => w !== win), win]
    })
    win.on('closed', () => {
      this.open.delete(win)
      this.order = this.order.filter((w) => w !== win)
    })
    return win
  }

  /** Our windows that are still open. */
  list(): BrowserWindow[] {
    return [...this.open].filter((w) => !w.isDestroyed())
  }

  /** The focused window, or the one focused last (a menu click or a deep link acts on it). */
  focused(): BrowserWindow | null {
    const live = this.order.filter((w) => !w.isDestroyed())
    return live.find((w) => w.isFocused()) ?? live.at(-1) ?? null
  }
}

/**
 * Whether an IPC call came from the main frame of one of our windows: not from a subframe (an
 * iframe could hold anything), not from any other webContents.
 */
export function isOurMainFrame(event: IpcMainInvokeEvent, windows: Iterable<BrowserWindow>): boolean {
  for (const win of windows) {
    if (win.isDestroyed() || event.sender !== win.webContents) continue
    return event.senderFrame === win.webContents.mainFrame
  }
  return false
}
