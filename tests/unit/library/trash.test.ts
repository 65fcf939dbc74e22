import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir'
import { serviceIn } from './service-fixture'

const tempDir = useTempDirs()

describe('trash: delete, list, restore', () => {
  it('lists a deleted notebook with its title and restores it under its old file name', async () => {
    const dataDir = await tempDir()
    const { h, files } = await serviceIn(dataDir)
    const nb = await h.createNotebook({ title: 'Basing notes' })
    const bytes = await readFile(join(dataDir, 'notebooks', nb.file), 'utf8')
    const { trashedAs } = await h.deleteNotebook({ id: nb.id })
    expect(await files('notebooks')).not.toContain(nb.file)

    const { items } = await h.listTrash({})
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ trashedAs, title: 'Basing notes' })
    expect(Date.now() - Date.parse(items[0].trashedAt)).toBeLessThan(60_000)

    const restored = await h.restoreNotebook({ trashedAs })
    expect(restored).toMatchObject({ id: nb.id, title: 'Basing notes', file: nb.file })
    expect(await readFile(join(dataDir, 'notebooks', nb.file), 'utf8')).toBe(bytes) // the very same bytes
    expect(await files('trash')).toEqual([])
    expect((await h.listTrash({})).items).toEqual([])
    expect((await h.openNotebook({ id: nb.id })).notebook.title).toBe('Basing notes')
  })

  it('restores under a new file name when the old one was taken meanwhile', async () => {
    const dataDir = await tempDir()
    const { h, files } = await serviceIn(dataDir)
    const first = await h.createNotebook({ title: 'Notes' })
    const { trashedAs } = await h.deleteNotebook({ id: first.id })
    const second = await h.createNotebook({ title: 'Notes' })
    expect(second.file).toBe(first.file)
    const restored = await h.restoreNotebook({ trashedAs })
    expect(restored.file).not.toBe(first.file)
    expect(await files('notebooks')).toEqual(expect.arrayContaining([first.file, restored.file]))
    expect(await files('notebooks')).toHaveLength(3) // with the seeded notebook
    expect((await h.listNotebooks({})).notebooks.map((n) => n.id)).toEqual(
      expect.arrayContaining([first.id, second.id]),
    )
  })

  it('gives the restored notebook a new id when its id is back in the library', async () => {
    const dataDir = await tempDir()
    const { h } = await serviceIn(dataDir)
    const nb = await h.createNotebook({ title: 'Twice' })
    const content = await readFile(join(dataDir, 'notebooks', nb.file), 'utf8')
    const { trashedAs } = await h.deleteNotebook({ id: nb.id })
    const imported = await h.importNotebook({ fileName: 'twice.json', content })
    expect(imported.id).toBe(nb.id) // free again, so the import keeps it
    const restored = await h.restoreNotebook({ trashedAs })
    expect(restored.id).not.toBe(nb.id)
    const ids = (await h.listNotebooks({})).notebooks.map((n) => n.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('refuses names that are not in the trash, path-like names and damaged trashed files', async () => {
    const dataDir = await tempDir()
    const { h, call } = await serviceIn(dataDir)
    await expect(h.restoreNotebook({ trashedAs: 'nothing-here.json' })).rejects.toMatchObject({
      code: 'not-found',
    })
    // A file outside the trash that a path would reach must never be moved.
    await writeFile(join(dataDir, 'x.json'), '{}')
    for (const trashedAs of [
      '../x.json',
      '../notebooks/x.json',
      'a/b.json',
      '..\\x.json',
      '.hidden.json',
      '../x',
      '',
    ]) {
      const outcome = await call('restoreNotebook', { trashedAs })
      expect(outcome.ok, trashedAs).toBe(false)
      if (!outcome.ok) expect(['invalid-name', 'invalid-arguments']).toContain(outcome.error.code)
    }
    expect(await readFile(join(dataDir, 'x.json'), 'utf8')).toBe('{}')

    await mkdir(join(dataDir, 'trash'), { recursive: true })
    await writeFile(join(dataDir, 'trash', 'broken.json'), '{"schemaVersion":1,')
    const { items } = await h.listTrash({})
    expect(items).toEqual([
      expect.objectContaining({
        trashedAs: 'broken.json',
        title: 'broken.json',
        reason: expect.stringMatching(/not valid JSON/),
      }),
    ])
    await expect(h.restoreNotebook({ trashedAs: 'broken.json' })).rejects.toMatchObject({
      code: 'store/damaged',
      message: expect.stringMatching(/cannot be restored/),
    })
    expect(await readFile(join(dataDir, 'trash', 'broken.json'), 'utf8')).toBe('{"schemaVersion":1,')
  })
})
