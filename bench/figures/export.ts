// export: the whole notebook as one Markdown file and as CSV, each against JSON.stringify of the
// same notebook (the cheapest full serialization) measured in the same run, interleaved run by
// run so a busy machine slows both alike; and the Markdown export's memory: the most heap it
// holds beyond the notebook, sampled between its steps and when it returns (its text, a rope
// of chunks, not yet flattened by a writer), against the notebook's own heap. That sample counts
// garbage the collector has not reached yet (it depends on when V8 collects, up to a young
// generation's worth); `liveRatio` is the same peak with a collection before each sample, in an
// untimed run: what the export itself holds.
import { exportCsv } from '../../src/shared/export/csv'
import { exportMarkdownSteps } from '../../src/shared/export/markdown/index'
import type { Notebook } from '../../src/shared/schema'
import { collectGarbage, heapUsed, parseWithHeap, summarize, toMB } from '../stats'
import { ms, withRatio, type FigureContext, type FigureResult } from '../types'

const heap = heapUsed

/** Runs the export to the end, sampling the heap after every step; returns the file and the peak. */
function markdownWithPeak(nb: Notebook, live = false): { bytes: number; peak: number } {
  const steps = exportMarkdownSteps(nb, { layout: 'single' })
  let peak = heap()
  for (;;) {
    const step = steps.next()
    if (live) collectGarbage()
    peak = Math.max(peak, heap())
    if (step.done) return { bytes: Buffer.byteLength(step.value[0].content), peak }
  }
}

export async function exportFigures(ctx: FigureContext): Promise<FigureResult[]> {
  const { nb, notebookHeap } = await parseWithHeap(ctx.file)
  const runs = ctx.quick ? 3 : 5
  const md: number[] = []
  const csv: number[] = []
  const json: number[] = []
  let bytes = 0
  let peakExtra = 0
  for (let i = 0; i < runs + 1; i++) {
    const time = (fn: () => void): number => {
      collectGarbage()
      const t0 = performance.now()
      fn()
      return performance.now() - t0
    }
    const j = time(() => JSON.stringify(nb))
    collectGarbage()
    const base = heap()
    const m = time(() => {
      const r = markdownWithPeak(nb)
      bytes = r.bytes
      peakExtra = Math.max(peakExtra, r.peak - base)
    })
    const c = time(() => exportCsv(nb))
    if (i === 0) continue // warm-up
    json.push(j)
    md.push(m)
    csv.push(c)
  }
  collectGarbage()
  const liveBase = heap()
  const liveExtra = markdownWithPeak(nb, true).peak - liveBase
  const jsonSummary = summarize(json)
  const mb = bytes / 1048576
  const mdSummary = summarize(md)
  return [
    withRatio({
      id: 'export',
      scale: ctx.scale,
      measured: ms('Markdown (one file)', mdSummary),
      baseline: ms('JSON.stringify', jsonSummary),
      extra: {
        outputMB: Math.round(mb * 10) / 10,
        MBperSecond: Math.round((mb / (mdSummary.median / 1000)) * 10) / 10,
        peakHeapMB: toMB(peakExtra),
        notebookHeapMB: toMB(notebookHeap),
        memoryRatio: Math.round((peakExtra / notebookHeap) * 100) / 100,
        liveHeapMB: toMB(liveExtra),
        liveRatio: Math.round((liveExtra / notebookHeap) * 100) / 100,
      },
    }),
    withRatio({
      id: 'export.csv',
      scale: ctx.scale,
      measured: ms('CSV', summarize(csv)),
      baseline: ms('JSON.stringify', jsonSummary),
    }),
  ]
}
