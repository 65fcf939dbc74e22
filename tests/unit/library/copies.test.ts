import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../../src/shared/schema'
import { useTempDirs } from '../../helpers/temp-dir'
import { serviceIn } from './service-fixture'

const tempDir = useTempDirs()

describe('duplicate', () => {
  it('copies everything under a new id, title and file', async () => {
    const dataDir = await tempDir()
    const { h } = await serviceIn(dataDir)
    const seed = (await h.listNotebooks({})).notebooks[0]
    const copy = await h.duplicateNotebook({ id: seed.id })
    expect(copy.id).not.toBe(seed.id)
    expect(copy.file).not.toBe(seed.file)
    expect(copy.title).toBe(`${seed.title} (copy)`)
    const original = (await h.openNotebook({ id: seed.id })).notebook
    const onDisk = JSON.parse(await readFile(join(dataDir, 'notebooks', copy.file), 'utf8'))
    expect(onDisk.sources).toEqual(original.sources)
    expect(onDisk.tags).toEqual(original.tags)
    expect(onDisk.id).toBe(copy.id)
    // The original is untouched.
    expect((await h.openNotebook({ id: seed.id })).notebook.title).toBe(seed.title)
  })

  it('keeps a copy of a 300-character title within the title limit, without splitting an emoji', async () => {
    const dataDir = await tempDir()
    const { h } = await serviceIn(dataDir)
    const family = '👩‍👩‍👧' // one grapheme of 5 code points
    const title = 'x'.repeat(290) + family + 'yyyyy' // 300 code points
    const long = await h.createNotebook({ title })
    expect(long.title).toBe(title)
    const copy = await h.duplicateNotebook({ id: long.id })
    expect(copy.title).toBe('x'.repeat(290) + ' (copy)') // the family would not fit whole, so it goes
    const short = await h.duplicateNotebook({ id: (await h.createNotebook({ title: '🦉'.repeat(150) })).id })
    expect(short.title).toBe('🦉'.repeat(150) + ' (copy)')
    await expect(h.duplicateNotebook({ id: 'nope' })).rejects.toMatchObject({ code: 'not-found' })
  })
})

describe('import a notebook file', () => {
  it('adds a valid notebook; an id already in the library gets a new one', async () => {
    const dataDir = await tempDir()
    const { h } = await serviceIn(dataDir)
    const seed = (await h.listNotebooks({})).notebooks[0]
    const content = await readFile(join(dataDir, 'notebooks', seed.file), 'utf8')
    const imported = await h.importNotebook({ fileName: 'study.json', content })
    expect(imported.id).not.toBe(seed.id)
    // A title already in the library gets a mark, so the cards can be told apart.
    expect(imported.title).toBe(`${seed.title} (imported)`)
    expect(imported.file).not.toBe(seed.file)
    const again = await h.importNotebook({ fileName: 'study.json', content })
    expect(again.title).toBe(`${seed.title} (imported 2)`)
    const ids = (await h.listNotebooks({})).notebooks.map((n) => n.id)
    expect(ids).toHaveLength(3)
    expect(new Set(ids)).toEqual(new Set([seed.id, imported.id, again.id]))
    expect((await h.openNotebook({ id: imported.id })).notebook.sources).toHaveLength(1)
  })

  it('keeps a title no notebook has, and marks a long one within the title limit on whole characters', async () => {
    const dataDir = await tempDir()
    const { h } = await serviceIn(dataDir)
    const seed = (await h.listNotebooks({})).notebooks[0]
    const nb = JSON.parse(await readFile(join(dataDir, 'notebooks', seed.file), 'utf8'))
    const fresh = await h.importNotebook({
      fileName: 'a.json',
      content: JSON.stringify({ ...nb, title: 'Field notes' }),
    })
    expect(fresh.title).toBe('Field notes')
    const long = 'x'.repeat(288) + '🇮🇶' + 'y'.repeat(10) // 300 code points
    await h.importNotebook({ fileName: 'b.json', content: JSON.stringify({ ...nb, title: long }) })
    const marked = await h.importNotebook({
      fileName: 'c.json',
      content: JSON.stringify({ ...nb, title: long }),
    })
    expect(marked.title).toBe('x'.repeat(288) + ' (imported)') // the flag would not fit whole, so it goes
  })

  it('refuses invalid JSON, the wrong shape and a newer schema version with clear messages', async () => {
    const dataDir = await tempDir()
    const { h, files } = await serviceIn(dataDir)
    const before = await files('notebooks')
    await expect(
      h.importNotebook({ fileName: 'cut.json', content: '{"schemaVersion":1,"title":"Ha' }),
    ).rejects.toMatchObject({
      code: 'import/invalid',
      message: expect.stringMatching(/Could not import “cut\.json”: .*not valid JSON/),
    })
    await expect(
      h.importNotebook({ fileName: 'shape.json', content: '{"hello":"world"}' }),
    ).rejects.toMatchObject({
      code: 'import/invalid',
      message: expect.stringMatching(/Invalid notebook/),
    })
    await expect(h.importNotebook({ fileName: 'list.json', content: '[1,2,3]' })).rejects.toMatchObject({
      code: 'import/invalid',
    })
    await expect(h.importNotebook({ fileName: 'empty.json', content: '' })).rejects.toMatchObject({
      code: 'import/invalid',
      message: expect.stringMatching(/empty/),
    })
    const future = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, id: 'x', title: 'From the future' })
    await expect(h.importNotebook({ fileName: 'future.json', content: future })).rejects.toMatchObject({
      code: 'import/newer-version',
      message: expect.stringMatching(
        new RegExp(`newer Glossa \\(schema version ${SCHEMA_VERSION + 1}.*Update Glossa`),
      ),
    })
    expect(await files('notebooks')).toEqual(before) // nothing was written
  })
})
