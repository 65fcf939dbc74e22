// Coalesces quick successive edits into one write: a write starts `delayMs` after the last
// edit, or at the latest `maxWaitMs` after the first unsaved one. Writes never overlap.
export interface CoalescePolicy {
  delayMs: number
  maxWaitMs: number
}
export const DEFAULT_COALESCE: CoalescePolicy = { delayMs: 150, maxWaitMs: 750 }

export class WriteCoalescer {
  private timer: ReturnType<typeof setTimeout> | null = null
  private firstPendingAt = 0
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = []
  private running: Promise<void> = Promise.resolve()
  writes = 0

  constructor(
    private readonly write: () => Promise<void>,
    private readonly policy: CoalescePolicy = DEFAULT_COALESCE,
  ) {}

  get pending(): boolean {
    return this.waiters.length > 0
  }

  /** Marks the data dirty; resolves once a write that includes this change has finished. */
  schedule(): Promise<void> {
    const now = Date.now()
    if (this.waiters.length === 0) this.firstPendingAt = now
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }))
    if (this.timer) clearTimeout(this.timer)
    const wait = Math.max(0, Math.min(this.policy.delayMs, this.firstPendingAt + this.policy.maxWaitMs - now))
    this.timer = setTimeout(() => void this.flush(), wait)
    return done
  }

  /** Runs `task` while no write is under way; writes flushed meanwhile wait for it. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.running.then(task)
    this.running = result.then(
      () => {},
      () => {},
    )
    return result
  }

  /**
   * Answers every waiting edit now, without a write: the caller replaced them (a reload that
   * discards unsaved edits) and tells each edit so itself.
   */
  dropPending(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.waiters.splice(0).forEach((w) => w.resolve())
  }

  /** Writes now if anything is pending (e.g. on quit). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const batch = this.waiters
    if (batch.length === 0) return this.running
    this.waiters = []
    this.running = this.running.then(async () => {
      try {
        this.writes++
        await this.write()
        batch.forEach((w) => w.resolve())
      } catch (error) {
        batch.forEach((w) => w.reject(error))
      }
    })
    return this.running
  }
}
