// Opening a notebook reads, parses and validates its file once (it used to be twice, which
// doubled the open time of a large notebook; see bench/figures/open.ts).
import * as fs from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { generateNotebook } from '../../../bench/generate'
import type { FsLike } from '../../../src/core/store/durable-file'
import { Library } from '../../../src/core/store/library'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()

describe('Library.openNotebook', () => {
  it('reads the file once after the library was listed', async () => {
    const dataDir = await tempDir()
    const nb = generateNotebook(
      { passages: 20, sources: 2, words: 200, tags: 4, facets: 2, links: 5, notes: 2 },
      1,
    )
    await new Library({ dataDir }).add(nb)
    let reads = 0
    const counting: FsLike = {
      ...fs,
      readFile: ((...args: Parameters<typeof fs.readFile>) => (
        reads++,
        fs.readFile(...args)
      )) as FsLike['readFile'],
    }
    const library = new Library({ dataDir, fs: counting })
    await library.list()
    reads = 0
    const handle = await library.openNotebook(nb.id)
    expect(reads).toBe(1)
    expect(handle.data).toEqual(nb)
  })
})

describe('Library.openNotebook called several times at once', () => {
  it('gives one handle: an edit through any of them is seen by all', async () => {
    const dataDir = await tempDir()
    const nb = generateNotebook(
      { passages: 5, sources: 1, words: 50, tags: 2, facets: 1, links: 1, notes: 1 },
      2,
    )
    await new Library({ dataDir }).add(nb)
    const library = new Library({ dataDir, coalesce: { delayMs: 1, maxWaitMs: 5 } })
    const handles = await Promise.all(Array.from({ length: 5 }, () => library.openNotebook(nb.id)))
    expect(new Set(handles).size).toBe(1)
    const at = '2026-03-04T05:06:07.000Z'
    expect((await handles[3].apply([{ type: 'renameNotebook', title: 'Seen by all' }], at)).saved).toBe(true)
    for (const handle of handles) expect(handle.data.title).toBe('Seen by all')
    expect((await library.openNotebook(nb.id)).data.title).toBe('Seen by all')
  })

  it('forgets a failed open, so the next one tries again', async () => {
    const dataDir = await tempDir()
    const nb = generateNotebook(
      { passages: 2, sources: 1, words: 20, tags: 1, facets: 1, links: 0, notes: 0 },
      3,
    )
    await new Library({ dataDir }).add(nb)
    let failNext = true
    const flaky: FsLike = {
      ...fs,
      readFile: ((...args: Parameters<typeof fs.readFile>) => {
        if (failNext) {
          failNext = false
          return Promise.reject(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }))
        }
        return fs.readFile(...args)
      }) as FsLike['readFile'],
    }
    const library = new Library({ dataDir, fs: flaky })
    await library.list()
    failNext = true
    const first = await Promise.allSettled([library.openNotebook(nb.id), library.openNotebook(nb.id)])
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect((await library.openNotebook(nb.id)).data.id).toBe(nb.id)
  })
})
