import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../../src/core/service'
import { Library } from '../../../src/core/store/library'
import { RESOURCES, useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const fast = { delayMs: 5, maxWaitMs: 20 }

describe('Library and seeding', () => {
  it('seeds an empty data dir with the article and its taxonomy, once', async () => {
    const dataDir = await tempDir()
    const first = await createService({ dataDir, resourcesDir: RESOURCES, host: 'web', version: 't' })
    const { notebooks, damaged } = await first.handlers.listNotebooks({})
    expect(damaged).toEqual([])
    expect(notebooks).toHaveLength(1)
    const { notebook } = await first.handlers.openNotebook({ id: notebooks[0].id })
    const article = JSON.parse(await readFile(join(RESOURCES, 'seed-article.json'), 'utf8'))
    const [source] = notebook.sources
    expect(source.title).toBe(article.title)
    expect(source.origin).toBe('apnews.com')
    expect(source.summary).toBe(article.summary)
    expect(source.doc.content?.map((p) => p.content?.[0]?.text)).toEqual(article.paragraphs)
    expect(notebook.facets.map((f) => f.name)).toEqual(['Phases', 'Bases', 'Policy context'])
    expect(notebook.tags.map((t) => t.name)).toContain('base/harir')
    expect(notebook.relations.map((r) => r.id)).toContain('elaborates')

    // Deleting the seeded notebook and starting again must not bring it back.
    await first.handlers.deleteNotebook({ id: notebook.id })
    await first.close()
    const second = await createService({ dataDir, resourcesDir: RESOURCES, host: 'web', version: 't' })
    expect((await second.handlers.listNotebooks({})).notebooks).toEqual([])
    expect(await readdir(join(dataDir, 'trash'))).toHaveLength(1)
  })

  it('round-trips a notebook through the file with coalesced writes', async () => {
    const dataDir = await tempDir()
    const service = await createService({
      dataDir,
      resourcesDir: RESOURCES,
      host: 'web',
      version: 't',
      coalesce: fast,
    })
    const created = await service.handlers.createNotebook({ title: '  Field notes  ' })
    expect(created.title).toBe('Field notes')
    const at = new Date().toISOString()
    const library = service.library
    const handle = await library.openNotebook(created.id)
    const before = handle.writeCount
    const results = await Promise.all(
      ['One', 'Two', 'Three', 'Four'].map((title) =>
        service.handlers.applyOps({ id: created.id, at, ops: [{ type: 'renameNotebook', title }] }),
      ),
    )
    expect(results.every((r) => r.saved)).toBe(true)
    expect(handle.writeCount - before).toBe(1) // four quick edits, one write
    const reopened = new Library({ dataDir })
    const { notebooks } = await reopened.list()
    expect(notebooks.find((n) => n.id === created.id)?.title).toBe('Four')
    expect(notebooks).toHaveLength(2) // and the seed
  })

  it('lists damaged files with a reason and never writes to them', async () => {
    const dataDir = await tempDir()
    const service = await createService({ dataDir, resourcesDir: RESOURCES, host: 'web', version: 't' })
    const dir = join(dataDir, 'notebooks')
    const cases: Record<string, string> = {
      'truncated.json': '{"schemaVersion":1,"id":"abc","title":"Half',
      'wrong-shape.json': '{"hello":"world"}',
      'newer.json': JSON.stringify({ schemaVersion: 99, id: 'x', title: 'From the future' }),
      'empty.json': '',
    }
    for (const [file, content] of Object.entries(cases)) await writeFile(join(dir, file), content)
    await mkdir(join(dir, 'folder.json'))
    const { notebooks, damaged } = await service.handlers.listNotebooks({})
    expect(notebooks).toHaveLength(1) // the seed still works
    const reasons = Object.fromEntries(damaged.map((d) => [d.file, d.reason]))
    expect(reasons['truncated.json']).toMatch(/not valid JSON/)
    expect(reasons['wrong-shape.json']).toMatch(/Invalid notebook/)
    expect(reasons['newer.json']).toMatch(/newer Glossa \(schema version 99/)
    expect(reasons['empty.json']).toMatch(/empty/)
    expect(reasons['folder.json']).toMatch(/folder/)
    for (const [file, content] of Object.entries(cases))
      expect(await readFile(join(dir, file), 'utf8')).toBe(content)
  })

  it('refuses to open a damaged notebook with a typed error', async () => {
    const dataDir = await tempDir()
    const service = await createService({ dataDir, resourcesDir: RESOURCES, host: 'web', version: 't' })
    const { notebooks } = await service.handlers.listNotebooks({})
    const file = join(dataDir, 'notebooks', notebooks[0].file)
    await writeFile(file, '{ broken')
    const fresh = await createService({ dataDir, resourcesDir: RESOURCES, host: 'web', version: 't' })
    await expect(fresh.handlers.openNotebook({ id: notebooks[0].id })).rejects.toMatchObject({
      code: 'not-found',
    })
    expect(await readFile(file, 'utf8')).toBe('{ broken')
  })
})

describe('a notebook file copied by hand', () => {
  it('is listed with a reason instead of shadowing the original, and both files stay as they were', async () => {
    const dataDir = await tempDir()
    const service = await createService({ dataDir, resourcesDir: RESOURCES, host: 'web', version: 't' })
    const [seed] = (await service.handlers.listNotebooks({})).notebooks
    const original = join(dataDir, 'notebooks', seed.file)
    const copy = join(dataDir, 'notebooks', 'zz-copy.json')
    const bytes = await readFile(original, 'utf8')
    await writeFile(copy, bytes)
    const { notebooks, damaged } = await service.handlers.listNotebooks({})
    expect(notebooks.map((n) => n.file)).toEqual([seed.file])
    expect(damaged).toEqual([
      expect.objectContaining({
        file: 'zz-copy.json',
        reason: expect.stringContaining(`same notebook as “${seed.file}”`),
      }),
    ])
    expect((await service.handlers.openNotebook({ id: seed.id })).notebook.id).toBe(seed.id)
    expect(await readFile(copy, 'utf8')).toBe(bytes)
    expect(await readFile(original, 'utf8')).toBe(bytes)
  })
})

describe('listing', () => {
  it('reuses the summary of an unchanged file and re-reads a changed one', async () => {
    const dataDir = await tempDir()
    const library = new Library({ dataDir })
    const created = await library.add({
      ...(await import('../../../src/core/seed')).emptyNotebook('First title', '2026-01-01T00:00:00.000Z'),
    })
    expect((await library.list()).notebooks.map((n) => n.title)).toEqual(['First title'])
    const path = join(dataDir, 'notebooks', created.file)
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.replace('First title', 'Changed elsewhere, longer'))
    expect((await library.list()).notebooks.map((n) => n.title)).toEqual(['Changed elsewhere, longer'])
  })
})
