// Remembers the window's size and position between runs (in the data dir).
import type { BrowserWindow, Rectangle } from 'electron'
import { screen } from 'electron'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

interface WindowState {
  bounds: Partial<Rectangle> & { width: number; height: number }
  maximized: boolean
}
const DEFAULT: WindowState = { bounds: { width: 1280, height: 840 }, maximized: false }

export function restoreWindowState(dataDir: string): WindowState {
  try {
    const saved = JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8')) as WindowState
    const { x, y, width, height } = saved.bounds
    if (![width, height].every((n) => Number.isFinite(n) && n > 200)) return DEFAULT
    // Only reuse the position if it is still on a connected display.
    const visible =
      x !== undefined &&
      y !== undefined &&
      screen.getAllDisplays().some((d) => {
        const a = d.workArea
        return x >= a.x - 50 && y >= a.y - 50 && x < a.x + a.width && y < a.y + a.height
      })
    return {
      bounds: visible ? { x, y, width, height } : { width, height },
      maximized: Boolean(saved.maximized),
    }
  } catch {
    return DEFAULT
  }
}

export function trackWindowState(win: BrowserWindow, dataDir: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const save = () => {
    if (win.isDestroyed()) return
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() }
    try {
      writeFileSync(join(dataDir, 'window-state.json'), JSON.stringify(state))
    } catch {
      // Losing the window position is not worth an error dialog.
    }
  }
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(save, 500)
  }
  win.on('resize', later)
  win.on('move', later)
  win.on('close', save)
}
