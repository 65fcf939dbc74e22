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
