// glossa:// deep links in the main process, with a stand-in for the electron module (as in
// main-hardening.test.ts): the scheme is registered, a link from a second instance or from
// macOS's open-url becomes a hash route in our window, anything else is ignored.
import { beforeEach, describe, expect, it, vi } from 'vitest'

const fake = vi.hoisted(() => ({
  listeners: new Map<string, (...args: unknown[]) => void>(),
  registered: [] as unknown[][],
}))

vi.mock('electron', () => ({
  app: {
    on: (name: string, fn: (...args: unknown[]) => void) => fake.listeners.set(name, fn),
    setAsDefaultProtocolClient: (...args: unknown[]) => fake.registered.push(args),
  },
}))

const { deepLinkHash, installDeepLinks } = await import('../../src/main/deep-link')

/** A stand-in window: records the URLs it is sent to. */
function window(url = 'file:///app/out/renderer/index.html#/') {
  const loads: string[] = []
  let finished: (() => void) | null = null
  const win = {
    loads,
    focused: 0,
    webContents: {
      getURL: () => url,
      isLoading: () => false,
      once: (_name: string, fn: () => void) => (finished = fn),
    },
    loadURL: async (to: string) => void loads.push(to),
    isMinimized: () => false,
    restore: () => {},
    focus: () => void win.focused++,
    finishLoading: () => finished?.(),
  }
  return win
}

beforeEach(() => fake.listeners.clear())

describe('glossa:// deep links', () => {
  it('maps a passage, note or source link to the renderer’s hash route, and nothing else', () => {
    expect(deepLinkHash('glossa://open/nb-1/passage/a_1')).toBe('#/open/nb-1/passage/a_1')
    expect(deepLinkHash('GLOSSA://open/nb/note/n1/')).toBe('#/open/nb/note/n1')
    for (const bad of [
      'glossa://open/nb/passage/../x',
      'glossa://open/nb/passage/a?x=1',
      'glossa://evil.example/open/nb/passage/a',
      'https://open/nb/passage/a',
      'glossa://open/nb/script/a',
      'glossa://open/' + 'x'.repeat(65) + '/passage/a',
    ])
      expect(deepLinkHash(bad), bad).toBeNull()
  })

  it('registers the scheme and opens a link handed over by a second instance in our window', () => {
    const win = window()
    installDeepLinks(() => win as never)
    expect(fake.registered.at(-1)?.[0]).toBe('glossa')
    fake.listeners.get('second-instance')!({}, ['glossa', '--x', 'glossa://open/nb-1/passage/p-2'])
    expect(win.loads).toEqual(['file:///app/out/renderer/index.html#/open/nb-1/passage/p-2'])
    expect(win.focused).toBe(1)
    fake.listeners.get('second-instance')!({}, ['glossa', 'glossa://open/nb-1/passage/bad id'])
    expect(win.loads).toHaveLength(1)
  })

  it('follows macOS open-url, and a link that arrives before the window once its page has loaded', () => {
    let current: ReturnType<typeof window> | null = null
    installDeepLinks(() => current as never)
    const event = { prevented: false, preventDefault: () => void (event.prevented = true) }
    fake.listeners.get('open-url')!(event, 'glossa://open/nb-2/note/n-1')
    expect(event.prevented).toBe(true)
    current = window()
    fake.listeners.get('browser-window-created')!({}, current)
    expect(current.loads).toEqual([])
    current.finishLoading()
    expect(current.loads).toEqual(['file:///app/out/renderer/index.html#/open/nb-2/note/n-1'])
  })
})
