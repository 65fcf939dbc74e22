// memory: resident memory of a core process with the notebook open and its search index
// built, beside a process that only JSON.parse'd the same file.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { copyIntoDataDir } from '../cache'
import type { FigureContext, FigureResult } from '../types'

const run = promisify(execFile)
const CHILD = join(import.meta.dirname, 'memory-child.ts')

async function child(file: string, mode: 'app' | 'parse'): Promise<{ rss: number; heapUsed: number }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, file, mode], {
    maxBuffer: 1 << 20,
  })
  return JSON.parse(stdout) as { rss: number; heapUsed: number }
}

export async function memoryFigures(ctx: FigureContext): Promise<FigureResult[]> {
  const file = await copyIntoDataDir(ctx.file, ctx.tmp)
  const app = await child(file, 'app')
  const parse = await child(file, 'parse')
  const one = (x: number) => ({ median: x, p95: x, min: x, max: x, runs: 1 })
  return [
    {
      id: 'memory.core',
      scale: ctx.scale,
      measured: { label: 'core RSS: open + index', unit: 'MB', value: one(app.rss) },
      baseline: { label: 'RSS after JSON.parse only', unit: 'MB', value: one(parse.rss) },
      ratio: app.rss / parse.rss,
      extra: { heapUsedMB: app.heapUsed, baselineHeapUsedMB: parse.heapUsed },
    },
  ]
}
