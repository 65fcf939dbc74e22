// The core's register of running Markdown imports (src/core/markdown-import/jobs.ts): a cancel
// is honoured until the file is being written, a cancel that overtakes its import refuses it,
// and a window's late question about an ended import still gets its answer.
import { describe, expect, it } from 'vitest'
import { ImportJobs } from '../../../src/core/markdown-import/jobs'

const code = (fn: () => void): string | undefined => {
  try {
    fn()
  } catch (error) {
    return (error as { code?: string }).code
  }
  return undefined
}

describe('import jobs', () => {
  it('cancels a job until it commits; after that the cancel is refused and the job ends as done', () => {
    const jobs = new ImportJobs()
    const early = jobs.start('early-job')
    expect(jobs.cancel('early-job')).toBe(true)
    expect(early.signal.aborted).toBe(true)
    expect(code(() => early.commit())).toBe('import/cancelled')

    const late = jobs.start('late-job')
    late.report({ phase: 'reading', done: 5, total: 5 })
    late.commit()
    expect(jobs.cancel('late-job')).toBe(false)
    expect(late.signal.aborted).toBe(false)
    late.report({ phase: 'done', done: 1, total: 1 })
    late.end()
    expect(jobs.progress('late-job')).toEqual({ phase: 'done', done: 1, total: 1 })
    expect(jobs.cancel('late-job')).toBe(false)
  })

  it('refuses an import whose cancel came first, and one already running under the same id', () => {
    const jobs = new ImportJobs()
    expect(jobs.cancel('not-yet-here')).toBe(true)
    expect(code(() => jobs.start('not-yet-here'))).toBe('import/cancelled')
    jobs.start('twice-job')
    expect(code(() => jobs.start('twice-job'))).toBe('import/invalid')
  })

  it('forgets the oldest ended jobs, not the running ones', () => {
    const jobs = new ImportJobs()
    const running = jobs.start('still-running')
    running.report({ phase: 'reading', done: 1, total: 2 })
    for (let i = 0; i < 100; i++) jobs.cancel(`cancelled-${i}`.padEnd(8, '-'))
    expect(jobs.progress('still-running')).toEqual({ phase: 'reading', done: 1, total: 2 })
    expect(code(() => jobs.start('cancelled-0'.padEnd(8, '-')))).toBeUndefined()
    expect(code(() => jobs.start('cancelled-99'))).toBe('import/cancelled')
  })
})
