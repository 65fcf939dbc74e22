// memory: resident memory of a core process with the notebook open (what the core holds when
// a window opens it), beside a process that only JSON.parse'd the same file; and what the
// search index adds where it lives (the renderer), measured the same way. The live notebook's
// Y.Doc, which the core builds once a window follows the notebook, is figure live.memory.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { copyIntoDataDir } from '../cache'
import type { FigureContext, FigureResult } from '../types'

const run = promisify(execFile)
const CHILD = join(import.meta.dirname, 'memory-child.ts')

interface Usage {
  rss: number
  heapUsed: number
}

async function child(file: string, mode: 'app' | 'parse' | 'index'): Promise<Usage> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, file, mode], {
    maxBuffer: 1 << 20,
  })
  return JSON.parse(stdout) as Usage
}

export async function memoryFigures(ctx: FigureContext): Promise<FigureResult[]> {
  const file = await copyIntoDataDir(ctx.file, ctx.tmp)
  const parse = await child(file, 'parse')
  const app = await child(file, 'app')
  const index = await child(file, 'index')
  const one = (x: number) => ({ median: x, p95: x, min: x, max: x, runs: 1 })
  const r1 = (x: number) => Math.round(x * 10) / 10
  return [
    {
      id: 'memory.core',
      scale: ctx.scale,
      measured: { label: 'core RSS: notebook open', unit: 'MB', value: one(app.rss) },
      baseline: { label: 'RSS after JSON.parse only', unit: 'MB', value: one(parse.rss) },
      ratio: app.rss / parse.rss,
      extra: {
        heapUsedMB: app.heapUsed,
        baselineHeapUsedMB: parse.heapUsed,
        heapRatio: r1(app.heapUsed / parse.heapUsed),
      },
    },
    {
      id: 'memory.index',
      scale: ctx.scale,
      measured: {
        label: 'search index (held by the renderer)',
        unit: 'MB',
        value: one(r1(index.rss - app.rss)),
      },
      extra: { heapMB: r1(index.heapUsed - app.heapUsed), heapVsParse: r1(index.heapUsed / parse.heapUsed) },
    },
  ]
}
