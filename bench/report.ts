// The table printed at the end of a run, and bench/results.json.
import { writeFile } from 'node:fs/promises'
import { cpus, platform, release, totalmem } from 'node:os'
import { join } from 'node:path'
import type { FigureResult, Measurement, TargetResult } from './types'

export const RESULTS_FILE = join(import.meta.dirname, 'results.json')

export function machineInfo() {
  const list = cpus()
  return {
    os: `${platform()} ${release()}`,
    cpus: `${list.length} × ${list[0]?.model ?? 'unknown'}`,
    memoryGB: Math.round(totalmem() / 1073741824),
    node: process.version,
    date: new Date().toISOString(),
  }
}

const num = (v: number, unit: Measurement['unit']): string =>
  Number.isNaN(v) ? 'n/a' : unit === 'ms' ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : v.toFixed(1)

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
}

export function formatTable(figures: FigureResult[]): string {
  const widths = [24, 24, 9, 9, 9, 9, 7]
  const lines = [
    row(['figure', 'scale', 'median', 'p95', 'base', 'base p95', 'ratio'], widths),
    '-'.repeat(widths.reduce((a, b) => a + b + 2, 0)),
  ]
  for (const f of figures) {
    const m = f.measured
    const unit = m.unit === 'ms' ? '' : ` ${m.unit}`
    lines.push(
      row(
        [
          f.id,
          f.scale.slice(0, 24),
          num(m.value.median, m.unit) + unit,
          num(m.value.p95, m.unit),
          f.baseline ? num(f.baseline.value.median, f.baseline.unit) : '',
          f.baseline ? num(f.baseline.value.p95, f.baseline.unit) : '',
          f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}×`,
        ],
        widths,
      ),
    )
    const extra = f.extra
      ? Object.entries(f.extra).filter(([k]) => !k.startsWith('q:') && !k.startsWith('hits:'))
      : []
    if (extra.length > 0) lines.push(`    ${extra.map(([k, v]) => `${k}=${v}`).join(' ')}`)
    if (f.note) lines.push(`    ${f.note}`)
  }
  return lines.join('\n')
}

export function formatTargets(targets: TargetResult[], scale: string): string {
  const lines = [`Targets (scale ${scale}):`]
  for (const t of targets)
    lines.push(
      `  ${t.pass === null ? 'N/A ' : t.pass ? 'PASS' : 'MISS'}  ${t.description.padEnd(62)} ${t.actual}${t.note ? `  (${t.note})` : ''}`,
    )
  return lines.join('\n')
}

export async function writeResults(
  figures: FigureResult[],
  targets: TargetResult[],
  meta: Record<string, unknown>,
): Promise<void> {
  await writeFile(
    RESULTS_FILE,
    JSON.stringify({ machine: machineInfo(), ...meta, targets, figures }, null, 2) + '\n',
  )
}
