// The preload (src/preload/index.ts) with a stand-in for the electron module: the page gets one
// invoke per contract method and openLivePort, which asks only for a well-formed notebook id;
// a port from the main process is passed on to the page with window.postMessage, and nothing
// else is.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { standIn } from '../helpers/electron-stand-in'

vi.mock('electron', async () => (await import('../helpers/electron-stand-in')).electron)

const page = vi.hoisted(() => {
  const posted: { data: unknown; target: string; ports: unknown[] }[] = []
  const g = globalThis as Record<string, unknown>
  g.window = {
    postMessage: (data: unknown, target: string, ports: unknown[]) => posted.push({ data, target, ports }),
  }
  g.location = { protocol: 'file:', origin: 'file://' }
  return { posted }
})

await import('../../src/preload/index')
const { LIVE_PORT_CHANNEL, LIVE_PORT_MESSAGE } = await import('../../src/shared/live-port')
const { METHOD_NAMES } = await import('../../src/shared/method-names')

const api = standIn.exposed.get('glossa') as Record<string, (args: unknown) => Promise<unknown>>

beforeEach(() => {
  standIn.invoked.length = 0
  page.posted.length = 0
})

describe('the preload', () => {
  it('exposes the contract, the menu commands and openLivePort, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'onMenuCommand', 'openLivePort'].sort())
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('asks for a live port only for a well-formed notebook id, with nothing but the id and request', async () => {
    await api.openLivePort({ notebookId: 'nb_1', request: 2, extra: 'dropped' })
    expect(standIn.invoked).toEqual([
      { channel: LIVE_PORT_CHANNEL, args: { notebookId: 'nb_1', request: 2 } },
    ])
    for (const bad of [{ notebookId: '../x', request: 1 }, { notebookId: 'nb' }, 'nb', null])
      expect(await api.openLivePort(bad)).toMatchObject({ ok: false, error: { code: 'invalid-args' } })
    expect(standIn.invoked).toHaveLength(1)
  })

  it('passes a port from the main process on to its page, and nothing that is not one', () => {
    const forward = standIn.rendererListeners.get(LIVE_PORT_CHANNEL)!
    const port = { name: 'port' }
    forward({ ports: [port] }, { notebookId: 'nb_1', request: 2, type: 'other' })
    expect(page.posted).toEqual([
      { data: { type: LIVE_PORT_MESSAGE, notebookId: 'nb_1', request: 2 }, target: '*', ports: [port] },
    ])
    forward({ ports: [] }, { notebookId: 'nb_1', request: 3 })
    forward({ ports: [port, port] }, { notebookId: 'nb_1', request: 4 })
    forward({ ports: [port] }, { notebookId: '<script>', request: 5 })
    expect(page.posted).toHaveLength(1)
  })
})
