// Reads the sample notebook's export back with remark (GFM + front matter) and the Obsidian
// scanner, and checks what a reader relies on: front matter, one quote block and block id per
// passage, links that land on that passage, highlights over the unchanged source text.
import type { Nodes } from 'mdast'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { parseDeepLink } from '../../../src/shared/export/deep-link'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import { parseMarkdown } from '../../../src/shared/markdown-import/parse'
import { plainText } from '../../../src/shared/plain-text'
import { sampleNotebook } from '../../fixtures/sample-notebook'
import { all, readExportFiles, textOf } from './helpers/oracle'

describe('Markdown export read back', () => {
  const nb = sampleNotebook()
  const [single] = exportMarkdown(nb, { layout: 'single' }).files
  const tree = parseMarkdown(single.content)
  const nodes = all(tree)

  it('has YAML front matter with the title, dates, Obsidian tags and what Glossa needs to read it back', () => {
    const yaml = tree.children[0]
    expect(yaml.type).toBe('yaml')
    const data = parseYaml((yaml as { value: string }).value)
    expect(data).toMatchObject({
      title: nb.title,
      created: nb.createdAt,
      updated: nb.updatedAt,
      tags: nb.tags.map((t) => t.name),
      glossa: { format: 2, id: nb.id },
    })
    expect(data.glossa.sources).toEqual([
      expect.objectContaining({ id: nb.sources[0].id, title: nb.sources[0].title, origin: 'apnews.com' }),
    ])
    expect(data.glossa.relations).toHaveLength(nb.relations.length)
  })

  it('gives every passage its own block quote followed by its own block id, once', () => {
    const blocks = tree.children
    for (const a of nb.annotations) {
      const at = blocks.findIndex(
        (b, i) =>
          b.type === 'blockquote' &&
          textOf(b) === a.target.quote.exact &&
          textOf(blocks[i + 1]) === '' &&
          all(blocks[i + 1] as Nodes).some((n) => n.type === 'blockId' && n.value === `p-${a.id}`),
      )
      expect(at, a.id).toBeGreaterThan(0)
    }
    const ids = readExportFiles([single]).files.get(single.path)!.blockIds
    expect(ids.filter((id) => id.startsWith('p-')).sort()).toEqual(
      nb.annotations.map((a) => `p-${a.id}`).sort(),
    )
  })

  it('links land on the passage: its wikilink names the block right after that passage’s quote', () => {
    const reading = readExportFiles([single])
    expect(reading.problems).toEqual([])
    const quoteOf = new Map<string, string>()
    tree.children.forEach((b, i) => {
      const next = tree.children[i + 1]
      const id = next && all(next as Nodes).find((n) => n.type === 'blockId')
      if (b.type === 'blockquote' && id?.type === 'blockId') quoteOf.set(id.value, textOf(b))
    })
    expect(single.content).toContain(
      'elaborated by ← [[#^p-a3|Baghdad International Airport, subsequently…]]',
    )
    expect(quoteOf.get('p-a3')).toBe(nb.annotations[2].target.quote.exact)
    expect(single.content).toContain('causes → [[#^p-a5|sovereignty over their national security]]')
    expect(quoteOf.get('p-a5')).toBe('sovereignty over their national security')
    // The note page cites a1 and a2, which now land on their own blocks, not on a shared paragraph.
    expect(single.content).toContain('[[#^p-a1|the first phase, expected to run through…]]')
    expect(single.content).toContain('[[#^p-a2|Ain al-Asad and Baghdad International Airport]]')
  })

  it('prints each link once at each end, with no fallback pointing at a missing anchor', () => {
    const wiki = readExportFiles([single]).wikiLinks.filter((l) => /^#\^p-/.test(l.target))
    // 2 links × 2 ends + the note page's 2 references.
    expect(wiki).toHaveLength(6)
    const anchors = nodes.flatMap((n) => (n.type === 'link' && !n.url.startsWith('glossa:') ? [n.url] : []))
    expect(anchors.filter((u) => u.startsWith('#'))).toEqual([])
  })

  it('gives every passage a deep link back into Glossa', () => {
    const links = nodes.flatMap((n) => (n.type === 'link' ? [parseDeepLink(n.url)] : []))
    const passages = links.filter((l) => l?.kind === 'passage').map((l) => l!.id)
    expect(passages.sort()).toEqual(nb.annotations.map((a) => a.id).sort())
    expect(links.every((l) => l === null || l.notebookId === nb.id)).toBe(true)
  })

  it('marks the union of overlapping passages once, with the source text unchanged', () => {
    const text = plainText(nb.sources[0].doc).split('\n')
    const paragraphs = nodes.filter((n) => n.type === 'paragraph').map((p) => markdownOf(single.content, p))
    const first = paragraphs.find((p) => p.startsWith('The United States'))!
    expect(first.replace(/==/g, '')).toBe(text[0])
    expect([...first.matchAll(/==(.+?)==/g)].map((m) => m[1])).toEqual([
      'the first phase, expected to run through September 2025',
      'Ain al-Asad and Baghdad International Airport, subsequently relocating troops to Hareer base in the Kurdistan region',
    ])
  })

  it('says where each passage is: ¶ and, when its quote occurs earlier in that paragraph, which match', () => {
    expect(single.content).toContain('¶ 2 · [Open in Glossa](glossa://open/nb-sample/passage/a4)')
    expect(single.content).toContain('orphaned · [Open in Glossa](glossa://open/nb-sample/passage/a6)')
  })

  it('folder layout: every wikilink names a file and a block in it; the index links every file', () => {
    const { files } = exportMarkdown(nb, { layout: 'folder' })
    const reading = readExportFiles(files)
    expect(reading.problems).toEqual([])
    expect(reading.wikiLinks.length).toBeGreaterThanOrEqual(6)
    const index = parseMarkdown(files.find((f) => f.path === 'index.md')!.content)
    const hrefs = all(index).flatMap((n) => (n.type === 'link' ? [decodeURIComponent(n.url)] : []))
    expect(hrefs.sort()).toEqual(
      files
        .filter((f) => f.path !== 'index.md')
        .map((f) => f.path)
        .sort(),
    )
  })

  it('exports an empty notebook', () => {
    const empty = { ...nb, sources: [], annotations: [], tags: [], links: [], notes: [], relations: [] }
    const [file] = exportMarkdown(empty, { layout: 'single' }).files
    expect(file.content).toBe(
      `---\ntitle: "${nb.title}"\ncreated: "${nb.createdAt}"\nupdated: "${nb.updatedAt}"\ntags: []\n` +
        `glossa:\n  format: 2\n  id: "${nb.id}"\n  sources: []\n  notes: []\n  facets:\n` +
        nb.facets.map((f) => `    - { key: "${f.key}", name: "${f.name}", color: "${f.color}" }\n`).join('') +
        `  tags: []\n  relations: []\n---\n\n# ${nb.title}\n`,
    )
    expect(exportMarkdown(empty, { layout: 'folder' }).files.map((f) => f.path)).toEqual(['index.md'])
  })
})

function markdownOf(source: string, node: Nodes): string {
  return source.slice(node.position!.start.offset, node.position!.end.offset)
}
