// The live relay over a MessagePort, as the desktop app connects its windows (MessageChannelMain,
// src/main/live-ports.ts). Node's worker_threads MessageChannel stands in for Electron's: the
// core's end is wrapped to look like a MessagePortMain (`{ data }` events), the window's end
// plays the window's replica.
import { MessageChannel } from 'node:worker_threads'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { portConnection } from '../../../src/core/live/connection'
import { portMain } from '../../helpers/electron-stand-in'
import { isPortClosing } from '../../../src/shared/live-port'
import { LiveDocs } from '../../../src/core/live/live-docs'
import { LiveRelay, MAX_MESSAGE_BYTES } from '../../../src/core/live/relay'
import {
  handleSyncMessage,
  readJsonMessage,
  syncStep1,
  updateMessage,
  yDocToNotebook,
} from '../../../src/shared/live'
import { plainText } from '../../../src/shared/plain-text'
import { AT } from '../../helpers/notebook'
import { useTempDirs } from '../../helpers/temp-dir'
import { startTestHost } from '../web/host'
import { baseNotebook } from './replicas'

const tempDir = useTempDirs()
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function coreWithNotebook() {
  const host = await startTestHost(await tempDir())
  const docs = new LiveDocs(host.service.library)
  const relay = new LiveRelay(docs)
  cleanups.push(async () => {
    relay.close()
    await host.close()
    await docs.closeAll()
  })
  const { id } = await host.service.library.add(baseNotebook())
  return { host, docs, relay, id }
}

/** A window: a port to the relay, a replica that sends step 1 and its own changes. */
function window(relay: LiveRelay, id: string) {
  const { port1, port2 } = new MessageChannel()
  relay.connect(portConnection(portMain(port1)), id)
  const doc = new Y.Doc()
  const closings: unknown[] = []
  let closed = false
  let received = 0
  port2.on('close', () => (closed = true))
  port2.on('message', (data: unknown) => {
    received++
    if (isPortClosing(data)) return void closings.push(data)
    // Not sync: status, notices, "saved" (relay-saved.test.ts).
    if (!(data instanceof Uint8Array) || readJsonMessage(data)) return
    const reply = handleSyncMessage(doc, data, { readOnly: false, origin: 'core' })
    if (reply) port2.postMessage(reply)
  })
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'core' && !closed) port2.postMessage(updateMessage(update))
  })
  port2.postMessage(syncStep1(doc))
  cleanups.push(() => port2.close())
  return { doc, port: port2, closings, isClosed: () => closed, received: () => received }
}

function passageNote(doc: Y.Doc, passageId: string): Y.XmlFragment {
  return doc.getMap<Y.Map<unknown>>('annotations').get(passageId)!.get('note') as Y.XmlFragment
}

function noteText(doc: Y.Doc, passageId: string): string {
  const note = yDocToNotebook(doc).notebook.annotations.find((p) => p.id === passageId)?.note
  return note ? plainText(note) : ''
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  await expect.poll(check, { timeout: 10_000 }).toBe(true)
}

describe('the live relay over a MessagePort', () => {
  it('sends one window’s applyOps to another window on the notebook', async () => {
    const { host, relay, id } = await coreWithNotebook()
    const a = window(relay, id)
    const b = window(relay, id)
    await until(() => a.doc.getMap('meta').get('id') === id && b.doc.getMap('meta').get('id') === id)
    // Window A edits as windows do: applyOps through the contract.
    const handle = await host.service.library.openNotebook(id)
    await host.service.handlers.applyOps({
      id,
      at: AT,
      ops: [{ type: 'renameNotebook', title: 'Renamed in window A' }],
    } as never)
    await until(() => yDocToNotebook(b.doc).notebook.title === 'Renamed in window A')
    expect(yDocToNotebook(b.doc).notebook).toEqual(handle.data)
    expect(yDocToNotebook(a.doc).notebook).toEqual(handle.data)
  })

  it('merges two windows typing in one note at once', async () => {
    const { host, relay, id } = await coreWithNotebook()
    const a = window(relay, id)
    const b = window(relay, id)
    await until(() => noteText(a.doc, 'a2') === 'moved here' && noteText(b.doc, 'a2') === 'moved here')
    // What TipTap's Collaboration does in each window, before either has the other's typing.
    const textIn = (doc: Y.Doc) => (passageNote(doc, 'a2').get(0) as Y.XmlElement).get(0) as Y.XmlText
    a.doc.transact(() => textIn(a.doc).insert(0, 'A: '), 'editor')
    b.doc.transact(() => textIn(b.doc).insert('moved here'.length, ' (B)'), 'editor')
    const merged = 'A: moved here (B)'
    await until(() => noteText(a.doc, 'a2') === merged && noteText(b.doc, 'a2') === merged)
    const handle = await host.service.library.openNotebook(id)
    await until(() => plainText(handle.data.annotations.find((p) => p.id === 'a2')!.note!) === merged)
  })

  it('drops a window’s update to a read-only notebook', async () => {
    const { host, docs, relay, id } = await coreWithNotebook()
    const live = await docs.get(id)
    // As a copy joined with a read-only key (team.test.ts covers the real one).
    Object.defineProperty(live, 'readOnly', { get: () => true })
    const a = window(relay, id)
    const b = window(relay, id)
    await until(() => noteText(a.doc, 'a2') === 'moved here' && noteText(b.doc, 'a2') === 'moved here')
    const text = (passageNote(a.doc, 'a2').get(0) as Y.XmlElement).get(0) as Y.XmlText
    a.doc.transact(() => text.insert(0, 'Refused: '), 'editor')
    // The core answers a step 1 sent after the update only once it has read the update.
    const seen = a.received()
    a.port.postMessage(syncStep1(a.doc))
    await until(() => a.received() > seen)
    const handle = await host.service.library.openNotebook(id)
    await handle.apply([{ type: 'renameNotebook', title: 'After the refused typing' }], AT)
    await until(() => yDocToNotebook(b.doc).notebook.title === 'After the refused typing')
    expect(noteText(live.doc, 'a2')).toBe('moved here')
    expect(noteText(b.doc, 'a2')).toBe('moved here')
    expect(plainText(handle.data.annotations.find((p) => p.id === 'a2')!.note!)).toBe('moved here')
  })

  it('closes only the connection that sent a malformed message', async () => {
    const { host, relay, id } = await coreWithNotebook()
    const a = window(relay, id)
    const b = window(relay, id)
    await until(() => a.doc.getMap('meta').get('id') === id && b.doc.getMap('meta').get('id') === id)
    a.port.postMessage(new Uint8Array([0, 9, 9, 9])) // sync, of an unknown kind
    await until(() => a.isClosed())
    expect(a.closings).toEqual([{ closing: 4400, reason: 'Not a sync message.' }])
    const handle = await host.service.library.openNotebook(id)
    await handle.apply([{ type: 'renameNotebook', title: 'B still follows' }], AT)
    await until(() => yDocToNotebook(b.doc).notebook.title === 'B still follows')
    expect(b.isClosed()).toBe(false)
  })

  it('refuses what is not bytes, and a message over 16 MB', async () => {
    const { relay, id } = await coreWithNotebook()
    const a = window(relay, id)
    const b = window(relay, id)
    await until(() => a.doc.getMap('meta').get('id') === id && b.doc.getMap('meta').get('id') === id)
    a.port.postMessage({ hello: 'not bytes' })
    await until(() => a.isClosed())
    b.port.postMessage(new Uint8Array(MAX_MESSAGE_BYTES + 1))
    await until(() => b.isClosed())
    expect(b.closings).toEqual([{ closing: 1009, reason: 'Message too big.' }])
  })

  it('detaches a window whose port closed, and follows the one that comes back', async () => {
    const { host, docs, relay, id } = await coreWithNotebook()
    const a = window(relay, id)
    const b = window(relay, id)
    await until(() => a.doc.getMap('meta').get('id') === id && b.doc.getMap('meta').get('id') === id)
    const live = await docs.get(id)
    const off = vi.spyOn(live.doc, 'off')
    a.port.close() // the window reloaded
    await until(() => off.mock.calls.some(([name]) => name === 'update'))
    // The reloaded window asks for a new port and follows again, with what it typed meanwhile.
    const again = window(relay, id)
    await until(() => again.doc.getMap('meta').get('id') === id)
    const handle = await host.service.library.openNotebook(id)
    await handle.apply([{ type: 'renameNotebook', title: 'Seen after the reload' }], AT)
    await until(() => yDocToNotebook(again.doc).notebook.title === 'Seen after the reload')
  })
})
