// The desktop app's many windows, with a stand-in for the electron module
// (tests/helpers/electron-stand-in.ts): IPC from the main frame of any of our windows is answered, from a
// subframe or another webContents refused; a window's request for a live port is checked
// (sender, notebook id) before a port is made; the menu and dialogs act on the focused window.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { LiveConnection } from '../../src/core/live/connection'
import { standIn as fake, standInWindow as makeWindow } from '../helpers/electron-stand-in'

vi.mock('electron', async () => (await import('../helpers/electron-stand-in')).electron)

const { bindIpc } = await import('../../src/main/ipc')
const { bindLivePorts } = await import('../../src/main/live-ports')
const { installAppMenu } = await import('../../src/main/menu')
const { AppWindows } = await import('../../src/main/windows')
const { LIVE_PORT_CHANNEL } = await import('../../src/shared/live-port')

const handlers = { appInfo: async () => ({ version: 'v', dataDir: '/d', host: 'desktop' }) } as never
const refused = { ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } }

function setUp() {
  const windows = new AppWindows()
  const first = makeWindow()
  const second = makeWindow()
  windows.add(first as never)
  windows.add(second as never)
  const connected: { connection: LiveConnection; id: string }[] = []
  const relay = { connect: (connection: LiveConnection, id: string) => connected.push({ connection, id }) }
  bindIpc(handlers, () => windows.list())
  bindLivePorts(relay, () => windows.list())
  const appInfo = fake.ipc.get('glossa:appInfo')!
  const askPort = fake.ipc.get(LIVE_PORT_CHANNEL)!
  return { windows, first, second, connected, appInfo, askPort }
}

beforeEach(() => fake.reset())

describe('IPC from many windows', () => {
  it('answers the main frame of any of our windows', async () => {
    const { first, second, appInfo } = setUp()
    expect(await appInfo(first.call(), {})).toMatchObject({ ok: true })
    expect(await appInfo(second.call(), {})).toMatchObject({ ok: true })
  })

  it('refuses a subframe, a webContents that is not ours, and a window once closed', async () => {
    const { second, appInfo } = setUp()
    expect(await appInfo(second.call({ name: 'iframe' }), {})).toEqual(refused)
    const stranger = makeWindow()
    expect(await appInfo(stranger.call(), {})).toEqual(refused)
    // Another webContents presenting our window's main frame is still not our window.
    expect(
      await appInfo({ sender: stranger.webContents, senderFrame: second.webContents.mainFrame }, {}),
    ).toEqual(refused)
    second.close()
    expect(await appInfo(second.call(), {})).toEqual(refused)
  })
})

describe('live ports', () => {
  it('makes a port for a window’s main frame, hands one end to the relay and posts the other back', async () => {
    const { second, connected, askPort } = setUp()
    expect(await askPort(second.call(), { notebookId: 'nb_1', request: 3 })).toEqual({
      ok: true,
      result: null,
    })
    expect(connected.map((c) => c.id)).toEqual(['nb_1'])
    expect(second.posted).toHaveLength(1)
    const [{ channel, message, ports }] = second.posted
    expect(channel).toBe(LIVE_PORT_CHANNEL)
    expect(message).toEqual({ notebookId: 'nb_1', request: 3 })
    expect(ports).toHaveLength(1)
    // The two ends are one channel: what the window posts reaches the relay's connection.
    const got = new Promise<Uint8Array>((resolve) => connected[0].connection.onMessage(resolve))
    const windowEnd = ports[0].node
    windowEnd.postMessage(new Uint8Array([1, 2, 3]))
    expect(await got).toEqual(new Uint8Array([1, 2, 3]))
    windowEnd.close()
    connected[0].connection.close(1000, 'done')
  })

  it('refuses a bad notebook id or request without making a port', async () => {
    const { first, connected, askPort } = setUp()
    for (const bad of [
      { notebookId: '../etc', request: 1 },
      { notebookId: '', request: 1 },
      { notebookId: 'x'.repeat(65), request: 1 },
      { notebookId: 'nb 1', request: 1 },
      { notebookId: 'nb_1' },
      { notebookId: 'nb_1', request: -1 },
      { notebookId: 'nb_1', request: 1, extra: true },
      'nb_1',
      null,
    ])
      expect(await askPort(first.call(), bad), JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid-args' },
      })
    expect(fake.channels).toBe(0)
    expect(connected).toEqual([])
    expect(first.posted).toEqual([])
  })

  it('refuses a port to a subframe or to a webContents that is not ours', async () => {
    const { first, connected, askPort } = setUp()
    const request = { notebookId: 'nb_1', request: 1 }
    expect(await askPort(first.call({ name: 'iframe' }), request)).toEqual(refused)
    const stranger = makeWindow()
    expect(await askPort(stranger.call(), request)).toEqual(refused)
    expect(fake.channels).toBe(0)
    expect(connected).toEqual([])
    expect([...first.posted, ...stranger.posted]).toEqual([])
  })
})

describe('the focused window', () => {
  it('is the one focused, else the one focused last, and never a closed one', () => {
    const windows = new AppWindows()
    const [a, b] = [makeWindow(), makeWindow()]
    windows.add(a as never)
    windows.add(b as never)
    a.focus()
    expect(windows.focused()).toBe(a)
    a.blur()
    b.focus()
    b.blur()
    expect(windows.focused()).toBe(b) // the app is in the background: the last one focused
    b.close()
    expect(windows.focused()).toBe(a)
    expect(windows.list()).toEqual([a])
  })

  it('gets the menu’s commands; New Window opens a window', () => {
    const windows = new AppWindows()
    const [a, b] = [makeWindow(), makeWindow()]
    windows.add(a as never)
    windows.add(b as never)
    const opened = vi.fn()
    installAppMenu(() => windows.focused(), opened)
    const file = (fake.menu as { label?: string; submenu?: { label?: string; click?: () => void }[] }[]).find(
      (m) => m.label === 'File',
    )!
    const item = (label: string) => file.submenu!.find((i) => i.label === label)!
    b.focus()
    item('Library').click!()
    expect(b.sent).toEqual([['glossa:menu', 'library']])
    expect(a.sent).toEqual([])
    item('New Window').click!()
    expect(opened).toHaveBeenCalledOnce()
    expect(file.submenu!.find((i) => i.label === 'New Window')).toMatchObject({
      accelerator: 'CmdOrCtrl+Shift+N',
    })
  })
})
