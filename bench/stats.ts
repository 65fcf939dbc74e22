// Timing helpers: every figure is the median and p95 of several runs after a warm-up, with a
// garbage collection between runs so one run's garbage is not billed to the next.
import { readFile } from 'node:fs/promises'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Notebook } from '../src/shared/schema'

export interface Summary {
  median: number
  p95: number
  min: number
  max: number
  runs: number
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { median: NaN, p95: NaN, min: NaN, max: NaN, runs: 0 }
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    runs: sorted.length,
  }
}

/** Linear interpolation between closest ranks (the usual definition; p95 of 5 runs is near the max). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 1) return sorted[0]
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}

setFlagsFromString('--expose-gc')
const gcFn = runInNewContext('gc') as (() => void) | undefined
export function collectGarbage(): void {
  gcFn?.()
}

export interface MeasureOptions {
  warmup: number
  runs: number
  /** Collect garbage before each run (default). Off for sub-millisecond work, where a full GC per run costs far more than the work. */
  gc?: boolean
}

/** Runs `fn` warmup + runs times; returns the timed samples (ms) of the last `runs`. */
export async function measure(
  fn: (run: number) => unknown,
  { warmup, runs, gc = true }: MeasureOptions,
): Promise<number[]> {
  const samples: number[] = []
  if (!gc) collectGarbage()
  for (let i = 0; i < warmup + runs; i++) {
    if (gc) collectGarbage()
    const t0 = performance.now()
    await fn(i)
    const ms = performance.now() - t0
    if (i >= warmup) samples.push(ms)
  }
  return samples
}

/**
 * Longest time the event loop could not run a 1 ms timer while `work` ran: the largest gap
 * between timer ticks, minus the 1 ms interval. Catches synchronous work on the main thread
 * (parsing, validating, stringifying) that would freeze the app.
 */
export async function withLoopBlockProbe<T>(
  work: () => Promise<T>,
): Promise<{ result: T; maxBlockMs: number }> {
  let last = performance.now()
  let maxGap = 0
  const timer = setInterval(() => {
    const now = performance.now()
    maxGap = Math.max(maxGap, now - last)
    last = now
  }, 1)
  try {
    const result = await work()
    maxGap = Math.max(maxGap, performance.now() - last)
    return { result, maxBlockMs: Math.max(0, maxGap - 1) }
  } finally {
    clearInterval(timer)
  }
}

/** The V8 heap in use now (garbage included). */
export const heapUsed = (): number => process.memoryUsage().heapUsed
export const toMB = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10

/** The notebook file parsed, and the heap it holds (measured between two collections). */
export async function parseWithHeap(file: string): Promise<{ nb: Notebook; notebookHeap: number }> {
  const text = await readFile(file, 'utf8')
  collectGarbage()
  const before = heapUsed()
  const nb = JSON.parse(text) as Notebook
  collectGarbage()
  return { nb, notebookHeap: heapUsed() - before }
}
