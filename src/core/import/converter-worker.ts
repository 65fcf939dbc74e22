// One import worker thread, running one conversion at a time under a time budget; its heap is
// capped when it starts (resourceLimits). Over budget the thread is terminated, which frees
// all it held; the caller gets `import/too-complex`.
import { Worker } from 'node:worker_threads'
import type { ImportProgress } from '@shared/markdown-import/progress'
import type { ImportInput, ImportResult } from './index'
import { ImportError, tooComplex } from './import-error'
import { importWorkerEntry, type WorkerEntry } from './worker-entry'
import {
  WorkerReplySchema,
  type ReadExportRequest,
  type WorkerReply,
  type WorkerRequest,
} from './worker-protocol'

/** Loading the converter takes well under a second; this only catches a thread that never starts. */
const STARTUP_MS = 60_000

/** A task's answer: a conversion's `done` or a readExport's `read`. */
type Answer = Extract<WorkerReply, { kind: 'done' | 'read' }>

interface Job {
  fileName?: string
  resolve(answer: Answer): void
  reject(error: ImportError): void
  progress?(progress: ImportProgress): void
}

export class ConverterWorker {
  private readonly worker: Worker
  private readonly ready: Promise<void>
  private startupFailed: (error: ImportError) => void = () => {}
  private job: Job | null = null
  private stopped = false

  constructor(
    private readonly heapMb: number,
    entry: WorkerEntry = importWorkerEntry(),
  ) {
    this.worker = new Worker(entry.script, {
      ...entry.options,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    })
    let started = (): void => {}
    this.ready = new Promise<void>((resolve, reject) => ((started = resolve), (this.startupFailed = reject)))
    this.ready.catch(() => {}) // the job awaiting it reports it
    const startup = setTimeout(() => this.terminate(unavailable('it did not start')), STARTUP_MS)
    startup.unref()
    this.worker.on('message', (raw: unknown) => {
      const reply = WorkerReplySchema.safeParse(raw)
      if (!reply.success) return this.terminate(unavailable('it sent a malformed answer'))
      const message = reply.data
      if (message.kind === 'ready') return (clearTimeout(startup), started())
      if (message.kind === 'progress') return this.job?.progress?.(message.progress)
      const job = this.job
      this.job = null
      if (message.kind === 'failed') job?.reject(new ImportError(message.code, message.message))
      else job?.resolve(message)
    })
    this.worker.on('error', (error: Error & { code?: string }) =>
      this.terminate(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? tooComplex(this.job?.fileName, `it needed more than ${this.heapMb} MB of memory`)
          : unavailable(error.message),
      ),
    )
    this.worker.on('exit', () => this.terminate(unavailable('it stopped')))
  }

  /** False once the thread has failed, been terminated or exited. */
  get usable(): boolean {
    return !this.stopped
  }

  /** Converts `input`, giving up after `budgetMs` (counted from when the converter is loaded). */
  async run(input: ImportInput, budgetMs: number): Promise<ImportResult> {
    const answer = await this.start(input, budgetMs, input.fileName)
    if (answer.kind !== 'done') throw this.wrongAnswer()
    return answer.result
  }

  /** Reads a Glossa Markdown export into a notebook (not yet checked against the schema),
   * telling `onProgress` how far it is; gives up after `budgetMs` like a conversion. */
  async readExport(
    request: ReadExportRequest,
    budgetMs: number,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<Record<string, unknown>> {
    const answer = await this.start(request, budgetMs, request.files[0]?.path, onProgress)
    if (answer.kind !== 'read') throw this.wrongAnswer()
    return answer.notebook
  }

  private async start(
    request: WorkerRequest,
    budgetMs: number,
    fileName: string | undefined,
    progress?: (progress: ImportProgress) => void,
  ): Promise<Answer> {
    this.worker.ref()
    try {
      await this.ready
      return await new Promise<Answer>((resolve, reject) => {
        const timer = setTimeout(
          () => this.terminate(tooComplex(fileName, `it took longer than ${seconds(budgetMs)}`)),
          budgetMs,
        )
        const done =
          <T>(settle: (value: T) => void) =>
          (value: T) => (clearTimeout(timer), settle(value))
        this.job = { fileName, resolve: done(resolve), reject: done(reject), progress }
        this.worker.postMessage(request)
      })
    } finally {
      if (this.usable) this.worker.unref()
    }
  }

  private wrongAnswer(): ImportError {
    const error = unavailable('it answered another kind of task')
    this.terminate(error)
    return error
  }

  /** Ends the thread; a conversion it was running (or its startup) fails with `reason`.
   * Only the first reason counts: the exit that follows a timeout is not a second failure. */
  terminate(reason: ImportError = unavailable('it was stopped')): void {
    const job = this.job
    this.job = null
    this.startupFailed(reason)
    job?.reject(reason)
    if (this.stopped) return
    this.stopped = true
    void this.worker.terminate()
  }
}

function unavailable(why: string): ImportError {
  return new ImportError(
    'import/unavailable',
    `The converter stopped before finishing (${why}). Nothing was added; try again.`,
  )
}

function seconds(ms: number): string {
  const value = (ms / 1000).toLocaleString('en-US', { maximumFractionDigits: ms < 10_000 ? 1 : 0 })
  return `${value} second${value === '1' ? '' : 's'}`
}
