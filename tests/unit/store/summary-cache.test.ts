// A cold start lists the library from library-summaries.json without parsing unchanged notebook
// files (#16's first paint); any change of size or mtime, and any damage to the cache, means the
// file is read and validated again, so what the list says never outlives a change.
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyNotebook } from '../../../src/core/seed'
import { Library } from '../../../src/core/store/library'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const AT = '2026-01-02T03:04:05.000Z'
const MTIME = 1_767_000_000

async function libraryWithOne(): Promise<{ dataDir: string; path: string }> {
  const dataDir = await tempDir()
  const library = new Library({ dataDir })
  await library.add(emptyNotebook('Field notes', AT))
  await library.flushAll()
  const [file] = (await readdir(join(dataDir, 'notebooks'))).filter((n) => n.endsWith('.json'))
  const path = join(dataDir, 'notebooks', file)
  // A whole-second mtime, so the test can set the same one again (Date has only milliseconds).
  await utimes(path, MTIME, MTIME)
  // Listed by a library that does not hold it open: what a start does, and what fills the cache.
  expect((await new Library({ dataDir }).list()).notebooks.map((n) => n.title)).toEqual(['Field notes'])
  return { dataDir, path }
}

/** Replaces the file's bytes with as many spaces, keeping its size and mtime. */
async function blankKeepingStat(path: string): Promise<void> {
  await writeFile(path, ' '.repeat((await stat(path)).size))
  await utimes(path, MTIME, MTIME)
}

describe('the library summary cache', () => {
  it('lists an unchanged file on a cold start without reading it', async () => {
    const { dataDir, path } = await libraryWithOne()
    await blankKeepingStat(path)
    // A new Library is a cold start: had it parsed the file, the blank file would be damaged.
    const listed = await new Library({ dataDir }).list()
    expect(listed.notebooks.map((n) => n.title)).toEqual(['Field notes'])
    expect(listed.damaged).toEqual([])
  })

  it('reads a file again once its mtime or size changed', async () => {
    const { dataDir, path } = await libraryWithOne()
    await blankKeepingStat(path)
    await utimes(path, MTIME, MTIME + 1)
    const listed = await new Library({ dataDir }).list()
    expect(listed.notebooks).toEqual([])
    expect(listed.damaged.map((d) => d.file)).toEqual([path.split('/').pop()])
  })

  it('treats a damaged or foreign cache as empty, reads every file and rewrites it', async () => {
    for (const junk of ['{', '[]', JSON.stringify({ version: 1, entries: { 'x.json': { size: 'big' } } })]) {
      const { dataDir } = await libraryWithOne()
      await writeFile(join(dataDir, 'library-summaries.json'), junk)
      const listed = await new Library({ dataDir }).list()
      expect(
        listed.notebooks.map((n) => n.title),
        junk,
      ).toEqual(['Field notes'])
      const cache = JSON.parse(await readFile(join(dataDir, 'library-summaries.json'), 'utf8'))
      expect(
        Object.values(cache.entries).map((e) => (e as { summary: { title: string } }).summary.title),
      ).toEqual(['Field notes'])
    }
  })

  it('forgets files that left the folder', async () => {
    const { dataDir } = await libraryWithOne()
    const library = new Library({ dataDir })
    const [only] = (await library.list()).notebooks
    await library.trash(only.id)
    await library.list()
    const cache = JSON.parse(await readFile(join(dataDir, 'library-summaries.json'), 'utf8'))
    expect(cache.entries).toEqual({})
  })
})
