// A window's replica counts the messages carrying its typing and says "saving" until the core
// acknowledges them all (MESSAGE_SAVED), across a dropped connection too; the session shows it
// in the top bar's save state beside its own edits'. The core here is a stand-in the test
// answers by hand (relay-saved.test.ts has the real one).
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  carriesChanges,
  handleSyncMessage,
  jsonMessage,
  MESSAGE_SAVED,
  notebookToYDoc,
  syncStep1,
} from '../../../src/shared/live'
import type { ConnectLive, LiveTransportEvents } from '../../../src/renderer/src/state/live-transport'
import { baseNotebook } from './replicas'

vi.mock('../../../src/renderer/src/api/client', () => ({
  api: {},
  errorMessage: (e: unknown) => String(e),
}))
const { LiveReplica } = await import('../../../src/renderer/src/state/live-replica')
const { NotebookSession } = await import('../../../src/renderer/src/state/session')

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

interface Connection {
  events: LiveTransportEvents
  open: boolean
  /** Messages carrying the window's changes, as the relay counts them. */
  changes: number
}

/** The core's side: a doc, the connections windows made, and acknowledgements by hand. */
function fakeCore() {
  const doc = notebookToYDoc(baseNotebook())
  const connections: Connection[] = []
  const connect: ConnectLive = (events) => {
    const conn: Connection = { events, open: false, changes: 0 }
    connections.push(conn)
    queueMicrotask(() => {
      conn.open = true
      events.open()
      if (conn.open) events.message(syncStep1(doc))
    })
    return {
      get open() {
        return conn.open
      },
      send: (message) => {
        if (!conn.open) return
        if (carriesChanges(message)) conn.changes++
        const reply = handleSyncMessage(doc, message, { readOnly: false, origin: conn })
        if (reply) queueMicrotask(() => conn.open && events.message(reply))
      },
      close: () => drop(conn),
    }
  }
  const drop = (conn: Connection) => {
    if (!conn.open) return
    conn.open = false
    conn.events.close()
  }
  const last = () => connections.at(-1)!
  return {
    doc,
    connect,
    connections,
    /** Acknowledges the last connection's messages through `through` (all by default). */
    ack: (through = last().changes, error?: string) =>
      last().events.message(jsonMessage(MESSAGE_SAVED, { through, ...(error ? { error } : {}) })),
    drop: () => drop(last()),
  }
}

async function until(check: () => boolean): Promise<void> {
  await expect.poll(check, { timeout: 10_000 }).toBe(true)
}

async function windowOn(core: ReturnType<typeof fakeCore>) {
  const replica = new LiveReplica(core.connect)
  const session = new NotebookSession(baseNotebook())
  const stop = session.follow(replica)
  cleanups.push(stop)
  await until(() => replica.live && core.connections[0].changes === 1) // answered the core's step 1
  core.ack()
  const type = (words: string) => {
    const note = replica.fragment('annotations', 'a2')!
    const text = (note.get(0) as Y.XmlElement).get(0) as Y.XmlText
    note.doc!.transact(() => text.insert(0, words), 'editor')
  }
  return { replica, session, type }
}

describe('a window’s replica counting its typing', () => {
  it('says saving until the core acknowledges every message carrying it', async () => {
    const core = fakeCore()
    const { session, type } = await windowOn(core)
    expect(session.save).toEqual({ kind: 'saved' })
    type('One ')
    type('two ')
    expect(core.connections[0].changes).toBe(3)
    expect(session.save).toEqual({ kind: 'saving' })
    expect(session.busy).toBe(true)
    core.ack(2)
    expect(session.save).toEqual({ kind: 'saving' })
    core.ack(3)
    expect(session.save).toEqual({ kind: 'saved' })
    expect(session.busy).toBe(false)
  })

  it('shows the core’s save error, and saved once a later save holds the typing', async () => {
    const core = fakeCore()
    const { session, type } = await windowOn(core)
    type('One ')
    core.ack(2, 'Could not save: the disk is full.')
    expect(session.save).toEqual({ kind: 'error', message: 'Could not save: the disk is full.' })
    type('two ')
    expect(session.save.kind).toBe('error') // still not on disk
    core.ack(3)
    expect(session.save).toEqual({ kind: 'saved' })
  })

  it('stays saving while the connection is down, until the next one’s answer is acknowledged', async () => {
    const core = fakeCore()
    const { session, replica, type } = await windowOn(core)
    type('Sent ')
    core.drop() // before the core said it was saved
    expect(session.save).toEqual({ kind: 'saving' })
    await until(() => core.connections.length === 2 && core.connections[1].changes === 1)
    expect(session.save).toEqual({ kind: 'saving' }) // the new connection's count does not cover it
    core.ack()
    expect(session.save).toEqual({ kind: 'saved' })
    core.drop()
    type('offline ')
    expect(session.save).toEqual({ kind: 'saving' })
    await until(() => core.connections.length === 3 && core.connections[2].changes === 1)
    expect(session.save).toEqual({ kind: 'saving' })
    expect(core.doc.toJSON().annotations.a2.note).toContain('offline Sent moved here')
    core.ack()
    expect(session.save).toEqual({ kind: 'saved' })
    expect(replica.saveState()).toEqual({ kind: 'saved' })
  })

  it('keeps the session’s own edits’ state beside the typing’s', async () => {
    const core = fakeCore()
    const { session, type } = await windowOn(core)
    session.markDirty() // an editor not bound yet, waiting to run()
    type('One ')
    session.markClean() // its words went into the fragment instead
    expect(session.save).toEqual({ kind: 'saving' })
    core.ack()
    expect(session.save).toEqual({ kind: 'saved' })
  })
})
