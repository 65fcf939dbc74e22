// save: one edit made durable the way the app does it — OpenNotebook.apply of one op, which
// resolves once the coalesced write (validate, serialize, temp file, fsync, rename, folder
// fsync, backup check) is done; delayMs 0 so the coalescing delay is not billed. Baseline:
// JSON.stringify of the same notebook as the app formats it (the same bytes) + write + fsync.
// Both also report the longest event-loop block, the app's responsiveness during a save.
import { open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Library } from '../../src/core/store/library'
import { copyIntoDataDir } from '../cache'
import { collectGarbage, summarize, withLoopBlockProbe } from '../stats'
import { ms, withRatio, type FigureContext, type FigureResult } from '../types'

export async function saveFigures(ctx: FigureContext): Promise<FigureResult[]> {
  const warmup = 1
  const runs = ctx.quick ? 5 : 8
  await copyIntoDataDir(ctx.file, ctx.tmp)
  const library = new Library({ dataDir: ctx.tmp, coalesce: { delayMs: 0, maxWaitMs: 0 } })
  const { notebooks } = await library.list()
  const handle = await library.openNotebook(notebooks[0].id)
  const passages = handle.data.annotations

  const save: number[] = []
  const saveBlock: number[] = []
  for (let i = 0; i < warmup + runs; i++) {
    collectGarbage()
    const a = passages[(i * 7919) % passages.length]
    const note = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: `Benchmark edit ${i}` }] }],
    }
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()
    const t0 = performance.now()
    const { result, maxBlockMs } = await withLoopBlockProbe(() =>
      handle.apply([{ type: 'updateAnnotation', id: a.id, patch: { note } }], at),
    )
    const elapsed = performance.now() - t0
    if (!result.saved) throw new Error(`save failed: ${result.saveError}`)
    if (i >= warmup) {
      save.push(elapsed)
      saveBlock.push(maxBlockMs)
    }
  }

  const base: number[] = []
  const baseBlock: number[] = []
  const tmp = join(ctx.tmp, 'baseline.json')
  for (let i = 0; i < warmup + runs; i++) {
    collectGarbage()
    const t0 = performance.now()
    const { maxBlockMs } = await withLoopBlockProbe(async () => {
      const text = JSON.stringify(handle.data, null, 1)
      const fh = await open(tmp, 'w')
      await fh.writeFile(text, 'utf8')
      await fh.sync()
      await fh.close()
    })
    const elapsed = performance.now() - t0
    if (i >= warmup) {
      base.push(elapsed)
      baseBlock.push(maxBlockMs)
    }
  }
  await rm(tmp, { force: true })
  return [
    withRatio({
      id: 'save',
      scale: ctx.scale,
      measured: ms('apply 1 op, durable', summarize(save)),
      baseline: ms('stringify + write + fsync', summarize(base)),
      extra: { writes: handle.writeCount },
    }),
    withRatio({
      id: 'save.block',
      scale: ctx.scale,
      measured: ms('longest event-loop block in a save', summarize(saveBlock)),
      baseline: ms('… in the baseline', summarize(baseBlock)),
    }),
  ]
}
