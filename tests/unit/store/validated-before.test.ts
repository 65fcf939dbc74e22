// Opening a file whose bytes are exactly those Glossa last validated (and wrote, or read) skips
// validating them again (#16: validation was most of opening a large notebook); any other bytes
// are validated in full: a file changed by another program, one whose remembered hash was
// tampered with, one from an older schema. A file that fails the schema is still refused with
// the reason and never written to.
import { createHash } from 'node:crypto'
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { generateNotebook } from '../../../bench/generate'
import { Library } from '../../../src/core/store/library'
import { NotebookSchema, type Notebook } from '../../../src/shared/schema'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const AT = '2026-01-02T03:04:05.000Z'
const MTIME = 1_767_000_000
const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex')

afterEach(() => vi.restoreAllMocks())

const small = (): Notebook =>
  generateNotebook({ passages: 12, sources: 2, words: 80, tags: 4, facets: 2, links: 3, notes: 2 }, 3)

/** A data dir holding one notebook written by Glossa, and the path of its file. */
async function written(): Promise<{ dataDir: string; path: string; nb: Notebook }> {
  const dataDir = await tempDir()
  const library = new Library({ dataDir })
  const nb = small()
  await library.add(nb)
  await library.flushAll()
  const [file] = (await readdir(join(dataDir, 'notebooks'))).filter((n) => n.endsWith('.json'))
  return { dataDir, path: join(dataDir, 'notebooks', file), nb }
}

const cachePath = (dataDir: string) => join(dataDir, 'library-summaries.json')
async function cacheEntry(dataDir: string, path: string): Promise<{ sha256?: string }> {
  const cache = JSON.parse(await readFile(cachePath(dataDir), 'utf8'))
  return cache.entries[path.split('/').pop()!]
}

/** Lists and opens the only notebook in a new Library (a cold start), counting full validations. */
async function coldOpen(dataDir: string): Promise<{ notebook: Notebook; validations: number }> {
  const spy = vi.spyOn(NotebookSchema, 'safeParse')
  const library = new Library({ dataDir })
  try {
    const { notebooks } = await library.list()
    const handle = await library.openNotebook(notebooks[0].id)
    await library.flushAll()
    return { notebook: handle.data, validations: spy.mock.calls.length }
  } finally {
    spy.mockRestore()
  }
}

describe('files Glossa validated before', () => {
  it('remembers the hash of the bytes it wrote and opens them without validating again', async () => {
    const { dataDir, path } = await written()
    expect((await cacheEntry(dataDir, path)).sha256).toBe(sha256(await readFile(path)))
    const { notebook, validations } = await coldOpen(dataDir)
    expect(validations).toBe(0)
    // The same notebook a full validation gives.
    expect(notebook).toEqual(NotebookSchema.parse(JSON.parse(await readFile(path, 'utf8'))))
  })

  it('validates a file changed by another program once, then remembers it', async () => {
    const { dataDir, path } = await written()
    const changed = { ...JSON.parse(await readFile(path, 'utf8')), title: 'Renamed elsewhere' }
    await writeFile(path, JSON.stringify(changed, null, 2))
    const first = await coldOpen(dataDir)
    expect(first.validations).toBe(1) // by the listing; the open right after reads the same bytes
    expect(first.notebook.title).toBe('Renamed elsewhere')
    expect((await cacheEntry(dataDir, path)).sha256).toBe(sha256(await readFile(path)))
    expect((await coldOpen(dataDir)).validations).toBe(0)
  })

  it('keeps validating a file whose validation fills in a default, until Glossa writes it', async () => {
    const { dataDir, path } = await written()
    // A tag without its optional label: the schema fills in '' (the bytes alone lack it).
    const edited = JSON.parse(await readFile(path, 'utf8'))
    delete edited.tags[0].label
    await writeFile(path, JSON.stringify(edited, null, 2))
    const first = await coldOpen(dataDir)
    expect(first.notebook.tags[0].label).toBe('')
    expect((await cacheEntry(dataDir, path)).sha256).toBeUndefined()
    const second = await coldOpen(dataDir)
    expect(second.validations).toBeGreaterThan(0)
    expect(second.notebook.tags[0].label).toBe('')
  })

  it('refuses a tampered file that fails the schema, even when its size, mtime and hash entry look valid', async () => {
    const { dataDir, path } = await written()
    // A whole-second mtime, so the test can set the same one again (Date has only milliseconds).
    await utimes(path, MTIME, MTIME)
    await new Library({ dataDir }).list() // the cache takes that mtime (same bytes: by their hash)
    const before = await stat(path)
    const remembered = (await cacheEntry(dataDir, path)).sha256
    // Another program breaks a passage, keeping the file's size and mtime (padding with spaces).
    const raw = JSON.parse(await readFile(path, 'utf8'))
    raw.annotations[0].target = 'not a selector'
    let text = JSON.stringify(raw, null, 1)
    text += ' '.repeat(before.size - Buffer.byteLength(text))
    await writeFile(path, text)
    await utimes(path, MTIME, MTIME)
    expect((await stat(path)).size).toBe(before.size)
    expect((await cacheEntry(dataDir, path)).sha256).toBe(remembered) // the cache still names the old bytes

    const library = new Library({ dataDir })
    const { notebooks } = await library.list() // listed from the cache (same size and mtime)
    await expect(library.openNotebook(notebooks[0].id)).rejects.toThrow(/Invalid notebook/)
    await library.flushAll()
    expect(await readFile(path, 'utf8')).toBe(text) // nothing overwritten
  })

  it('validates when the remembered hash is not the file’s (a cache edited by hand)', async () => {
    const { dataDir, path } = await written()
    const raw = JSON.parse(await readFile(path, 'utf8'))
    raw.sources[0].doc = { type: 'paragraph' } // not a document
    const text = JSON.stringify(raw)
    await writeFile(path, text)
    // A well-formed entry naming some other valid-looking hash.
    const cache = JSON.parse(await readFile(cachePath(dataDir), 'utf8'))
    const file = path.split('/').pop()!
    cache.entries[file].sha256 = sha256('something else')
    await writeFile(cachePath(dataDir), JSON.stringify(cache))

    const library = new Library({ dataDir })
    const listed = await library.list()
    expect(listed.notebooks).toEqual([])
    expect(listed.damaged.map((d) => d.file)).toEqual([file])
    expect(listed.damaged[0].reason).toMatch(/Invalid notebook/)
    expect(await readFile(path, 'utf8')).toBe(text)
  })

  it('remembers what an edit wrote, so the next start opens it without validating', async () => {
    const { dataDir, path } = await written()
    const library = new Library({ dataDir })
    const { notebooks } = await library.list()
    const handle = await library.openNotebook(notebooks[0].id)
    await handle.apply([{ type: 'renameNotebook', title: 'Edited' }], AT)
    await library.flushAll()
    expect((await cacheEntry(dataDir, path)).sha256).toBe(sha256(await readFile(path)))
    const again = await coldOpen(dataDir)
    expect(again.validations).toBe(0)
    expect(again.notebook.title).toBe('Edited')
  })

  it('lists a file only touched (new mtime, same bytes) from the cache by its hash', async () => {
    const { dataDir, path } = await written()
    await utimes(path, new Date(), new Date(Date.now() + 5_000))
    const spy = vi.spyOn(NotebookSchema, 'safeParse')
    const listed = await new Library({ dataDir }).list()
    expect(listed.notebooks.map((n) => n.title)).toEqual([small().title])
    expect(spy).not.toHaveBeenCalled()
  })

  it('forgets every hash when the cache was written under another schema version', async () => {
    const { dataDir } = await written()
    const cache = JSON.parse(await readFile(cachePath(dataDir), 'utf8'))
    await writeFile(cachePath(dataDir), JSON.stringify({ ...cache, schemaVersion: cache.schemaVersion - 1 }))
    expect((await coldOpen(dataDir)).validations).toBe(1) // listed again, in full
    expect((await coldOpen(dataDir)).validations).toBe(0)
  })
})
