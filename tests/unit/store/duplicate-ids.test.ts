// A notebook file may hold each id once per kind (each facet key once). Two passages with one
// id would make every edit, link and undo ambiguous, so such a file is refused on read (listed
// with the reason, never written to) and such a notebook is never saved.
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateNotebook } from '../../../bench/generate'
import { DurableNotebookFile } from '../../../src/core/store/durable-file'
import { Library } from '../../../src/core/store/library'
import { parseNotebookText } from '../../../src/core/store/validate'
import type { Notebook } from '../../../src/shared/schema'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const base = (): Notebook => ({
  ...generateNotebook({ passages: 6, sources: 2, words: 60, tags: 3, facets: 2, links: 2, notes: 2 }, 5),
  entities: [{ id: 'harir', type: 'place', name: 'Harir', aliases: [], description: '' }],
})

/** The notebook with the first item of `collection` repeated (same id or key, other content). */
function withDuplicate(nb: Notebook, collection: keyof Notebook): Notebook {
  const items = nb[collection] as object[]
  return { ...nb, [collection]: [...items, structuredClone(items[0])] }
}

const CASES: [keyof Notebook, RegExp][] = [
  ['sources', /two sources have the id/],
  ['annotations', /two passages have the id/],
  ['tags', /two tags have the id/],
  ['facets', /two facets have the key/],
  ['relations', /two relations have the id/],
  ['links', /two links have the id/],
  ['notes', /two notes have the id/],
  ['entities', /two entities have the id/],
]

describe('duplicate ids inside a notebook', () => {
  it.each(CASES)('refuses a file with two %s sharing one id, with the reason', (collection, reason) => {
    const nb = withDuplicate(base(), collection)
    expect(() => parseNotebookText(JSON.stringify(nb), 'x.json')).toThrow(reason)
  })

  it('lists such a file as damaged and never writes to it', async () => {
    const dataDir = await tempDir()
    await mkdir(join(dataDir, 'notebooks'), { recursive: true })
    const path = join(dataDir, 'notebooks', 'twice.json')
    const text = JSON.stringify(withDuplicate(base(), 'annotations'))
    await writeFile(path, text)
    const { notebooks, damaged } = await new Library({ dataDir }).list()
    expect(notebooks).toEqual([])
    expect(damaged).toEqual([
      expect.objectContaining({
        file: 'twice.json',
        reason: expect.stringMatching(/two passages have the id “[^”]+”/),
      }),
    ])
    expect(await readFile(path, 'utf8')).toBe(text)
  })

  it.each(CASES)('never saves a notebook with two %s sharing one id', async (collection, reason) => {
    const path = join(await tempDir(), 'a.json')
    const file = new DurableNotebookFile(path)
    await file.write(base())
    const opened = (await file.read())! // its objects are now known valid: the save cache path
    const before = await readFile(path, 'utf8')
    await expect(file.write(withDuplicate(opened, collection))).rejects.toThrow(reason)
    expect(await readFile(path, 'utf8')).toBe(before)
  })
})
