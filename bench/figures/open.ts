// open: what the app does to show a notebook — read, parse and validate the file
// (Library.openNotebook), then build the search index — against JSON.parse(readFileSync)
// of the same file. The library screen has listed the notebooks before a notebook is opened,
// so list() runs first, untimed (until 2026-12-01 it was timed with the open, against this
// comment: a few milliseconds with the summary cache).
import { readFileSync, statSync } from 'node:fs'
import { Library } from '../../src/core/store/library'
import { NotebookSearch } from '../../src/shared/search'
import { copyIntoDataDir } from '../cache'
import { collectGarbage, summarize } from '../stats'
import { ms, withRatio, type FigureContext, type FigureResult } from '../types'

export async function openFigures(ctx: FigureContext): Promise<FigureResult[]> {
  const runs = { warmup: 1, runs: ctx.quick ? 3 : 5 }
  await copyIntoDataDir(ctx.file, ctx.tmp)
  const openMs: number[] = []
  const indexMs: number[] = []
  const totals: number[] = []
  const parses: number[] = []
  let documents = 0
  const open = async (): Promise<void> => {
    const library = new Library({ dataDir: ctx.tmp })
    const { notebooks } = await library.list()
    const t0 = performance.now()
    const handle = await library.openNotebook(notebooks[0].id)
    const t1 = performance.now()
    documents = NotebookSearch.build(handle.data).documentCount
    const t2 = performance.now()
    openMs.push(t1 - t0)
    indexMs.push(t2 - t1)
    totals.push(t2 - t0)
  }
  const parse = (): void => {
    const t0 = performance.now()
    JSON.parse(readFileSync(ctx.file, 'utf8'))
    parses.push(performance.now() - t0)
  }
  // Interleaved, a baseline run then an open run: a stretch of load on the machine slows both
  // alike instead of only the open runs (they were all measured before the baseline until
  // 2026-12-01, and one busy minute moved the ratio from 1.6× to 2.1×).
  for (let i = 0; i < runs.warmup + runs.runs; i++) {
    collectGarbage()
    parse()
    collectGarbage()
    await open()
  }
  const timed = (xs: number[]) => summarize(xs.slice(runs.warmup))
  const baseline = ms('JSON.parse(readFileSync)', timed(parses))
  const mb = statSync(ctx.file).size / 1048576
  return [
    withRatio({
      id: 'open',
      scale: ctx.scale,
      measured: ms('open + index', timed(totals)),
      baseline,
      extra: { fileMB: round(mb), indexedDocuments: documents },
    }),
    withRatio({
      id: 'open.noindex',
      scale: ctx.scale,
      measured: ms('open (read+parse+validate)', timed(openMs)),
      baseline,
    }),
    { id: 'open.index', scale: ctx.scale, measured: ms('NotebookSearch.build', timed(indexMs)) },
  ]
}

const round = (x: number): number => Math.round(x * 10) / 10
