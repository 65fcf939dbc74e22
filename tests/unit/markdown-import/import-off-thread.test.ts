// A Markdown export is read in an import worker, not on the core's thread: the core keeps
// answering while it runs, tells how far it is, can cancel it (nothing written), and checks the
// worker's notebook against the schema before the library writes it. The worker here is a
// stand-in (tests/helpers/stand-in-import-worker.ts) that reports progress and then either
// answers or parks, so nothing depends on how long a real read takes.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/core/dispatch'
import { ConversionPool } from '../../../src/core/import/pool'
import { RecentlyOpened } from '../../../src/core/library/recently-opened'
import { markdownHandlers } from '../../../src/core/markdown-import/handlers'
import { importMarkdown } from '../../../src/core/markdown-import/import-markdown'
import { ImportJobs } from '../../../src/core/markdown-import/jobs'
import { listingHandlers } from '../../../src/core/open-library'
import { Library } from '../../../src/core/store/library'
import type { Handlers } from '../../../src/shared/contract'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import type { ImportProgress } from '../../../src/shared/markdown-import/progress'
import { sampleNotebook } from '../../fixtures/sample-notebook'
import { standInWorker } from '../../helpers/stand-in-import-worker'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const pools: ConversionPool[] = []
afterEach(async () => void (await Promise.all(pools.splice(0).map((p) => p.close()))))

const NB = sampleNotebook()
const EXPORT = exportMarkdown(NB, { layout: 'single' }).files
const JOB = 'job-0123456789'
const NOW = '2026-12-01T00:00:00.000Z'
const READING: ImportProgress[] = [
  { phase: 'reading', done: 1_000, total: 4_000 },
  { phase: 'reading', done: 2_000, total: 4_000 },
]
const convert = (): never => {
  throw new Error('a Glossa export needs no converter')
}

async function setUp(pool: ConversionPool) {
  pools.push(pool)
  const dataDir = await tempDir()
  const library = new Library({ dataDir })
  await library.add({ ...NB, id: 'already-here', title: 'Already here' })
  const handlers = {
    ...listingHandlers(library, new RecentlyOpened(dataDir)),
    ...markdownHandlers({ library, convert, readExport: pool.readExport.bind(pool) }),
  } as Handlers
  const files = async () => (await readdir(join(dataDir, 'notebooks'))).sort()
  return { library, handlers, files, call: (name: string, args: unknown) => dispatch(handlers, name, args) }
}

describe('a Markdown export read off the core’s thread', () => {
  it('answers other calls while the worker reads, tells how far it is, and a cancel writes nothing', async () => {
    const pool = new ConversionPool({}, standInWorker(READING)) // parks after its progress
    const { call, files } = await setUp(pool)
    const before = await files()

    let settled = false
    const importing = call('importMarkdown', { files: EXPORT, job: JOB })
    void importing.finally(() => (settled = true))
    await expect
      .poll(() => call('markdownImportProgress', { job: JOB }))
      .toEqual({ ok: true, result: READING[1] })

    // The core answers another window's request while the import is still running.
    const listing = await call('listNotebooks', {})
    expect(
      listing.ok && (listing.result as { notebooks: { title: string }[] }).notebooks.map((n) => n.title),
    ).toEqual(['Already here'])
    expect(settled).toBe(false)
    expect(pool.busyWorkers).toBe(1)

    expect(await call('cancelMarkdownImport', { job: JOB })).toEqual({
      ok: true,
      result: { cancelled: true },
    })
    expect(await importing).toEqual({
      ok: false,
      error: { code: 'import/cancelled', message: 'The import was cancelled; nothing was added.' },
    })
    expect(pool.busyWorkers).toBe(0) // the worker was stopped, its heap freed
    expect(await files()).toEqual(before)
    expect(await call('markdownImportProgress', { job: JOB })).toEqual({ ok: true, result: null })
  })

  it('reports each step in order, checks the notebook, then writes it', async () => {
    const pool = new ConversionPool({}, standInWorker(READING, { ...NB, id: 'from-worker' }))
    const { library, files } = await setUp(pool)
    const steps: ImportProgress[] = []
    const job = new ImportJobs().start()
    const reported = { ...job, report: (p: ImportProgress) => (steps.push(p), job.report(p)) }
    const result = await importMarkdown(
      { library, convert, readExport: pool.readExport.bind(pool) },
      { files: EXPORT },
      reported,
    )
    expect(steps.map((s) => s.phase)).toEqual(['reading', 'reading', 'checking', 'saving', 'done'])
    expect(steps.slice(0, 2)).toEqual(READING)
    expect(result.notebook).toMatchObject({ id: 'from-worker', title: NB.title, annotationCount: 6 })
    expect(await files()).toHaveLength(2)
  })

  it('refuses a notebook from the worker that the schema refuses, and writes nothing', async () => {
    const broken = { ...NB, id: 'broken', annotations: [{ id: 'a', sourceId: 42 }] }
    const { call, files } = await setUp(new ConversionPool({}, standInWorker([], broken)))
    const before = await files()
    const outcome = await call('importMarkdown', { files: EXPORT })
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('import/invalid')
      expect(outcome.error.message).toMatch(
        /^Invalid Markdown export \(nothing was imported\) — annotations\.0/,
      )
    }
    expect(await files()).toEqual(before)
  })

  it('refuses an import cancelled before its request arrived, without starting a worker', async () => {
    const pool = new ConversionPool({}, standInWorker(READING))
    const { call, files } = await setUp(pool)
    const before = await files()
    expect(await call('cancelMarkdownImport', { job: JOB })).toEqual({
      ok: true,
      result: { cancelled: true },
    })
    const outcome = await call('importMarkdown', { files: EXPORT, job: JOB })
    expect(outcome.ok || outcome.error.code).toBe('import/cancelled')
    expect(pool.busyWorkers).toBe(0)
    expect(await files()).toEqual(before)
  })

  it('a read waiting for a busy pool can be cancelled, and leaves the next free worker to the next read', async () => {
    const pool = new ConversionPool({ maxWorkers: 1 }, standInWorker(READING))
    pools.push(pool)
    const first = new AbortController()
    const second = new AbortController()
    const read = (signal: AbortSignal) =>
      pool.readExport(EXPORT, { now: NOW, signal }).catch((e: { code?: string }) => e.code)
    const running = read(first.signal)
    await expect.poll(() => pool.busyWorkers).toBe(1)
    const waiting = read(second.signal)
    second.abort()
    expect(await waiting).toBe('import/cancelled')
    expect(pool.busyWorkers).toBe(1) // the first still runs
    first.abort()
    expect(await running).toBe('import/cancelled')
    const third = new AbortController()
    const next = read(third.signal)
    await expect.poll(() => pool.busyWorkers).toBe(1)
    third.abort()
    expect(await next).toBe('import/cancelled')
  })
})
