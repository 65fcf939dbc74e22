// The Markdown imports running in the core, by the id the window gave each (importMarkdown's
// `job`), so the window can ask how far one is (markdownImportProgress) and cancel it
// (cancelMarkdownImport) while the core keeps answering: the reading runs in an import worker.
// A cancel is honoured until the notebook's file starts being written; after that the import
// finishes, and the window is told it was too late.
import { GlossaError } from '@shared/errors'
import { CANCELLED_MESSAGE, type ImportProgress } from '@shared/markdown-import/progress'

/** Ended jobs remembered for a late question (a poll after the answer, a cancel before the
 * import's request arrived: a 12 MB upload can overtake nothing, a small cancel can overtake it). */
const REMEMBERED = 32

export interface ImportJob {
  /** Aborted when the window cancels. */
  readonly signal: AbortSignal
  report(progress: ImportProgress): void
  /** Throws `import/cancelled` if the window has cancelled. */
  throwIfCancelled(): void
  /** From here on the file is written: a cancel is refused. Throws if cancelled already. */
  commit(): void
  /** The import has answered (or failed): its last progress is kept for a late question. */
  end(): void
}

interface Running {
  progress: ImportProgress
  controller: AbortController
  committed: boolean
}

export class ImportJobs {
  private readonly running = new Map<string, Running>()
  private readonly ended = new Map<string, ImportProgress | 'cancelled'>()

  /** A job for an import; `id` absent: one nobody can ask about (the bench, scripts). */
  start(id?: string): ImportJob {
    if (id !== undefined && this.running.has(id))
      throw new GlossaError('import/invalid', 'That import is already running.')
    if (id !== undefined && this.ended.get(id) === 'cancelled') throw cancelledError()
    const entry: Running = {
      progress: { phase: 'waiting', done: 0, total: 0 },
      controller: new AbortController(),
      committed: false,
    }
    if (id !== undefined) this.running.set(id, entry)
    const throwIfCancelled = (): void => {
      if (entry.controller.signal.aborted) throw cancelledError()
    }
    return {
      signal: entry.controller.signal,
      report: (progress) => void (entry.progress = progress),
      throwIfCancelled,
      commit: () => {
        throwIfCancelled()
        entry.committed = true
      },
      end: () => {
        if (id === undefined || this.running.get(id) !== entry) return
        this.running.delete(id)
        this.remember(id, entry.controller.signal.aborted ? 'cancelled' : entry.progress)
      },
    }
  }

  /** How far `id` is; null when no import of that id is running or remembered. */
  progress(id: string): ImportProgress | null {
    const ended = this.ended.get(id)
    return this.running.get(id)?.progress ?? (ended && ended !== 'cancelled' ? ended : null)
  }

  /** Whether `id` is (or will be) imported no further: false once its file is being written or
   * it has finished. An id not seen yet is remembered, so its import is refused when it comes. */
  cancel(id: string): boolean {
    const entry = this.running.get(id)
    if (entry) {
      if (entry.committed) return false
      entry.controller.abort()
      return true
    }
    const ended = this.ended.get(id)
    if (ended) return ended === 'cancelled'
    this.remember(id, 'cancelled')
    return true
  }

  private remember(id: string, outcome: ImportProgress | 'cancelled'): void {
    this.ended.delete(id)
    this.ended.set(id, outcome)
    for (const oldest of this.ended.keys()) {
      if (this.ended.size <= REMEMBERED) break
      this.ended.delete(oldest)
    }
  }
}

/** The pool's cancel error (src/core/import/import-error.ts), as the contract carries it. Not
 * imported from there: this module is in the lazily loaded Markdown chunk, and Rollup would move
 * the pool's errors into that chunk with it, making the core load remark at start. */
function cancelledError(): GlossaError {
  return new GlossaError('import/cancelled', CANCELLED_MESSAGE)
}
