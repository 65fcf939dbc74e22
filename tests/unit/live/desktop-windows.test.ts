// Two desktop windows on one notebook, end to end without Electron: each window's replica
// (renderer's LiveReplica over live-transport.ts's port transport) asks through its bridge, the
// main process's glue (live-ports.ts, against the electron stand-in) checks the request and
// makes a channel, a stand-in preload passes the port to the page with window.postMessage, and
// the core's relay follows the notebook on the other end.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import type { LiveConnection } from '../../../src/core/live/connection'
import { standIn, standInWindow, type StandInPort } from '../../helpers/electron-stand-in'
import { AT } from '../../helpers/notebook'
import { useTempDirs } from '../../helpers/temp-dir'
import { startTestHost } from '../web/host'
import { baseNotebook } from './replicas'

vi.mock('electron', async () => (await import('../../helpers/electron-stand-in')).electron)

/** The page's window: the preload posts ports to it; the transport listens on it. */
const page = vi.hoisted(() => {
  class PageWindow extends EventTarget {
    postMessage(data: unknown, _target: string, ports: unknown[] = []) {
      setTimeout(() => this.dispatchEvent(Object.assign(new Event('message'), { data, ports, source: this })))
    }
  }
  const win = new PageWindow()
  ;(globalThis as { window?: unknown }).window = win
  return win
})

const { LiveDocs } = await import('../../../src/core/live/live-docs')
const { LiveRelay } = await import('../../../src/core/live/relay')
const { bindLivePorts } = await import('../../../src/main/live-ports')
const { AppWindows } = await import('../../../src/main/windows')
const { LIVE_PORT_CHANNEL, LIVE_PORT_MESSAGE } = await import('../../../src/shared/live-port')
const { plainText } = await import('../../../src/shared/plain-text')
const { LiveReplica } = await import('../../../src/renderer/src/state/live-replica')
const { portTransport } = await import('../../../src/renderer/src/state/live-transport')

const tempDir = useTempDirs()
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  standIn.reset()
})

/** As src/preload/index.ts does with the port the main process posts to its window. */
function preload(channel: string, message: unknown, ports: StandInPort[]) {
  if (channel === LIVE_PORT_CHANNEL)
    page.postMessage({ type: LIVE_PORT_MESSAGE, ...(message as object) }, '*', [ports[0].node])
}

async function desktop() {
  const host = await startTestHost(await tempDir())
  const docs = new LiveDocs(host.service.library)
  const relay = new LiveRelay(docs)
  const connections: LiveConnection[] = []
  const connect = relay.connect.bind(relay)
  relay.connect = (connection, id) => (connections.push(connection), connect(connection, id))
  const windows = new AppWindows()
  bindLivePorts(relay, () => windows.list())
  const { id } = await host.service.library.add(baseNotebook())
  const openWindow = () => {
    const win = windows.add(standInWindow(preload) as never) as unknown as ReturnType<typeof standInWindow>
    const ask = standIn.ipc.get(LIVE_PORT_CHANNEL)!
    const replica = new LiveReplica(
      portTransport(id, { openLivePort: async (request) => ask(win.call(), request) as { ok: boolean } }),
    )
    cleanups.push(() => replica.close())
    return replica
  }
  cleanups.push(async () => {
    relay.close()
    await host.close()
    await docs.closeAll()
  })
  return { host, id, connections, openWindow }
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  await expect.poll(check, { timeout: 10_000 }).toBe(true)
}

describe('desktop windows on one notebook', () => {
  it('follow each other’s applyOps and typing through their ports', async () => {
    const { host, id, openWindow } = await desktop()
    const a = openWindow()
    const b = openWindow()
    await until(() => a.live && b.live)
    expect(standIn.channels).toBe(2)
    await host.service.handlers.applyOps({
      id,
      at: AT,
      ops: [{ type: 'renameNotebook', title: 'Renamed in window A' }],
    } as never)
    await until(() => b.current()?.title === 'Renamed in window A')
    // Typing in A's bound note editor (what TipTap's Collaboration does to the fragment).
    const fragment = a.fragment('annotations', 'a2')!
    const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
    fragment.doc!.transact(() => text.insert(0, 'Typed in A: '), 'editor')
    const typed = 'Typed in A: moved here'
    const noteIn = (r: InstanceType<typeof LiveReplica>) =>
      r.current()?.annotations.find((p) => p.id === 'a2')
    await until(() => plainText(noteIn(b)!.note!) === typed)
    const handle = await host.service.library.openNotebook(id)
    await until(() => plainText(handle.data.annotations.find((p) => p.id === 'a2')!.note!) === typed)
  })

  it('asks for a new port when the core closes its port, and follows again', async () => {
    const { host, id, connections, openWindow } = await desktop()
    const a = openWindow()
    const b = openWindow()
    await until(() => a.live && b.live)
    connections[0].close(4400, 'Not a sync message.')
    await until(() => standIn.channels === 3)
    const handle = await host.service.library.openNotebook(id)
    await handle.apply([{ type: 'renameNotebook', title: 'After the new port' }], AT)
    await until(
      () => a.current()?.title === 'After the new port' && b.current()?.title === 'After the new port',
    )
    expect(connections[2].open).toBe(true)
  })
})
