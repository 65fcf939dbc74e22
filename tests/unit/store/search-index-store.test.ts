// The saved search indexes on disk (src/core/store/search-index-store.ts): <data-dir>/search-index/
// <id>.bin holds the key then the snapshot; a load answers only the snapshot saved under exactly
// that key, and anything else on disk (missing, cut short, garbage, a folder) is null, never an error.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SearchIndexStore } from '../../../src/core/store/search-index-store'
import { snapshotBytes } from '../../helpers/snapshot-bytes'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const KEY = 'a'.repeat(64)
const OTHER = 'b'.repeat(64)

async function store() {
  const dataDir = await tempDir()
  const s = new SearchIndexStore(dataDir)
  return { s, dir: join(dataDir, 'search-index') }
}

describe('SearchIndexStore', () => {
  it('saves into a folder it creates, and loads the same bytes back under the same key', async () => {
    const { s, dir } = await store()
    const bytes = snapshotBytes([9, 8, 7, 6, 5])
    await s.save('nb_1', KEY, bytes)
    expect(await readdir(dir)).toEqual(['nb_1.bin'])
    const file = await readFile(join(dir, 'nb_1.bin'))
    expect(file.subarray(0, 64).toString('latin1')).toBe(KEY)
    expect(new Uint8Array(file.subarray(64))).toEqual(bytes)
    const loaded = await s.load('nb_1', KEY)
    expect(loaded).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(loaded!).equals(Buffer.from(bytes))).toBe(true)
    // Its buffer holds it alone: IPC sends a view's whole buffer, and a small file's may be
    // Node's shared pool, holding other data.
    expect(loaded!.byteOffset).toBe(0)
    expect(loaded!.buffer.byteLength).toBe(bytes.length)
  })

  it('answers null for an index another version of Glossa saved (it may read the file otherwise)', async () => {
    const dataDir = await tempDir()
    await new SearchIndexStore(dataDir, '1.4.0').save('nb_1', KEY, snapshotBytes())
    expect(await new SearchIndexStore(dataDir, '1.4.0').load('nb_1', KEY)).not.toBeNull()
    expect(await new SearchIndexStore(dataDir, '1.5.0').load('nb_1', KEY)).toBeNull()
    expect(await new SearchIndexStore(dataDir).load('nb_1', KEY)).toBeNull()
  })

  it('answers null for another key, another notebook, or no file at all', async () => {
    const { s } = await store()
    expect(await s.load('nb_1', KEY)).toBeNull() // not even the folder yet
    await s.save('nb_1', KEY, snapshotBytes())
    expect(await s.load('nb_1', OTHER)).toBeNull()
    expect(await s.load('nb_2', KEY)).toBeNull()
    expect(await s.load('nb_1', 'not a key')).toBeNull()
  })

  it('answers null for a file cut short, garbage, a bad envelope or a folder in its place', async () => {
    const { s, dir } = await store()
    await mkdir(dir, { recursive: true })
    const bytes = Buffer.from(snapshotBytes())
    const cases: [string, Buffer | 'folder'][] = [
      ['empty', Buffer.alloc(0)],
      ['key cut short', Buffer.from(KEY.slice(0, 30))],
      ['key alone', Buffer.from(KEY)],
      ['snapshot cut short', Buffer.concat([Buffer.from(KEY), bytes.subarray(0, 10)])],
      ['garbage after the key', Buffer.concat([Buffer.from(KEY), Buffer.from('not a snapshot at all')])],
      ['garbage', Buffer.from('x'.repeat(200))],
      ['folder', 'folder'],
    ]
    for (const [id, content] of cases.map(([name, c]) => [name.replace(/ /g, '_'), c] as const)) {
      if (content === 'folder') await mkdir(join(dir, `${id}.bin`))
      else await writeFile(join(dir, `${id}.bin`), content)
      expect(await s.load(id, KEY), id).toBeNull()
    }
  })

  it('a second save replaces the first, leaving no temp file behind', async () => {
    const { s, dir } = await store()
    await s.save('nb_1', KEY, snapshotBytes([1, 1, 1, 1]))
    const second = snapshotBytes([2, 2, 2, 2, 2, 2])
    await s.save('nb_1', OTHER, second)
    expect(await s.load('nb_1', KEY)).toBeNull()
    expect(Buffer.from((await s.load('nb_1', OTHER))!).equals(Buffer.from(second))).toBe(true)
    expect(await readdir(dir)).toEqual(['nb_1.bin'])
  })

  it('removes a snapshot, and removing one that is not there is fine', async () => {
    const { s, dir } = await store()
    await s.save('nb_1', KEY, snapshotBytes())
    await s.save('nb_2', KEY, snapshotBytes())
    await s.remove('nb_1')
    await s.remove('nb_1')
    await s.remove('never-saved')
    expect(await s.load('nb_1', KEY)).toBeNull()
    expect(await readdir(dir)).toEqual(['nb_2.bin'])
  })

  it('never builds a path out of its folder, whatever the id', async () => {
    const { s } = await store()
    for (const id of ['../x', 'a/b', 'a\\b', '', '.', '..', 'a.b', 'x'.repeat(200)]) {
      expect(() => s.pathOf(id), id).toThrow(/letters, digits/)
      await expect(s.save(id, KEY, snapshotBytes())).rejects.toThrow(/letters, digits/)
      expect(await s.load(id, KEY)).toBeNull()
    }
  })
})
