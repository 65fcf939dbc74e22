// Windows following a notebook: the browser host's /live/<id> WebSocket, authorized like /api/,
// sends the core's live doc and then every change the core makes, and the core keeps that doc
// beside the file (rebuilt from the file where they disagree).
import { readdir, writeFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { LiveDocs } from '../../../src/core/live/live-docs'
import { LiveNotebook } from '../../../src/core/live/live-notebook'
import { LIVE_PROTOCOL, LiveRelay } from '../../../src/core/live/relay'
import { readYDocFile, ydocPath } from '../../../src/core/live/ydoc-file'
import {
  handleSyncMessage,
  LIVE_LIMITS,
  readJsonMessage,
  syncStep1,
  updateMessage,
  yDocToNotebook,
} from '../../../src/shared/live'
import { integrityProblems } from '../../../src/shared/ops/integrity'
import { plainText } from '../../../src/shared/plain-text'
import { NotebookSchema } from '../../../src/shared/schema'
import { liveUpgrade } from '../../../src/web/live-socket'
import { startTestHost, TOKEN, type TestHost } from '../web/host'
import { useTempDirs } from '../../helpers/temp-dir'
import { AT } from '../../helpers/notebook'
import { baseNotebook } from './replicas'

const tempDir = useTempDirs()
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A host whose one notebook has passages with notes (replicas.ts). */
async function hostWithPassages(): Promise<{ host: TestHost; id: string; docs: LiveDocs }> {
  const live = await hostWithLive()
  const { id } = await live.host.service.library.add(baseNotebook())
  return { ...live, id }
}

async function hostWithLive(): Promise<{ host: TestHost; id: string; docs: LiveDocs }> {
  const host = await startTestHost(await tempDir())
  const docs = new LiveDocs(host.service.library)
  const relay = new LiveRelay(docs)
  host.server.removeAllListeners('upgrade')
  host.server.on('upgrade', liveUpgrade(relay, TOKEN))
  cleanups.push(async () => {
    relay.close()
    await host.close()
    await docs.closeAll()
  })
  const { notebooks } = await host.service.library.list()
  return { host, id: notebooks[0].id, docs }
}

/** A window's replica: connects, sends step 1, applies what comes. */
function follow(port: number, id: string, options: { token?: string; origin?: string } = {}) {
  const doc = new Y.Doc()
  const ws = new WebSocket(
    `ws://127.0.0.1:${port}/live/${id}`,
    [LIVE_PROTOCOL, `token.${options.token ?? TOKEN}`],
    {
      origin: options.origin ?? `http://127.0.0.1:${port}`,
    },
  )
  ws.binaryType = 'arraybuffer'
  cleanups.push(() => closeQuietly(ws))
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => {
      ws.send(syncStep1(doc))
      resolve()
    })
    ws.on('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)))
    ws.on('error', reject)
  })
  // As the window's replica does: what is made here goes to the core.
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'core' && ws.readyState === WebSocket.OPEN) ws.send(updateMessage(update))
  })
  const notices: unknown[] = []
  ws.on('message', (data: ArrayBuffer) => {
    const json = readJsonMessage(new Uint8Array(data))
    if (json) notices.push(json.value)
    else handleSyncMessage(doc, new Uint8Array(data), { readOnly: false, origin: 'core' })
  })
  return { doc, ws, opened, notices }
}

function closeQuietly(ws: WebSocket): void {
  ws.on('error', () => {})
  if (ws.readyState !== WebSocket.CONNECTING) ws.terminate()
}

function noteFragment(doc: Y.Doc, passageId: string): Y.XmlFragment {
  return doc.getMap<Y.Map<unknown>>('annotations').get(passageId)!.get('note') as Y.XmlFragment
}

/** The first run of text in a note (inside its first paragraph). */
function firstText(fragment: Y.XmlFragment): Y.XmlText {
  const paragraph = fragment.get(0) as Y.XmlElement
  return paragraph.get(0) as Y.XmlText
}

/** The notebook's JSON file in the host's data dir. */
async function fileOf(host: TestHost, id: string): Promise<string> {
  const dir = host.service.library.notebooksDir
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json')) continue
    const text = await readFile(join(dir, name), 'utf8').catch(() => '')
    if (text.includes(`"id": "${id}"`) || text.includes(`"id":"${id}"`)) return join(dir, name)
  }
  throw new Error(`no file for notebook ${id}`)
}

async function fileHas(host: TestHost, id: string, text: string): Promise<boolean> {
  return (await readFile(await fileOf(host, id), 'utf8')).includes(text)
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  await expect.poll(check, { timeout: 10_000 }).toBe(true)
}

describe('the live relay', () => {
  it('sends the notebook, then each change the core applies, to every window', async () => {
    const { host, id } = await hostWithLive()
    const a = follow(host.port, id)
    const b = follow(host.port, id)
    await Promise.all([a.opened, b.opened])
    const handle = await host.service.library.openNotebook(id)
    await until(() => a.doc.getMap('meta').get('id') === id && b.doc.getMap('meta').get('id') === id)
    expect(yDocToNotebook(a.doc).notebook).toEqual(handle.data)
    await handle.apply([{ type: 'renameNotebook', title: 'Renamed in another window' }], AT)
    await until(() => yDocToNotebook(b.doc).notebook.title === 'Renamed in another window')
    expect(yDocToNotebook(a.doc).notebook).toEqual(handle.data)
  })

  it('takes a window’s typing in a note: settled, saved to the file, sent to the other windows', async () => {
    const { host, id } = await hostWithPassages()
    const a = follow(host.port, id)
    const b = follow(host.port, id)
    await Promise.all([a.opened, b.opened])
    const handle = await host.service.library.openNotebook(id)
    const passage = handle.data.annotations.find((p) => p.note)!
    const before = plainText(passage.note!)
    await until(() => yDocToNotebook(b.doc).notebook.annotations.length === handle.data.annotations.length)
    // What TipTap's Collaboration does: characters into the note's fragment.
    const text = firstText(noteFragment(a.doc, passage.id))
    a.doc.transact(() => text.insert(0, 'Typed in A. '), 'editor')
    const typed = `Typed in A. ${before}`
    await until(() => plainText(handle.data.annotations.find((p) => p.id === passage.id)!.note!) === typed)
    await until(
      () =>
        plainText(yDocToNotebook(b.doc).notebook.annotations.find((p) => p.id === passage.id)!.note!) ===
        typed,
    )
    await until(() => fileHas(host, id, 'Typed in A. '))
  })

  it('never lets a window’s invalid update reach the notebook or its file', async () => {
    const { host, id, docs } = await hostWithPassages()
    const a = follow(host.port, id)
    const b = follow(host.port, id)
    await Promise.all([a.opened, b.opened])
    const handle = await host.service.library.openNotebook(id)
    await until(() => yDocToNotebook(a.doc).notebook.annotations.length === handle.data.annotations.length)
    const passage = handle.data.annotations.find((p) => p.note)!
    const evil = new Y.Doc()
    Y.applyUpdate(evil, Y.encodeStateAsUpdate(a.doc))
    evil.transact(() => {
      const map = evil.getMap<Y.Map<unknown>>('annotations').get(passage.id)!
      map.set('sourceId', 'no-such-source')
      map.set('color', 'javascript:alert(1)')
      evil.getMap('meta').set('title', '')
      firstText(noteFragment(evil, passage.id)).insert(0, 'x'.repeat(LIVE_LIMITS.noteChars + 1))
    })
    a.ws.send(updateMessage(Y.encodeStateAsUpdate(evil, Y.encodeStateVector(a.doc))))
    // The refusal is written back into the doc and reaches the other window.
    await until(
      () => b.doc.getMap<Y.Map<unknown>>('annotations').get(passage.id)?.get('color') === passage.color,
    )
    const kept = handle.data.annotations.find((p) => p.id === passage.id)
    expect(kept?.color).toBe(passage.color)
    expect(kept?.note).toEqual(passage.note)
    expect(handle.data.title).toBe(yDocToNotebook((await docs.get(id)).doc).notebook.title)
    expect(handle.data.title.length).toBeGreaterThan(0)
    await handle.flush()
    const onDisk = NotebookSchema.parse(JSON.parse(await readFile(await fileOf(host, id), 'utf8')))
    expect(integrityProblems(onDisk)).toEqual([])
    expect(onDisk.annotations.every((p) => onDisk.sources.some((s) => s.id === p.sourceId))).toBe(true)
    expect(JSON.stringify(onDisk)).not.toContain('javascript:')
  })

  it('builds no doc for a lone window on a notebook that is not shared, until a second one comes', async () => {
    const { host, id, docs } = await hostWithLive()
    const opened: string[] = []
    const get = docs.get.bind(docs)
    docs.get = (nid: string) => (opened.push(nid), get(nid))
    const a = follow(host.port, id)
    await a.opened
    // The relay asked whether the notebook is shared before our own question is answered.
    expect(await docs.shared(id)).toBe(false)
    expect(opened).toEqual([])
    const b = follow(host.port, id)
    await b.opened
    await until(() => a.doc.getMap('meta').get('id') === id && b.doc.getMap('meta').get('id') === id)
    expect(opened).toEqual([id])
  })

  it('refuses a wrong token, another site’s page, another host name and an unknown path', async () => {
    const { host, id } = await hostWithLive()
    await expect(follow(host.port, id, { token: 'wrong-token-0123456789' }).opened).rejects.toThrow(/401/)
    await expect(follow(host.port, id, { origin: 'https://evil.example' }).opened).rejects.toThrow(/403/)
    const other = new WebSocket(`ws://127.0.0.1:${host.port}/live/${id}`, [LIVE_PROTOCOL, `token.${TOKEN}`], {
      headers: { host: `evil.example:${host.port}` },
    })
    other.on('error', () => {})
    cleanups.push(() => closeQuietly(other))
    await expect(
      new Promise((_, reject) =>
        other.on('unexpected-response', (_r, res) => reject(new Error(`${res.statusCode}`))),
      ),
    ).rejects.toThrow('403')
    await expect(follow(host.port, '../etc').opened).rejects.toThrow(/404/)
  })

  it('keeps the doc beside the file, and writes another program’s edit into it as an edit', async () => {
    const { host, id, docs } = await hostWithLive()
    const handle = await host.service.library.openNotebook(id)
    const live = await docs.get(id)
    await handle.apply([{ type: 'renameNotebook', title: 'Kept in the doc' }], AT)
    await live.save()
    const path = ydocPath(host.service.library.notebooksDir, id)
    const saved = new Y.Doc()
    Y.applyUpdate(saved, (await readYDocFile(path))!)
    expect(yDocToNotebook(saved).notebook).toEqual(handle.data)
    // Opened again against a file that says otherwise: the file wins, history is kept.
    const reopened = await LiveNotebook.open(path, { ...handle.data, title: 'Changed on disk' })
    expect(yDocToNotebook(reopened.doc).notebook.title).toBe('Changed on disk')
    expect(Y.encodeStateVector(reopened.doc).length).toBeGreaterThanOrEqual(Y.encodeStateVector(saved).length)
    // A damaged doc is rebuilt from the file.
    await writeFile(path, 'not a ydoc')
    const rebuilt = await LiveNotebook.open(path, handle.data)
    expect(yDocToNotebook(rebuilt.doc).notebook).toEqual(handle.data)
    await Promise.all([reopened.close(), rebuilt.close()])
    expect(join(path, '..').endsWith('.live')).toBe(true)
  })
})
