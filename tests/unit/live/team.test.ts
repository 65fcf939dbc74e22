// A real team server (Hocuspocus + SQLite) started by the test, and two apps on separate data
// dirs: share, join, edit both sides, converge; a wrong key is refused with no data; the server
// stopped, both edit offline, both apps restarted, the server back: nothing lost.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LiveDocs } from '../../../src/core/live/live-docs'
import { LOCAL_ORIGIN } from '../../../src/core/live/live-notebook'
import { Library } from '../../../src/core/store/library'
import { docFromParagraphs } from '../../../src/shared/plain-text'
import type { Notebook } from '../../../src/shared/schema'
import { startTeamServer, type TeamServer } from '../../../src/team/server'
import { useTempDirs } from '../../helpers/temp-dir'
import { AT } from '../../helpers/notebook'
import { baseNotebook } from './replicas'

const tempDir = useTempDirs()
const stops: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop().catch(() => {})
})

interface App {
  library: Library
  docs: LiveDocs
  dataDir: string
  close(): Promise<void>
}

function app(dataDir: string): App {
  const library = new Library({ dataDir, coalesce: { delayMs: 1, maxWaitMs: 5 } })
  const docs = new LiveDocs(library)
  const close = async () => {
    await library.flushAll()
    await docs.closeAll()
  }
  stops.push(close)
  return { library, docs, dataDir, close }
}

async function server(dataDir: string, port = 0): Promise<TeamServer> {
  const s = await startTeamServer({ port, host: '127.0.0.1', dataDir })
  stops.push(() => s.stop())
  return s
}

/** The notebook as its JSON file holds it. */
async function onDisk(a: App, id: string): Promise<Notebook> {
  await a.library.flushAll()
  const { notebooks } = await a.library.list()
  const file = notebooks.find((n) => n.id === id)!.file
  return JSON.parse(await readFile(join(a.library.notebooksDir, file), 'utf8'))
}

/** The notebook as canonical JSON without its "changed at" (a file Glossa wrote opens with its members in the written order). */
const timeless = (nb: Notebook) =>
  JSON.stringify({ ...nb, updatedAt: undefined }, (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  )

describe('a team server', () => {
  it('shares, joins, and keeps both sides in step', async () => {
    const team = await server(await tempDir())
    const a = app(await tempDir())
    const b = app(await tempDir())
    const nb = baseNotebook()
    await a.library.add(nb)
    const keys = await a.docs.share(nb.id, team.url)
    expect(keys.readWrite).toMatch(/^glossa\.rw\./)

    await b.docs.join(team.url, keys.readWrite)
    const handleA = await a.library.openNotebook(nb.id)
    const handleB = await b.library.openNotebook(nb.id)
    expect(timeless(handleB.data)).toBe(timeless(handleA.data))
    await b.docs.get(nb.id)

    await handleA.apply([{ type: 'updateTag', id: 't1', patch: { color: '#aa0000' } }], AT)
    await handleB.apply(
      [{ type: 'updateNote', id: 'n1', patch: { doc: docFromParagraphs(['two phases, from B']) } }],
      AT,
    )
    await expect.poll(() => handleB.data.tags[0].color, { timeout: 10_000 }).toBe('#aa0000')
    await expect
      .poll(() => handleA.data.notes[0].doc, { timeout: 10_000 })
      .toEqual(docFromParagraphs(['two phases, from B']))
    expect(timeless(await onDisk(b, nb.id))).toBe(timeless(await onDisk(a, nb.id)))
    await expect.poll(async () => (await a.docs.status(nb.id))?.state, { timeout: 10_000 }).toBe('online')
    expect((await a.docs.status(nb.id))?.peers.length).toBe(1)
  })

  it('refuses a wrong key with a clear reason and no data', async () => {
    const team = await server(await tempDir())
    const a = app(await tempDir())
    const nb = baseNotebook()
    await a.library.add(nb)
    const keys = await a.docs.share(nb.id, team.url)
    const c = app(await tempDir())
    const wrong = keys.readWrite.slice(0, -4) + 'AAAA'
    await expect(c.docs.join(team.url, wrong)).rejects.toThrow(/not valid on this server/)
    expect((await c.library.list()).notebooks).toEqual([])
    // A read-only key joins, and the server ignores what that copy changes.
    await c.docs.join(team.url, keys.readOnly)
    expect((await c.library.list()).notebooks.map((n) => n.id)).toEqual([nb.id])
    await expect(c.docs.join(team.url, 'not a key')).rejects.toThrow(/not a Glossa notebook key/)
  })

  it('keeps a read-only member’s copy read-only: the app refuses edits, the server drops its writes', async () => {
    const team = await server(await tempDir())
    const a = app(await tempDir())
    const reader = app(await tempDir())
    const nb = baseNotebook()
    await a.library.add(nb)
    const keys = await a.docs.share(nb.id, team.url)
    await reader.docs.join(team.url, keys.readOnly)

    // The app: no applyOps, no window's typing (relay.ts asks `readOnly`), and the windows know.
    await expect(reader.docs.assertWritable(nb.id)).rejects.toThrow(/read-only key/)
    await expect(a.docs.assertWritable(nb.id)).resolves.toBeUndefined()
    const live = await reader.docs.get(nb.id)
    expect(live.readOnly).toBe(true)
    await expect.poll(async () => (await reader.docs.status(nb.id))?.readOnly, { timeout: 10_000 }).toBe(true)

    // A client that bypasses the app and writes into its doc anyway: the server drops it.
    live.doc.transact(() => live.doc.getMap('meta').set('title', 'Changed by a reader'), LOCAL_ORIGIN)
    // A later edit by the owner reaches the reader: the reader's write had its chance to go out.
    const handleA = await a.library.openNotebook(nb.id)
    await handleA.apply([{ type: 'updateTag', id: 't1', patch: { color: '#aa0000' } }], AT)
    await expect
      .poll(() => live.doc.getMap<Map<string, unknown>>('tags').get('t1')?.get('color'), { timeout: 10_000 })
      .toBe('#aa0000')
    expect(handleA.data.title).toBe(nb.title)
    // What the server keeps: a new member joining now gets the owner's title.
    const late = app(await tempDir())
    await late.docs.join(team.url, keys.readWrite)
    expect((await late.library.openNotebook(nb.id)).data.title).toBe(nb.title)
    expect((await late.library.openNotebook(nb.id)).data.tags[0].color).toBe('#aa0000')
  })

  it('keeps offline edits through a restart of both apps and the server, and merges them', async () => {
    const serverDir = await tempDir()
    const team = await server(serverDir)
    const port = team.port
    const dirA = await tempDir()
    const dirB = await tempDir()
    let a = app(dirA)
    let b = app(dirB)
    const nb = baseNotebook()
    await a.library.add(nb)
    const keys = await a.docs.share(nb.id, team.url)
    await b.docs.join(team.url, keys.readWrite)
    await b.docs.get(nb.id)

    await team.stop()
    await (
      await a.library.openNotebook(nb.id)
    ).apply([{ type: 'updateTag', id: 't2', patch: { color: '#00aa00' } }], AT)
    await (await b.library.openNotebook(nb.id)).apply([{ type: 'deleteAnnotation', id: 'a3' }], AT)
    await expect.poll(async () => (await a.docs.status(nb.id))?.state, { timeout: 10_000 }).toBe('offline')
    expect((await a.docs.status(nb.id))?.waiting).toBeGreaterThan(0)
    await a.close()
    await b.close()

    a = app(dirA)
    b = app(dirB)
    await a.docs.get(nb.id)
    await b.docs.get(nb.id)
    await server(serverDir, port)
    const handleA = await a.library.openNotebook(nb.id)
    const handleB = await b.library.openNotebook(nb.id)
    await expect.poll(() => handleA.data.annotations.length, { timeout: 20_000 }).toBe(2)
    await expect.poll(() => handleB.data.tags[1].color, { timeout: 20_000 }).toBe('#00aa00')
    await expect
      .poll(async () => timeless(await onDisk(a, nb.id)) === timeless(await onDisk(b, nb.id)), {
        timeout: 10_000,
      })
      .toBe(true)
    await expect.poll(async () => (await a.docs.status(nb.id))?.waiting, { timeout: 10_000 }).toBe(0)
  })
})
