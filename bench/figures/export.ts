// export: the whole notebook as one Markdown file (exportNotebook 'md'), time and MB/s,
// against JSON.stringify of the same notebook (the cheapest possible full serialization).
import { readFile } from 'node:fs/promises'
import { exportNotebook } from '../../src/shared/export'
import type { Notebook } from '../../src/shared/schema'
import { measure, summarize } from '../stats'
import { ms, withRatio, type FigureContext, type FigureResult } from '../types'

export async function exportFigures(ctx: FigureContext): Promise<FigureResult[]> {
  const nb = JSON.parse(await readFile(ctx.file, 'utf8')) as Notebook
  const runs = { warmup: 1, runs: ctx.quick ? 3 : 5 }
  let bytes = 0
  const md = summarize(
    await measure(() => (bytes = Buffer.byteLength(exportNotebook(nb, 'md').files[0].content)), runs),
  )
  const json = summarize(await measure(() => JSON.stringify(nb), runs))
  const mb = bytes / 1048576
  return [
    withRatio({
      id: 'export',
      scale: ctx.scale,
      measured: ms('Markdown (one file)', md),
      baseline: ms('JSON.stringify', json),
      extra: {
        outputMB: Math.round(mb * 10) / 10,
        MBperSecond: Math.round((mb / (md.median / 1000)) * 10) / 10,
      },
    }),
  ]
}
