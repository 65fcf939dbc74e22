// `npm run bench [-- --quick] [-- --only=open,save,...] [-- --scales=S,L] [-- --no-renderer]`
// Runs every figure at each scale (S, M, L; --quick: S only), prints a table and the targets
// (checked on the largest scale run), and writes bench/results.json. Not part of `npm test`.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cachedNotebookFile } from './cache'
import { SCALES, type ScaleName } from './generate'
import { exportFigures } from './figures/export'
import { importFigures } from './figures/import'
import { liveFigures } from './figures/live'
import { liveTypingFigures } from './figures/live-typing'
import { memoryFigures } from './figures/memory'
import { openFigures } from './figures/open'
import { reanchorFigures } from './figures/reanchor'
import { coldStartFigures, rendererFigures } from './figures/renderer'
import { saveFigures } from './figures/save'
import { searchFigures } from './figures/search'
import { formatTable, formatTargets, machineInfo, RESULTS_FILE, writeResults } from './report'
import { checkTargets } from './targets'
import type { FigureContext, FigureResult } from './types'

type Runner = (ctx: FigureContext) => Promise<FigureResult[]>
/** Per-scale figures; `largest` ones run only on the largest scale (they are slow or scale-free). */
const FIGURES: { name: string; run: Runner; largest?: boolean; onlyWhenNamed?: boolean }[] = [
  { name: 'open', run: openFigures },
  { name: 'save', run: saveFigures },
  { name: 'search', run: searchFigures },
  { name: 'export', run: exportFigures },
  { name: 'import', run: importFigures },
  { name: 'memory', run: memoryFigures, largest: true },
  { name: 'reanchor', run: reanchorFigures, largest: true },
  { name: 'renderer', run: rendererFigures, largest: true },
  // Only when asked for (--only=coldstart): renderer.firstPaint without the other renderer figures.
  { name: 'coldstart', run: coldStartFigures, largest: true, onlyWhenNamed: true },
  { name: 'live', run: liveFigures, largest: true },
  { name: 'live-typing', run: liveTypingFigures, largest: true },
]

const args = process.argv.slice(2)
const flag = (name: string) =>
  args.includes(`--${name}`) || process.env[`npm_config_${name.replace(/-/g, '_')}`] === 'true'
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const quick = flag('quick')
const scales = (option('scales')?.split(',') ?? (quick ? ['S'] : ['S', 'M', 'L'])) as ScaleName[]
const only = option('only')?.split(',')
const seed = Number(option('seed') ?? 1)

async function main(): Promise<void> {
  for (const s of scales) if (!(s in SCALES)) throw new Error(`unknown scale ${s} (use S, M, L)`)
  const machine = machineInfo()
  console.log(`Glossa bench — ${machine.cpus}, ${machine.node}, ${machine.os}${quick ? ' (quick)' : ''}`)
  const figures: FigureResult[] = []
  const largest = scales[scales.length - 1]
  for (const scale of scales) {
    const t0 = performance.now()
    const file = await cachedNotebookFile(scale, seed)
    console.log(`\n[${scale}] notebook ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${file}`)
    for (const fig of FIGURES) {
      if (only ? !only.includes(fig.name) : fig.onlyWhenNamed) continue
      if (fig.largest && scale !== largest) continue
      if ((fig.name === 'renderer' || fig.name === 'live-typing') && flag('no-renderer')) continue
      const tmp = await mkdtemp(join(tmpdir(), `glossa-bench-${fig.name}-`))
      const started = performance.now()
      try {
        const out = await fig.run({ scale, file, quick, tmp })
        figures.push(...out)
        console.log(`  ${fig.name.padEnd(9)} ${((performance.now() - started) / 1000).toFixed(1)} s`)
      } catch (error) {
        console.log(
          `  ${fig.name.padEnd(9)} FAILED: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        )
        figures.push({
          id: fig.name,
          scale,
          measured: {
            label: 'failed',
            unit: 'ms',
            value: { median: NaN, p95: NaN, min: NaN, max: NaN, runs: 0 },
          },
          note: `failed: ${String(error).split('\n')[0]}`,
        })
      } finally {
        await rm(tmp, { recursive: true, force: true })
      }
    }
  }
  const targets = checkTargets(figures, largest)
  console.log(`\n${formatTable(figures)}\n\n${formatTargets(targets, largest)}`)
  await writeResults(figures, targets, { quick, scales, seed, targetScale: largest })
  console.log(`\nWrote ${RESULTS_FILE}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
