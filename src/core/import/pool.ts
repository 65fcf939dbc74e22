// Conversions run off the host's thread, in a small pool of import workers, so a hostile file
// cannot stall the app: the host keeps answering every other call meanwhile, and a conversion
// over its time or memory budget ends with `import/too-complex` and adds nothing.
//
// A pool rather than a fresh thread per conversion: starting a thread and loading the parsers
// took 1.5 s bundled and up to 6 s from source (through tsx) on a busy 2-core machine, which a
// user adding several sources in a row (or the fuzz test's hundreds of conversions) would pay
// every time; a reused worker answered a small conversion in 70 ms. A worker
// is reused only after small conversions; one that held a large document, failed or ran over
// is terminated, so its heap goes back to the system. Idle workers do not keep the process up.
import type { InputFile } from '@shared/markdown-import/files'
import type { ImportProgress } from '@shared/markdown-import/progress'
import type { ImportInput, ImportResult } from './index'
import { cancelled, ImportError } from './import-error'
import { ConverterWorker } from './converter-worker'
import type { WorkerEntry } from './worker-entry'

export interface ConversionLimits {
  /** A conversion may take `baseMs` plus `perMillionCharsMs` per million characters of input.
   * Parsing dominates and is linear for honest text, but slow: 1 MB of Markdown took 9–13 s and
   * a 4.9 MB file 45–120 s on a 2-core machine busy with other jobs (load 8–14). A flat budget
   * would refuse large honest files there; this one gives 80 KB 11.6 s and 4.9 MB 108 s. */
  baseMs: number
  perMillionCharsMs: number
  /** Each worker's V8 old-generation heap: the 4.9 MB file converts within 768 MB. */
  heapMb: number
  /** Conversions running at once; more wait their turn. */
  maxWorkers: number
  /** How long an idle worker is kept for the next conversion. */
  idleMs: number
}

export const DEFAULT_LIMITS: ConversionLimits = {
  baseMs: 10_000,
  perMillionCharsMs: 20_000,
  heapMb: 1_024,
  maxWorkers: 2,
  idleMs: 30_000,
}

/** After a conversion of more characters than this, the worker is not reused. */
const REUSE_MAX_CHARS = 1_000_000

export class ConversionPool {
  private readonly limits: ConversionLimits
  private readonly idle: ConverterWorker[] = []
  private readonly idleTimers = new Map<ConverterWorker, NodeJS.Timeout>()
  private readonly busy = new Set<ConverterWorker>()
  private readonly waiting: (() => void)[] = []
  private running = 0
  private closed = false

  /** `entry`: the worker's script (tests start a stand-in); the import worker otherwise. */
  constructor(
    limits: Partial<ConversionLimits> = {},
    private readonly entry?: () => WorkerEntry,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits }
  }

  /** Workers converting right now (tests wait on it; nothing else needs it). */
  get busyWorkers(): number {
    return this.busy.size
  }

  budgetMs(chars: number): number {
    return Math.round(this.limits.baseMs + (this.limits.perMillionCharsMs * chars) / 1_000_000)
  }

  async convert(input: ImportInput): Promise<ImportResult> {
    await this.takeSlot()
    let worker: ConverterWorker | undefined
    try {
      if (this.closed) throw closing()
      worker = this.idleWorker() ?? this.spawn()
      this.busy.add(worker)
      return await worker.run(input, this.budgetMs(input.content.length))
    } finally {
      this.release(worker, input.content.length)
    }
  }

  /**
   * Reads a Glossa Markdown export into a notebook in a worker (src/core/markdown-import/
   * read-in-worker.ts), under the budgets of a conversion of as many characters; the caller
   * checks the notebook against the schema. `signal` cancels it (`import/cancelled`) while it
   * waits for a worker or runs: the worker is then stopped, which frees its heap at once.
   */
  async readExport(
    files: InputFile[],
    options: { now: string; signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void },
  ): Promise<Record<string, unknown>> {
    const { signal } = options
    const chars = files.reduce((sum, f) => sum + f.content.length, 0)
    await this.takeSlot(signal)
    let worker: ConverterWorker | undefined
    const stop = (): void => worker?.terminate(cancelled())
    try {
      if (this.closed) throw closing()
      if (signal?.aborted) throw cancelled()
      worker = this.idleWorker() ?? this.spawn()
      this.busy.add(worker)
      signal?.addEventListener('abort', stop, { once: true })
      const request = { task: 'readExport', files, now: options.now } as const
      return await worker.readExport(request, this.budgetMs(chars), options.onProgress)
    } finally {
      signal?.removeEventListener('abort', stop)
      this.release(worker, chars)
    }
  }

  /** Ends every worker; conversions still running fail with `import/unavailable`. */
  async close(): Promise<void> {
    this.closed = true
    this.waiting.splice(0).forEach((wake) => wake())
    for (const worker of [...this.idle.splice(0), ...this.busy]) worker.terminate(closing())
    this.idleTimers.forEach((timer) => clearTimeout(timer))
    this.idleTimers.clear()
  }

  private async takeSlot(signal?: AbortSignal): Promise<void> {
    while (!this.closed && !signal?.aborted && this.running >= this.limits.maxWorkers)
      await new Promise<void>((resolve) => {
        const wake = (): void => (signal?.removeEventListener('abort', leave), resolve())
        // A cancelled waiter leaves the queue, so the next free slot wakes someone still waiting.
        const leave = (): void => {
          const at = this.waiting.indexOf(wake)
          if (at >= 0) this.waiting.splice(at, 1)
          resolve()
        }
        this.waiting.push(wake)
        signal?.addEventListener('abort', leave, { once: true })
      })
    if (this.closed) throw closing()
    if (signal?.aborted) throw cancelled()
    this.running++
  }

  private idleWorker(): ConverterWorker | undefined {
    for (let worker = this.idle.pop(); worker; worker = this.idle.pop()) {
      clearTimeout(this.idleTimers.get(worker))
      this.idleTimers.delete(worker)
      if (worker.usable) return worker
    }
    return undefined
  }

  private spawn(): ConverterWorker {
    try {
      return new ConverterWorker(this.limits.heapMb, this.entry?.())
    } catch (error) {
      throw new ImportError(
        'import/unavailable',
        `The converter could not start (${error instanceof Error ? error.message : String(error)}). Nothing was added.`,
      )
    }
  }

  private release(worker: ConverterWorker | undefined, chars: number): void {
    this.running--
    if (worker) {
      this.busy.delete(worker)
      if (worker.usable && !this.closed && chars <= REUSE_MAX_CHARS) this.park(worker)
      else if (worker.usable) worker.terminate()
    }
    this.waiting.shift()?.()
  }

  private park(worker: ConverterWorker): void {
    this.idle.push(worker)
    const timer = setTimeout(() => {
      this.idleTimers.delete(worker)
      this.idle.splice(this.idle.indexOf(worker), 1)
      worker.terminate()
    }, this.limits.idleMs)
    timer.unref()
    this.idleTimers.set(worker, timer)
  }
}

function closing(): ImportError {
  return new ImportError('import/unavailable', 'Glossa is closing; nothing was added.')
}
