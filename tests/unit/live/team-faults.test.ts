// Killing the client, the network or the server mid-sync loses no acknowledged edit (issue 13).
// A real team server, apps on separate data dirs; the client and the server that get killed run
// in their own processes (SIGKILL: no chance to save anything on the way out).
import { spawn, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { LiveDocs } from '../../../src/core/live/live-docs'
import { Library } from '../../../src/core/store/library'
import type { Op } from '../../../src/shared/ops'
import { docFromParagraphs, plainText } from '../../../src/shared/plain-text'
import type { Notebook } from '../../../src/shared/schema'
import { startTeamServer, type TeamServer } from '../../../src/team/server'
import { useTempDirs } from '../../helpers/temp-dir'
import { AT } from '../../helpers/notebook'
import { baseNotebook } from './replicas'
import { TcpProxy } from './tcp-proxy'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const tempDir = useTempDirs()
const stops: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop().catch(() => {})
})
/** A bound for a hang (children start through tsx), not a timing. */
const SLOW = 120_000
const poll = { timeout: 60_000 }

interface App {
  library: Library
  docs: LiveDocs
  close(): Promise<void>
}

function app(dataDir: string): App {
  const library = new Library({ dataDir, coalesce: { delayMs: 1, maxWaitMs: 5 } })
  const docs = new LiveDocs(library)
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await library.flushAll()
    await docs.closeAll()
  }
  stops.push(close)
  return { library, docs, close }
}

async function inProcessServer(dataDir: string): Promise<TeamServer> {
  const s = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir })
  stops.push(() => s.stop())
  return s
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

/** A process running `script` through tsx; resolves once a stdout line matches `ready`. */
async function child(args: string[], ready: RegExp): Promise<{ process: ChildProcess; line: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: 'pipe' })
  stops.push(() => kill(proc))
  let out = ''
  const line = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (chunk) => {
      out += chunk
      const found = out.split('\n').find((l) => ready.test(l))
      if (found) resolve(found)
    })
    proc.stderr!.on('data', (chunk) => (out += chunk))
    proc.once('exit', (code) => reject(new Error(`child exited with ${code}: ${out}`)))
  })
  return { process: proc, line }
}

async function kill(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill('SIGKILL')
  await exited
}

/** The team server in its own process, on `port`, keeping its data in `dataDir`. */
async function serverProcess(dataDir: string, port: number): Promise<{ url: string; kill(): Promise<void> }> {
  const started = await child(
    [join(ROOT, 'src/team/cli.ts'), '--port', String(port), '--data-dir', dataDir],
    /^Glossa team server: ws:/,
  )
  return { url: started.line.split(': ')[1].trim(), kill: () => kill(started.process) }
}

/** The notebook as its JSON file holds it. */
async function onDisk(a: App, id: string): Promise<Notebook> {
  await a.library.flushAll()
  const { notebooks } = await a.library.list()
  const file = notebooks.find((n) => n.id === id)!.file
  return JSON.parse(await readFile(join(a.library.notebooksDir, file), 'utf8'))
}

/** Equal but for when each was last saved (key order aside: one file was written by the store, one by a merge). */
const same = (x: Notebook, y: Notebook) => isDeepStrictEqual({ ...x, updatedAt: '' }, { ...y, updatedAt: '' })

/** A note long enough that its update spans many TCP segments. */
function longNote(who: string): { text: string; op: Op } {
  const paragraphs = Array.from(
    { length: 400 },
    (_, i) => `Paragraph ${i} written by ${who} before the fault.`,
  )
  const doc = docFromParagraphs(paragraphs)
  return { text: plainText(doc), op: { type: 'updateNote', id: 'n1', patch: { doc } } }
}

/** Shares a fresh notebook from A (through `urlForA` if given) and joins it from B. */
async function sharedPair(serverUrl: string, urlForA = serverUrl) {
  const dirA = await tempDir()
  const a = app(dirA)
  const b = app(await tempDir())
  const nb = baseNotebook()
  await a.library.add(nb)
  const keys = await a.docs.share(nb.id, urlForA)
  await b.docs.join(serverUrl, keys.readWrite)
  await b.docs.get(nb.id)
  return { a, b, dirA, id: nb.id, keys }
}

describe('faults mid-sync', () => {
  it(
    'a client killed after its edit was saved: the edit is in its file and reaches the team when it reopens',
    async () => {
      const team = await inProcessServer(await tempDir())
      const { a, b, dirA, id } = await sharedPair(team.url)
      await a.close()

      const note = longNote('the killed client')
      const ops: Op[] = [note.op, { type: 'updateTag', id: 't1', patch: { color: '#aa0000' } }]
      const killed = await child(
        [join(import.meta.dirname, 'fault-client.ts'), dirA, id, JSON.stringify(ops)],
        /^(saved|not saved|failed)/,
      )
      await kill(killed.process)
      expect(killed.line).toBe('saved')

      const reopened = app(dirA)
      const file = await onDisk(reopened, id)
      expect(plainText(file.notes[0].doc)).toBe(note.text)
      expect(file.tags[0].color).toBe('#aa0000')

      await reopened.docs.get(id)
      const handleB = await b.library.openNotebook(id)
      await expect.poll(() => handleB.data.tags[0].color, poll).toBe('#aa0000')
      await expect.poll(() => plainText(handleB.data.notes[0].doc), poll).toBe(note.text)
      await expect.poll(async () => same(await onDisk(b, id), await onDisk(reopened, id)), poll).toBe(true)
    },
    SLOW,
  )

  it(
    'the network cut in the middle of a message: edits made on both sides converge when it is back',
    async () => {
      const team = await inProcessServer(await tempDir())
      const proxy = await TcpProxy.start(team.port)
      stops.push(() => proxy.close())
      const { a, b, id } = await sharedPair(team.url, proxy.url)
      const handleA = await a.library.openNotebook(id)
      const handleB = await b.library.openNotebook(id)

      const note = longNote('A')
      proxy.cutAfter(2_000)
      const saved = await handleA.apply([note.op], AT)
      expect(saved.saved).toBe(true)
      await expect.poll(() => proxy.isDown, poll).toBe(true)
      await expect.poll(async () => (await a.docs.status(id))?.state, poll).toBe('offline')
      // Both go on editing while the network is down.
      await handleA.apply([{ type: 'updateTag', id: 't1', patch: { color: '#aa0000' } }], AT)
      await handleB.apply([{ type: 'updateTag', id: 't2', patch: { color: '#00aa00' } }], AT)
      await handleB.apply([{ type: 'deleteAnnotation', id: 'a3' }], AT)
      expect(handleB.data.tags[0].color).not.toBe('#aa0000')

      proxy.restore()
      await expect.poll(() => plainText(handleB.data.notes[0].doc), poll).toBe(note.text)
      await expect.poll(() => handleB.data.tags[0].color, poll).toBe('#aa0000')
      await expect.poll(() => handleA.data.tags[1].color, poll).toBe('#00aa00')
      await expect.poll(() => handleA.data.annotations.some((p) => p.id === 'a3'), poll).toBe(false)
      await expect.poll(async () => same(await onDisk(a, id), await onDisk(b, id)), poll).toBe(true)
      await expect.poll(async () => (await a.docs.status(id))?.waiting, poll).toBe(0)
    },
    SLOW,
  )

  it(
    'the server killed right after acknowledging an edit: restarted on its data dir, it still has it',
    async () => {
      const serverDir = await tempDir()
      const port = await freePort()
      let team = await serverProcess(serverDir, port)
      const { a, b, id, keys } = await sharedPair(team.url)
      const handleA = await a.library.openNotebook(id)

      const note = longNote('A')
      await handleA.apply([note.op, { type: 'updateTag', id: 't1', patch: { color: '#aa0000' } }], AT)
      // Acknowledged: the server answered for every update A sent.
      await expect.poll(async () => (await a.docs.status(id))?.waiting, poll).toBe(0)
      await team.kill()
      // Neither app can send it again: only what the server kept counts.
      await a.close()
      await b.close()

      team = await serverProcess(serverDir, port)
      const late = app(await tempDir())
      await late.docs.join(team.url, keys.readWrite)
      const joined = await late.library.openNotebook(id)
      expect(joined.data.tags[0].color).toBe('#aa0000')
      expect(plainText(joined.data.notes[0].doc)).toBe(note.text)
    },
    SLOW,
  )
})
