// The window's side of a Markdown import (renderer/.../markdown-import-run.ts), with a stand-in
// API and fake timers: the steps shown follow the core's progress in order, a cancel asks the
// core for this import's job (or, before the request is sent, sends nothing), the core's
// "too late" is said, and errors are shown as the core wrote them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  POLL_MS,
  runMarkdownImport,
  type ImportStep,
  type MarkdownImportDeps,
} from '../../../src/renderer/src/components/library/markdown-import-run'
import type { ImportProgress } from '../../../src/shared/markdown-import/progress'

beforeEach(() => void vi.useFakeTimers())
afterEach(() => void vi.useRealTimers())

const JOB = 'window-job-1'
const FILES = [{ path: 'Notebook.md', content: '---\nglossa:\n  format: 2\n---\n' }]
const SUMMARY = {
  id: 'nb1',
  title: 'Notebook',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  sourceCount: 1,
  annotationCount: 2,
  file: 'Notebook.json',
}

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

function harness(read: MarkdownImportDeps['read'] = async () => ({ files: FILES, name: 'Notebook' })) {
  const answer = deferred<Awaited<ReturnType<MarkdownImportDeps['api']['importMarkdown']>>>()
  let progress: ImportProgress | null = null
  const api = {
    importMarkdown: vi.fn(() => answer.promise),
    markdownImportProgress: vi.fn(async () => progress),
    cancelMarkdownImport: vi.fn(async () => ({ cancelled: true })),
  }
  const steps: ImportStep[] = []
  const reload = vi.fn(async () => {})
  const run = runMarkdownImport({
    api,
    read,
    reload,
    report: (s) => steps.push(s),
    errorMessage: (e) => (e as Error).message,
    job: JOB,
  })
  return {
    api,
    run,
    steps,
    reload,
    answer,
    setProgress: (p: ImportProgress) => void (progress = p),
    last: () => steps.at(-1)!,
  }
}

const apiError = (code: string, message: string) => Object.assign(new Error(message), { code })

describe('a Markdown import from the window', () => {
  it('shows the core’s progress as it comes, in order, then the imported notebook', async () => {
    const h = harness()
    await vi.advanceTimersByTimeAsync(0)
    expect(h.api.importMarkdown).toHaveBeenCalledWith({ files: FILES, name: 'Notebook', job: JOB })
    for (const done of [1_000, 2_500, 4_000]) {
      h.setProgress({ phase: done < 4_000 ? 'reading' : 'building', done, total: 4_000 })
      await vi.advanceTimersByTimeAsync(POLL_MS)
    }
    h.answer.resolve({ notebook: SUMMARY, kind: 'glossa', warnings: [] })
    await h.run.ended
    const shown = h.steps.map((s) => (s.kind === 'working' ? (s.progress?.done ?? s.text) : s.kind))
    expect(shown).toEqual(['Reading the files…', 'Importing 1 Markdown file…', 1_000, 2_500, 4_000, 'done'])
    expect(h.steps[4]).toMatchObject({ text: 'Rebuilding the notebook…' })
    expect(h.api.markdownImportProgress).toHaveBeenCalledWith({ job: JOB })
    expect(h.reload).toHaveBeenCalledOnce()
    // Polling stops with the answer.
    const polls = h.api.markdownImportProgress.mock.calls.length
    await vi.advanceTimersByTimeAsync(POLL_MS * 4)
    expect(h.api.markdownImportProgress.mock.calls.length).toBe(polls)
  })

  it('cancels this import’s job in the core and says nothing was added', async () => {
    const h = harness()
    await vi.advanceTimersByTimeAsync(0)
    h.run.cancel()
    expect(h.last()).toMatchObject({ kind: 'working', cancelling: true, text: 'Cancelling…' })
    await vi.advanceTimersByTimeAsync(0)
    expect(h.api.cancelMarkdownImport).toHaveBeenCalledWith({ job: JOB })
    h.answer.reject(apiError('import/cancelled', 'The import was cancelled; nothing was added.'))
    await h.run.ended
    expect(h.last()).toEqual({ kind: 'cancelled' })
    expect(h.reload).not.toHaveBeenCalled()
  })

  it('sends nothing when cancelled while the files are still being read', async () => {
    const files = deferred<{ files: typeof FILES }>()
    const h = harness(() => files.promise)
    h.run.cancel()
    files.resolve({ files: FILES })
    await h.run.ended
    expect(h.api.importMarkdown).not.toHaveBeenCalled()
    expect(h.api.cancelMarkdownImport).not.toHaveBeenCalled()
    expect(h.last()).toEqual({ kind: 'cancelled' })
  })

  it('says when it is too late to cancel, then shows the notebook', async () => {
    const h = harness()
    h.api.cancelMarkdownImport.mockResolvedValue({ cancelled: false })
    await vi.advanceTimersByTimeAsync(0)
    h.run.cancel()
    await vi.advanceTimersByTimeAsync(0)
    expect(h.last()).toMatchObject({ text: 'Too late to cancel: the notebook is being saved…' })
    h.answer.resolve({ notebook: SUMMARY, kind: 'glossa', warnings: [] })
    await h.run.ended
    expect(h.last()).toMatchObject({ kind: 'done', notebook: SUMMARY })
  })

  it('shows the core’s error as it was written', async () => {
    const h = harness()
    await vi.advanceTimersByTimeAsync(0)
    h.answer.reject(
      apiError('import/invalid', 'The export lists sources/A.md, which is not among the files.'),
    )
    await h.run.ended
    expect(h.last()).toEqual({
      kind: 'failed',
      message: 'The export lists sources/A.md, which is not among the files.',
    })
  })
})
