// The saved search index through the service (openNotebook's searchIndexKey, loadSearchIndex,
// saveSearchIndex, deleteNotebook), called through the dispatcher as IPC and HTTP call it: the
// key is the SHA-256 of the notebook file's bytes only while memory holds exactly those bytes'
// notebook, and a snapshot is kept only under the key that is current.
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Notebook } from '../../../src/shared/schema'
import { snapshotBytes } from '../../helpers/snapshot-bytes'
import { AT, passage } from '../../helpers/notebook'
import { plainText } from '../../../src/shared/plain-text'
import { useTempDirs } from '../../helpers/temp-dir'
import { serviceIn } from '../library/service-fixture'

const tempDir = useTempDirs()
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** The seeded library; writes wait a minute unless flushed, so "unsaved" lasts as long as a test needs. */
async function seeded(coalesce = { delayMs: 5, maxWaitMs: 20 }) {
  const dataDir = await tempDir()
  const fixture = await serviceIn(dataDir, { coalesce })
  const [summary] = (await fixture.h.listNotebooks({})).notebooks
  const path = join(dataDir, 'notebooks', summary.file)
  const cacheFile = join(dataDir, 'search-index', `${summary.id}.bin`)
  return {
    ...fixture,
    dataDir,
    id: summary.id,
    path,
    cacheFile,
    fileHash: async () => sha256(await readFile(path)),
  }
}

const rename = (title: string) => [{ type: 'renameNotebook' as const, title }]

describe('openNotebook searchIndexKey', () => {
  it('is the SHA-256 of the file for a notebook opened unchanged, and follows each saved edit', async () => {
    const { h, id, fileHash } = await seeded()
    const first = await h.openNotebook({ id })
    expect(first.searchIndexKey).toMatch(/^[0-9a-f]{64}$/)
    expect(first.searchIndexKey).toBe(await fileHash())

    expect((await h.applyOps({ id, at: AT, ops: rename('Renamed') })).saved).toBe(true)
    const second = await h.openNotebook({ id })
    expect(second.notebook.title).toBe('Renamed')
    expect(second.searchIndexKey).toBe(await fileHash())
    expect(second.searchIndexKey).not.toBe(first.searchIndexKey)
  })

  it('is absent while an edit is not yet written, and back once it is', async () => {
    const { h, id, service, fileHash } = await seeded({ delayMs: 60_000, maxWaitMs: 60_000 })
    const before = (await h.openNotebook({ id })).searchIndexKey
    const handle = await service.library.openNotebook(id)
    const edit = handle.apply(rename('Pending'), AT)
    const { notebook, searchIndexKey } = await h.openNotebook({ id })
    expect(notebook.title).toBe('Pending')
    expect(searchIndexKey).toBeUndefined()
    // A snapshot of the old notebook, saved under its key now, would not fit: refused.
    expect(await h.saveSearchIndex({ id, key: before!, bytes: snapshotBytes() })).toEqual({ saved: false })

    await handle.flush()
    expect((await edit).saved).toBe(true)
    expect((await h.openNotebook({ id })).searchIndexKey).toBe(await fileHash())
  })

  it('after a reload from a file another program changed, is the new file’s hash', async () => {
    const { h, id, path, fileHash } = await seeded()
    const before = (await h.openNotebook({ id })).searchIndexKey
    const nb = JSON.parse(await readFile(path, 'utf8')) as Notebook
    await writeFile(path, JSON.stringify({ ...nb, title: 'Changed elsewhere' }))
    await h.reloadNotebook({ id })
    const after = await h.openNotebook({ id })
    expect(after.notebook.title).toBe('Changed elsewhere')
    expect(after.searchIndexKey).toBe(await fileHash())
    expect(after.searchIndexKey).not.toBe(before)
  })

  it('for a file repaired as it opens, is the hash of the repaired file, written before it answers', async () => {
    const { h, id, path, fileHash } = await seeded()
    const nb = JSON.parse(await readFile(path, 'utf8')) as Notebook
    const source = nb.sources[0]
    const text = plainText(source.doc)
    // A passage on a tag that is not there: opening drops the tag id and saves the fix.
    const hurt = passage('p-hurt', source, text, text.slice(0, 12), { tagIds: ['no-such-tag'] })
    const damaged = Buffer.from(JSON.stringify({ ...nb, annotations: [...nb.annotations, hurt] }))
    await writeFile(path, damaged)
    const { notebook, notices, searchIndexKey } = await h.openNotebook({ id })
    expect(notices?.length).toBeGreaterThan(0)
    expect(notebook.annotations.find((a) => a.id === 'p-hurt')?.tagIds).toEqual([])
    expect(searchIndexKey).toBe(await fileHash())
    expect(searchIndexKey).not.toBe(sha256(damaged))
  })
})

describe('saveSearchIndex and loadSearchIndex', () => {
  it('keeps a snapshot under the current key and gives the same bytes back', async () => {
    const { h, id, call, cacheFile } = await seeded()
    const key = (await h.openNotebook({ id })).searchIndexKey!
    const bytes = snapshotBytes([10, 20, 30, 40, 50])
    expect(await call('saveSearchIndex', { id, key, bytes })).toEqual({ ok: true, result: { saved: true } })
    const outcome = await call('loadSearchIndex', { id, key })
    expect(outcome.ok).toBe(true)
    const loaded = (outcome as { result: { bytes: Uint8Array } }).result.bytes
    expect(Buffer.from(loaded).equals(Buffer.from(bytes))).toBe(true)
    expect((await readFile(cacheFile)).length).toBe(64 + bytes.length)
  })

  it('answers saved: false for a key the notebook no longer has, and load answers null for it', async () => {
    const { h, id } = await seeded()
    const old = (await h.openNotebook({ id })).searchIndexKey!
    await h.saveSearchIndex({ id, key: old, bytes: snapshotBytes([1, 1, 1, 1]) })
    await h.applyOps({ id, at: AT, ops: rename('Changed') })
    const current = (await h.openNotebook({ id })).searchIndexKey!
    expect(await h.saveSearchIndex({ id, key: old, bytes: snapshotBytes([2, 2, 2, 2]) })).toEqual({
      saved: false,
    })
    expect(await h.loadSearchIndex({ id, key: current })).toEqual({ bytes: null })
    // The one saved under the old key is still there for that key (the file could come back).
    expect(Buffer.from((await h.loadSearchIndex({ id, key: old })).bytes!)).toEqual(
      Buffer.from(snapshotBytes([1, 1, 1, 1])),
    )
  })

  it('keeps nothing for a notebook no window has open (a cache call opens no notebook)', async () => {
    const dataDir = await tempDir()
    const first = await serviceIn(dataDir)
    const id = (await first.h.listNotebooks({})).notebooks[0].id
    const key = (await first.h.openNotebook({ id })).searchIndexKey!
    await first.service.close()
    const second = await serviceIn(dataDir)
    const bytes = snapshotBytes()
    expect(await second.h.saveSearchIndex({ id, key, bytes })).toEqual({ saved: false })
    expect(second.service.library.openedNotebook(id)).toBeUndefined()
    await second.h.openNotebook({ id })
    expect(await second.h.saveSearchIndex({ id, key, bytes })).toEqual({ saved: true })
    await second.service.close()
  })

  it('answers null, never an error, when nothing was saved', async () => {
    const { call, id } = await seeded()
    expect(await call('loadSearchIndex', { id, key: 'c'.repeat(64) })).toEqual({
      ok: true,
      result: { bytes: null },
    })
    expect(await call('loadSearchIndex', { id: 'unknown-notebook', key: 'c'.repeat(64) })).toEqual({
      ok: true,
      result: { bytes: null },
    })
  })

  it('refuses bytes that are not a snapshot, a bad key or id, with invalid-arguments naming the problem', async () => {
    const { h, call, id, cacheFile } = await seeded()
    const key = (await h.openNotebook({ id })).searchIndexKey!
    const notSnapshot = new TextEncoder().encode('{"this is":"json, not a snapshot"}')
    const cases: [string, unknown, RegExp][] = [
      ['saveSearchIndex', { id, key, bytes: notSnapshot }, /bytes: .*not a search index snapshot/],
      ['saveSearchIndex', { id, key, bytes: snapshotBytes().subarray(0, 8) }, /not a search index snapshot/],
      ['saveSearchIndex', { id, key, bytes: [1, 2, 3] }, /bytes: expected bytes/],
      ['saveSearchIndex', { id, key, bytes: 'R0xTSQEAAAA=' }, /bytes: expected bytes/],
      ['saveSearchIndex', { id, key }, /bytes/],
      ['saveSearchIndex', { id, key: key.toUpperCase(), bytes: snapshotBytes() }, /key: .*64 lowercase hex/],
      ['loadSearchIndex', { id, key: 'abc' }, /key: .*64 lowercase hex/],
      ['loadSearchIndex', { id: '../x', key }, /id: /],
    ]
    for (const [method, args, message] of cases) {
      const outcome = await call(method, args)
      expect(outcome, `${method} ${JSON.stringify(args)}`).toEqual({
        ok: false,
        error: { code: 'invalid-arguments', message: expect.stringMatching(message) },
      })
    }
    await expect(readFile(cacheFile)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('deleting the notebook deletes its snapshot', async () => {
    const { h, id, cacheFile, files } = await seeded()
    const key = (await h.openNotebook({ id })).searchIndexKey!
    await h.saveSearchIndex({ id, key, bytes: snapshotBytes() })
    expect(await files('search-index')).toEqual([`${id}.bin`])
    await h.deleteNotebook({ id })
    expect(await files('search-index')).toEqual([])
    await expect(readFile(cacheFile)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('deleting a notebook that has no snapshot works as before', async () => {
    const { h, id, files } = await seeded()
    const { trashedAs } = await h.deleteNotebook({ id })
    expect(await files('trash')).toEqual([trashedAs])
  })
})
