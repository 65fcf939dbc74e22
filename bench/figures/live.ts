// live: a shared notebook at scale (docs/LIVE.md). `live.doc` builds the Y.Doc of the notebook
// (what the core does the first time a window follows it), beside JSON.parse of the same file;
// `live.memory` is the heap that doc holds and `live.state` its saved size; `live.sync` is the
// time from an edit applied by one app until a second app, joined through a real team server
// (Hocuspocus + SQLite, in this process, on 127.0.0.1), holds it; `live.join` the first sync.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { LiveDocs } from '../../src/core/live/live-docs'
import { Library } from '../../src/core/store/library'
import { notebookToYDoc } from '../../src/shared/live'
import { NotebookSchema } from '../../src/shared/schema'
import { startTeamServer } from '../../src/team/server'
import { copyIntoDataDir } from '../cache'
import { collectGarbage, summarize } from '../stats'
import { ms, withRatio, type FigureContext, type FigureResult } from '../types'

const MB = 1024 * 1024

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
  collectGarbage()
  const before = process.memoryUsage().heapUsed
  const doc = notebookToYDoc(nb)
  collectGarbage()
  const heap = (process.memoryUsage().heapUsed - before) / MB
  const state = Y.encodeStateAsUpdate(doc).length / MB
  doc.destroy()

  // Two apps and a team server.
  const server = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir: join(ctx.tmp, 'team') })
  const apps = ['a', 'b'].map((n) => {
    const library = new Library({ dataDir: join(ctx.tmp, n), coalesce: { delayMs: 0, maxWaitMs: 0 } })
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
    for (let i = 0; i < runs + 1; i++) {
      const passage = handleA.data.annotations[(i * 7919) % handleA.data.annotations.length]
      const color = i % 2 ? '#aa0000' : '#00aa00'
      const arrived = new Promise<void>((resolve) => {
        const stop = handleB.watch((now) => {
          if (now.annotations.find((p) => p.id === passage.id)?.color === color) {
            stop()
            resolve()
          }
        })
      })
      const started = performance.now()
      await handleA.apply(
        [{ type: 'updateAnnotation', id: passage.id, patch: { color } }],
        new Date().toISOString(),
      )
      await arrived
      if (i > 0) sync.push(performance.now() - started)
    }
    return [
      withRatio({
        id: 'live.doc',
        scale: ctx.scale,
        measured: ms('notebook → Y.Doc', summarize(build)),
        baseline: ms('JSON.parse of the file', summarize(parse)),
      }),
      {
        id: 'live.memory',
        scale: ctx.scale,
        measured: { label: 'heap held by the Y.Doc', unit: 'MB', value: summarize([heap]) },
        extra: { stateMB: Number(state.toFixed(1)), fileMB: Number((text.length / MB).toFixed(1)) },
      },
      {
        id: 'live.join',
        scale: ctx.scale,
        measured: ms('join (first sync, settle, write)', summarize([joined])),
      },
      { id: 'live.sync', scale: ctx.scale, measured: ms('edit in app A → held by app B', summarize(sync)) },
    ]
  } finally {
    for (const app of apps) {
      await app.library.flushAll()
      await app.docs.closeAll()
    }
    await server.stop()
  }
}
