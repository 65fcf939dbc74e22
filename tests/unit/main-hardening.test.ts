// The Electron main process's hardening, checked with a stand-in for the electron module:
// permissions denied, navigation and new windows denied, only http(s) opened externally, IPC
// only from our window's main frame, the window's web preferences, and the CSP. These are the
// facts scripts/electronegativity-allow.json relies on.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const fake = vi.hoisted(() => ({
  permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  headers: null as
    null | ((details: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void),
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  opened: [] as string[],
  ipc: new Map<string, (event: unknown, args: unknown) => Promise<unknown>>(),
}))

vi.mock('electron', () => ({
  app: { on: (name: string, fn: (...args: unknown[]) => void) => fake.appListeners.set(name, fn) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof fake.permissionRequest) => (fake.permissionRequest = fn),
      setPermissionCheckHandler: (fn: typeof fake.permissionCheck) => (fake.permissionCheck = fn),
      webRequest: { onHeadersReceived: (fn: typeof fake.headers) => (fake.headers = fn) },
    },
  },
  shell: { openExternal: async (url: string) => void fake.opened.push(url) },
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, args: unknown) => Promise<unknown>) =>
      fake.ipc.set(channel, fn),
  },
}))

const { hardenSessions, isExternalWebUrl } = await import('../../src/main/security')
const { bindIpc } = await import('../../src/main/ipc')
const { CSP } = await import('../../src/shared/csp')

/** A stand-in webContents that records the handlers hardenSessions installs. */
function contents(url = 'file:///app/index.html') {
  const on = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>()
  let openHandler: ((d: { url: string }) => { action: string }) | null = null
  return {
    getURL: () => url,
    on: (name: string, fn: (event: { preventDefault: () => void }, url?: string) => void) => on.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    navigate(to: string) {
      const event = { prevented: false, preventDefault: () => void (event.prevented = true) }
      on.get('will-navigate')!(event, to)
      return event.prevented
    },
    attachWebview() {
      const event = { prevented: false, preventDefault: () => void (event.prevented = true) }
      on.get('will-attach-webview')!(event)
      return event.prevented
    },
    open: (to: string) => openHandler!({ url: to }).action,
  }
}

beforeEach(() => {
  fake.opened.length = 0
})

describe('main process hardening', () => {
  hardenSessions()

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answer = vi.fn()
      fake.permissionRequest!(null, permission, answer)
      expect(answer).toHaveBeenCalledWith(false)
    }
    expect(fake.permissionCheck!()).toBe(false)
  })

  it('denies navigation away, webviews and new windows; opens only http(s) outside', () => {
    const wc = contents()
    fake.appListeners.get('web-contents-created')!({}, wc)
    expect(wc.navigate('https://evil.example/')).toBe(true)
    expect(wc.navigate('file:///etc/passwd')).toBe(true)
    expect(wc.navigate('file:///app/index.html')).toBe(false) // a reload of our own page
    expect(wc.attachWebview()).toBe(true)
    for (const url of [
      'https://apnews.com/x',
      'http://example.org',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'glossa://x',
      'data:text/html,<script>',
    ]) {
      expect(wc.open(url), url).toBe('deny')
    }
    expect(fake.opened).toEqual(['https://apnews.com/x', 'http://example.org'])
    expect(isExternalWebUrl('not a url')).toBe(false)
  })

  it('sets the CSP on every response', () => {
    const callback = vi.fn()
    fake.headers!({ responseHeaders: { 'X-Other': ['1'] } }, callback)
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CSP] },
    })
  })

  it('answers IPC only from our window’s main frame', async () => {
    const mainFrame = { id: 'main' }
    const webContents = { mainFrame }
    const win = { isDestroyed: () => false, webContents }
    bindIpc(
      { appInfo: async () => ({ version: 'v', dataDir: '/d', host: 'desktop' }) } as never,
      () => [win] as never,
    )
    const handler = fake.ipc.get('glossa:appInfo')!
    expect(await handler({ sender: webContents, senderFrame: mainFrame }, {})).toMatchObject({ ok: true })
    const refused = { ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } }
    expect(await handler({ sender: webContents, senderFrame: { id: 'iframe' } }, {})).toEqual(refused)
    expect(await handler({ sender: { mainFrame }, senderFrame: mainFrame }, {})).toEqual(refused)
  })
})

describe('window and content security policy', () => {
  const src = (path: string) => readFileSync(join(import.meta.dirname, '..', '..', 'src', path), 'utf8')

  it('creates the window isolated, sandboxed, without Node', () => {
    const window = src('main/window.ts')
    for (const setting of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'webSecurity: true',
    ])
      expect(window).toContain(setting)
    for (const risky of [
      'allowRunningInsecureContent',
      'webviewTag: true',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'experimentalFeatures',
      'enableBlinkFeatures',
    ]) {
      expect(window).not.toContain(risky)
    }
  })

  it('allows scripts only from the app itself, in the header and the page', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
      src('renderer/index.html'),
    )![1]
    for (const policy of [CSP, meta]) {
      const directives = Object.fromEntries(
        policy
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      )
      expect(directives['script-src']).toEqual(["'self'"])
      expect(directives['default-src']).toEqual(["'none'"])
      expect(directives['object-src']).toEqual(["'none'"])
      expect(policy).not.toContain('unsafe-eval')
      expect(policy).not.toMatch(/https?:|\*/)
    }
  })
})
