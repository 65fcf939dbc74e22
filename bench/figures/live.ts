// live: a shared notebook at scale (docs/LIVE.md). `live.doc` builds the Y.Doc of the notebook
// (what the core does the first time a window follows it), beside JSON.parse of the same file;
// `live.memory` is the resident memory of a core process holding the notebook and its live doc,
// beside one holding the notebook alone (both fresh child processes: live-child.ts);
// `live.sync` is the time from an edit applied by one app until a second app, joined through a
// real team server, holds it; `live.join` the first sync. The team server runs in its own
// process (as on its own machine: its work is not charged to the apps' event loop); the two
// apps share this one, with the app's own save coalescing.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import * as Y from 'yjs'
import { LiveDocs } from '../../src/core/live/live-docs'
import { Library } from '../../src/core/store/library'
import { notebookToYDoc } from '../../src/shared/live'
import { NotebookSchema } from '../../src/shared/schema'
import { copyIntoDataDir } from '../cache'
import { collectGarbage, summarize } from '../stats'
import { ms, withRatio, type FigureContext, type FigureResult } from '../types'

const MB = 1024 * 1024
const ROOT = join(import.meta.dirname, '..', '..')
const run = promisify(execFile)

async function coreMemory(file: string, mode: 'app' | 'live'): Promise<{ rss: number; heapUsed: number }> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'live-child.ts'), file, mode],
    {
      maxBuffer: 1 << 20,
    },
  )
  return JSON.parse(stdout) as { rss: number; heapUsed: number }
}

/** `npm run team-server` in a child process; resolves with its address. */
async function teamServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/team/cli.ts'), '--port', '0', '--data-dir', dataDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const found = /Glossa team server: (ws:\S+)/.exec(out)
      if (found) resolve(found[1])
    })
    child.once('exit', (code) => reject(new Error(`the team server exited with ${code}`)))
  })
  return { url, child }
}

export async function liveFigures(ctx: FigureContext): Promise<FigureResult[]> {
  const runs = ctx.quick ? 3 : 5
  const text = await readFile(ctx.file, 'utf8')
  const nb = NotebookSchema.parse(JSON.parse(text))

  const build: number[] = []
  const parse: number[] = []
  for (let i = 0; i < runs; i++) {
    collectGarbage()
    let t0 = performance.now()
    JSON.parse(text)
    parse.push(performance.now() - t0)
    collectGarbage()
    t0 = performance.now()
    notebookToYDoc(nb).destroy()
    build.push(performance.now() - t0)
  }
  const doc = notebookToYDoc(nb)
  const state = Y.encodeStateAsUpdate(doc).length / MB
  doc.destroy()

  const memoryFile = await copyIntoDataDir(ctx.file, join(ctx.tmp, 'memory'))
  const alone = await coreMemory(memoryFile, 'app')
  const withDoc = await coreMemory(memoryFile, 'live')

  // Two apps and a team server.
  const server = await teamServer(join(ctx.tmp, 'team'))
  const apps = ['a', 'b'].map((n) => {
    const library = new Library({ dataDir: join(ctx.tmp, n) })
    return { library, docs: new LiveDocs(library) }
  })
  const [a, b] = apps
  try {
    await copyIntoDataDir(ctx.file, join(ctx.tmp, 'a'))
    const { notebooks } = await a.library.list()
    const id = notebooks[0].id
    const keys = await a.docs.share(id, server.url)
    const t0 = performance.now()
    await b.docs.join(server.url, keys.readWrite)
    await b.docs.get(id)
    const joined = performance.now() - t0
    const handleA = await a.library.openNotebook(id)
    const handleB = await b.library.openNotebook(id)
    const sync: number[] = []
    let first = 0
    for (let i = 0; i < runs + 1; i++) {
      const passage = handleA.data.annotations[(i * 7919) % handleA.data.annotations.length]
      const color = i % 2 ? '#aa0000' : '#00aa00'
      let started = 0
      // The moment app B's store holds the edit (its file is written after, coalesced).
      const arrived = new Promise<number>((resolve) => {
        const stop = handleB.watch((now) => {
          if (now.annotations.find((p) => p.id === passage.id)?.color === color) {
            stop()
            resolve(performance.now() - started)
          }
        })
      })
      started = performance.now()
      const saved = handleA.apply(
        [{ type: 'updateAnnotation', id: passage.id, patch: { color } }],
        new Date().toISOString(),
      )
      const took = await arrived
      await saved
      await a.library.flushAll()
      await b.library.flushAll()
      // The first edit after B's doc opened also builds B's projection of it (once per open).
      if (i === 0) first = took
      else sync.push(took)
    }
    return [
      withRatio({
        id: 'live.doc',
        scale: ctx.scale,
        measured: ms('notebook → Y.Doc', summarize(build)),
        baseline: ms('JSON.parse of the file', summarize(parse)),
      }),
      withRatio({
        id: 'live.memory',
        scale: ctx.scale,
        measured: { label: 'core RSS, notebook + live doc', unit: 'MB', value: summarize([withDoc.rss]) },
        baseline: { label: 'core RSS, notebook alone', unit: 'MB', value: summarize([alone.rss]) },
        extra: {
          heapMB: Number((withDoc.heapUsed - alone.heapUsed).toFixed(1)),
          stateMB: Number(state.toFixed(1)),
          fileMB: Number((text.length / MB).toFixed(1)),
        },
      }),
      {
        id: 'live.join',
        scale: ctx.scale,
        measured: ms('join (first sync, settle, write)', summarize([joined])),
      },
      {
        id: 'live.sync',
        scale: ctx.scale,
        measured: ms('edit in app A → held by app B', summarize(sync)),
        extra: { firstAfterOpenMs: Math.round(first) },
      },
    ]
  } finally {
    for (const app of apps) {
      await app.library.flushAll()
      await app.docs.closeAll()
    }
    server.child.kill('SIGTERM')
  }
}
