// importMarkdown through the contract: a Glossa export becomes the notebook it was written from
// (a new id when the original is still in the library); any Markdown note becomes a source with
// its YAML front matter read as properties, never as text.
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/core/dispatch'
import { createService, type Service } from '../../../src/core/service'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import { plainText } from '../../../src/shared/plain-text'
import type { Notebook } from '../../../src/shared/schema'
import { sampleNotebook } from '../../fixtures/sample-notebook'
import { RESOURCES, useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const services: Service[] = []
afterEach(async () => void (await Promise.all(services.splice(0).map((s) => s.close()))))

async function service(): Promise<Service> {
  const s = await createService({
    dataDir: await tempDir(),
    resourcesDir: RESOURCES,
    host: 'web',
    version: 't',
  })
  services.push(s)
  return s
}

async function call<T>(s: Service, name: string, args: unknown): Promise<T> {
  const outcome = await dispatch(s.handlers, name, args)
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`)
  return outcome.result as T
}

describe('importMarkdown', () => {
  it('brings a folder export back as a new notebook, twice (the second with a new id)', async () => {
    const s = await service()
    const nb = sampleNotebook()
    const { files } = exportMarkdown(nb, { layout: 'folder' })
    const first = await call<{ notebook: { id: string }; kind: string }>(s, 'importMarkdown', {
      files,
      name: 'x',
    })
    expect(first).toMatchObject({ kind: 'glossa', notebook: { id: nb.id } })
    const second = await call<{ notebook: { id: string; title: string } }>(s, 'importMarkdown', { files })
    expect(second.notebook.id).not.toBe(nb.id)
    // Its title says it is the second copy in the library, so the two cards can be told apart.
    expect(second.notebook.title).toBe(`${nb.title} (imported)`)
    const { notebook } = await call<{ notebook: Notebook }>(s, 'openNotebook', { id: second.notebook.id })
    expect(notebook.annotations.map((a) => a.id).sort()).toEqual(nb.annotations.map((a) => a.id).sort())
    // The same files but for the notebook id in the deep links and the front matter.
    const again = exportMarkdown({ ...notebook, title: nb.title }, { layout: 'folder' }).files
    expect(again.map((f) => ({ ...f, content: f.content.replaceAll(notebook.id, nb.id) }))).toEqual(files)
  })

  it('turns an Obsidian note into a source: front matter as properties, not text', async () => {
    const s = await service()
    const note = [
      '---',
      'title: Field notes',
      'url: https://example.org/field',
      'author: R. Reader',
      'date: 2024-09-27',
      'description: What we saw.',
      'tags: [trip, notes]',
      'rating: 4',
      '---',
      '',
      'We drove north. ==Key point== and [[Other note]].',
      '',
      '| base | phase |',
      '| --- | --- |',
      '| Harir | 2 |',
    ].join('\n')
    const result = await call<{ notebook: { id: string }; kind: string }>(s, 'importMarkdown', {
      files: [{ path: 'Field notes.md', content: note }],
      name: 'Trip',
    })
    expect(result.kind).toBe('markdown')
    const { notebook } = await call<{ notebook: Notebook }>(s, 'openNotebook', { id: result.notebook.id })
    expect(notebook.title).toBe('Trip')
    const [source] = notebook.sources
    expect(source).toMatchObject({
      title: 'Field notes',
      url: 'https://example.org/field',
      origin: 'R. Reader',
      published: '2024-09-27',
    })
    expect(source.summary).toContain('What we saw.')
    expect(source.summary).toContain('rating: 4')
    const text = plainText(source.doc)
    expect(text).not.toContain('title:')
    expect(text).not.toContain('---')
    expect(text).toContain('We drove north.')
    // The source converter (src/core/import) has no table node: a row keeps its cells, joined.
    expect(text).toContain('Harir | 2')
  })
})
