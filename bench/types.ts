// What a figure reports: a summary of timings (or sizes), optionally beside a baseline
// measured in the same run, so that the ratio stays meaningful on a noisy shared machine.
import type { Summary } from './stats'

export interface Measurement {
  label: string
  unit: 'ms' | 'MB' | 'MB/s' | 'count'
  value: Summary
}

export interface FigureResult {
  /** Stable key, e.g. "open" or "search.p95" (results.json consumers use it). */
  id: string
  scale: string
  measured: Measurement
  baseline?: Measurement
  /** measured.median / baseline.median */
  ratio?: number
  /** Anything else worth keeping (counts, accuracy, sizes). */
  extra?: Record<string, number | string | boolean>
  note?: string
}

export interface TargetResult {
  id: string
  description: string
  /** "1.32× (≤ 2×)" and the like. */
  actual: string
  pass: boolean | null
  note?: string
}

export interface FigureContext {
  scale: string
  file: string
  quick: boolean
  /** A private temp dir for this figure (removed afterwards). */
  tmp: string
}

export function ms(label: string, value: Summary): Measurement {
  return { label, unit: 'ms', value }
}

export function withRatio(r: Omit<FigureResult, 'ratio'>): FigureResult {
  return r.baseline ? { ...r, ratio: r.measured.value.median / r.baseline.value.median } : r
}
