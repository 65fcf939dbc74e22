// The import worker reading a Glossa Markdown export (src/core/markdown-import/read-in-worker.ts,
// through ConversionPool.readExport), run from source as the pool starts it: the notebook it
// sends back is the one readExport gives in the core; progress comes part by part, in order;
// a broken export's error crosses back with its code and message; a running read is cancelled
// by stopping its worker, and the pool goes on.
import { afterEach, describe, expect, it } from 'vitest'
import { generateNotebook } from '../../../bench/generate'
import { ImportError } from '../../../src/core/import/index'
import { ConversionPool } from '../../../src/core/import/pool'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import type { ImportProgress } from '../../../src/shared/markdown-import/progress'
import { readExport } from '../../../src/shared/markdown-import/read-export'
import { NotebookSchema } from '../../../src/shared/schema'
import { sampleNotebook } from '../../fixtures/sample-notebook'

const NOW = '2026-12-01T00:00:00.000Z'
/** Big enough to be parsed in several parts (parse-parts.ts cuts at ~16 KB). */
const NB = generateNotebook(
  { passages: 150, sources: 3, words: 1_500, tags: 12, facets: 2, links: 40, notes: 3 },
  5,
)
const [FILE] = exportMarkdown(NB, { layout: 'single' }).files

let pool: ConversionPool | undefined
afterEach(async () => {
  await pool?.close()
  pool = undefined
})

/** Link ids are made fresh on each read (the export has none): compared without them. */
const withoutLinkIds = (nb: unknown) => {
  const parsed = NotebookSchema.parse(nb)
  return { ...parsed, links: parsed.links.map(({ id: _id, ...link }) => link) }
}

describe('reading an export in the import worker', () => {
  it('sends back the notebook the core would have read, with its progress part by part', async () => {
    pool = new ConversionPool()
    const steps: ImportProgress[] = []
    const read = await pool.readExport([FILE], { now: NOW, onProgress: (p) => steps.push(p) })

    const inCore = readExport([FILE], { now: NOW, newId: () => 'fresh' })
    expect(withoutLinkIds(read)).toEqual(withoutLinkIds(inCore))
    expect(NotebookSchema.parse(read).annotations).toHaveLength(150)

    // Several parts, each further on, all out of one total; the last one starts the rebuild.
    expect(steps.length).toBeGreaterThan(2)
    expect(new Set(steps.map((s) => s.total))).toEqual(new Set([FILE.content.length]))
    steps.slice(1).forEach((s, i) => expect(s.done).toBeGreaterThan(steps[i].done))
    expect(steps.slice(0, -1).every((s) => s.phase === 'reading')).toBe(true)
    expect(steps.at(-1)).toEqual({ phase: 'building', done: FILE.content.length, total: FILE.content.length })
  }, 60_000)

  it('sends back a broken export’s error, code and message, and keeps working', async () => {
    pool = new ConversionPool({ maxWorkers: 1 })
    const { files } = exportMarkdown(sampleNotebook(), { layout: 'folder' })
    const missing = files.filter((f) => !f.path.startsWith('sources/'))
    const error: unknown = await pool.readExport(missing, { now: NOW }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportError)
    expect((error as ImportError).toJSON()).toEqual({
      code: 'import/invalid',
      message: expect.stringMatching(/^The export lists sources\/.+\.md, which is not among the files\.$/),
    })
    const again = await pool.readExport(files, { now: NOW })
    expect(NotebookSchema.parse(again).title).toBe(sampleNotebook().title)
  }, 60_000)

  it('is cancelled while it reads: the worker is stopped and the next read gets a new one', async () => {
    pool = new ConversionPool({ maxWorkers: 1 })
    const abort = new AbortController()
    const read = pool.readExport([FILE], {
      now: NOW,
      signal: abort.signal,
      onProgress: () => abort.abort(), // at the first part: certainly still reading
    })
    const error: unknown = await read.catch((e: unknown) => e)
    expect((error as ImportError).code).toBe('import/cancelled')
    expect(pool.busyWorkers).toBe(0)
    expect(NotebookSchema.parse(await pool.readExport([FILE], { now: NOW })).id).toBe(NB.id)
  }, 60_000)
})
