// A window's typing is acknowledged as saved only once the JSON file holding it is written
// (MESSAGE_SAVED, docs/LIVE.md): the relay and the core's LiveNotebook with the real store,
// whose file writes the test holds or fails. Windows are ports, as in relay-port.test.ts.
import { readFile } from 'node:fs/promises'
import { MessageChannel } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { portConnection } from '../../../src/core/live/connection'
import { portMain } from '../../helpers/electron-stand-in'
import { LiveDocs } from '../../../src/core/live/live-docs'
import { LiveRelay } from '../../../src/core/live/relay'
import type { OpenNotebook } from '../../../src/core/store/open-notebook'
import {
  carriesChanges,
  handleSyncMessage,
  MESSAGE_SAVED,
  readJsonMessage,
  syncStep1,
  updateMessage,
  type SavedMessage,
} from '../../../src/shared/live'
import { useTempDirs } from '../../helpers/temp-dir'
import { startTestHost } from '../web/host'
import { baseNotebook } from './replicas'

const tempDir = useTempDirs()
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** The notebook's file writes, held until `release` or failed while `failing` is set. */
function controlWrites(handle: OpenNotebook) {
  const write = handle.file.write.bind(handle.file)
  const control = {
    held: false,
    failing: null as string | null,
    /** Writes started while held (waiting for `release`). */
    waiting: [] as (() => void)[],
    release() {
      control.held = false
      control.waiting.splice(0).forEach((go) => go())
    },
  }
  handle.file.write = async (data) => {
    if (control.held) await new Promise<void>((go) => control.waiting.push(go))
    if (control.failing) throw new Error(control.failing)
    return write(data)
  }
  return control
}

async function core() {
  const host = await startTestHost(await tempDir())
  const docs = new LiveDocs(host.service.library)
  const relay = new LiveRelay(docs)
  cleanups.push(async () => {
    relay.close()
    await host.close()
    await docs.closeAll()
  })
  const { id } = await host.service.library.add(baseNotebook())
  const handle = await host.service.library.openNotebook(id)
  return { relay, id, handle, writes: controlWrites(handle) }
}

/** A window as its replica behaves: counts the messages carrying its changes, keeps "saved". */
function window(relay: LiveRelay, id: string) {
  const { port1, port2 } = new MessageChannel()
  relay.connect(portConnection(portMain(port1)), id)
  const doc = new Y.Doc()
  const saved: SavedMessage[] = []
  let sent = 0
  let received = 0
  const send = (message: Uint8Array) => {
    if (carriesChanges(message)) sent++
    port2.postMessage(message)
  }
  port2.on('message', (data: unknown) => {
    received++
    if (!(data instanceof Uint8Array)) return
    const json = readJsonMessage(data)
    if (json?.kind === MESSAGE_SAVED) saved.push(json.value as SavedMessage)
    if (json) return
    const reply = handleSyncMessage(doc, data, { readOnly: false, origin: 'core' })
    if (reply) send(reply)
  })
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'core') send(updateMessage(update))
  })
  port2.postMessage(syncStep1(doc))
  cleanups.push(() => port2.close())
  /** Types at the start of passage a2's note, as TipTap's Collaboration would. */
  const type = (words: string) => {
    const note = doc.getMap<Y.Map<unknown>>('annotations').get('a2')!.get('note') as Y.XmlFragment
    const text = (note.get(0) as Y.XmlElement).get(0) as Y.XmlText
    doc.transact(() => text.insert(0, words), 'editor')
    return sent
  }
  /** Resolves once the core has read every message sent so far (it answers a step 1 in order). */
  const roundTrip = async () => {
    const seen = received
    port2.postMessage(syncStep1(doc))
    await until(() => received > seen)
  }
  const savedThrough = () => Math.max(0, ...saved.filter((s) => !s.error).map((s) => s.through))
  return { doc, saved, sent: () => sent, type, roundTrip, savedThrough }
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  await expect.poll(check, { timeout: 10_000 }).toBe(true)
}

const synced = (w: ReturnType<typeof window>) =>
  w.doc.getMap('annotations').size > 0 && w.sent() > 0 && w.savedThrough() === w.sent()

describe('the relay acknowledging a window’s typing', () => {
  it('says saved only after the file holding the typing is written, and only to that window', async () => {
    const { relay, id, handle, writes } = await core()
    const a = window(relay, id)
    const b = window(relay, id)
    // Each window answered the core's step 1: that message is acknowledged too.
    await until(() => synced(a) && synced(b))
    const bSaved = b.saved.length

    writes.held = true
    const number = a.type('Typed in A: ')
    await until(() => writes.waiting.length > 0) // settled, handed to the store, writing
    await a.roundTrip() // an acknowledgement sent before the write ends would be here by now
    expect(a.savedThrough()).toBeLessThan(number)
    expect(await readFile(handle.file.path, 'utf8')).not.toContain('Typed in A')

    writes.release()
    await until(() => a.savedThrough() === number)
    // Read once, right after "saved": the text is there.
    expect(await readFile(handle.file.path, 'utf8')).toContain('Typed in A: moved here')
    // B got A's typing but no acknowledgement of it: B sent nothing since.
    await until(() => b.doc.toJSON().annotations.a2.note.includes('Typed in A'))
    await b.roundTrip()
    expect(b.saved.length).toBe(bSaved)
    expect(Math.max(...b.saved.map((s) => s.through))).toBe(b.sent())
  })

  it('sends the store’s error when the save fails, and saved once a later save holds the typing', async () => {
    const { relay, id, handle, writes } = await core()
    const a = window(relay, id)
    const b = window(relay, id)
    await until(() => synced(a) && synced(b))

    writes.failing = 'Could not save: the disk is full (test).'
    const failed = a.type('Lost? ')
    await until(() => a.saved.some((s) => s.error !== undefined))
    expect(a.saved.at(-1)).toEqual({ through: failed, error: 'Could not save: the disk is full (test).' })
    expect(a.savedThrough()).toBeLessThan(failed)
    expect(await readFile(handle.file.path, 'utf8')).not.toContain('Lost?')

    writes.failing = null
    const next = a.type('Kept. ')
    await until(() => a.savedThrough() === next)
    // The store kept the failed typing in memory and wrote it with the next save.
    expect(await readFile(handle.file.path, 'utf8')).toContain('Kept. Lost? moved here')
    expect(b.saved.every((s) => !s.error)).toBe(true)
  })
})
