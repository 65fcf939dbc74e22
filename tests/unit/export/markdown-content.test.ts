// Reads the exported Markdown back with remark (GFM + front matter) and checks what a
// reader relies on: quotes, tags, block links that resolve, highlights, no HTML.
import type { Nodes, Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import { plainText } from '../../../src/shared/plain-text'
import { sampleNotebook } from '../../fixtures/sample-notebook'

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
const parse = (md: string): Root => parser.parse(md)

function all(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? (node.children as Nodes[]).flatMap(all) : [])]
}
function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : ''
}
/** Block ids defined in a file: ` ^id` closing a paragraph, or a paragraph that is just `^id`. */
function blockIds(tree: Root): Set<string> {
  const ids = all(tree)
    .filter((n) => n.type === 'paragraph')
    .map((p) => textOf(p).match(/(?:^|\s)\^(p-[A-Za-z0-9-]+)$/)?.[1])
  return new Set(ids.filter((x): x is string => !!x))
}

describe('Markdown export read back', () => {
  const nb = sampleNotebook()
  const [single] = exportMarkdown(nb, { layout: 'single' }).files
  const tree = parse(single.content)
  const nodes = all(tree)

  it('has YAML front matter with title, dates, sources and tags', () => {
    const yaml = tree.children[0]
    expect(yaml.type).toBe('yaml')
    const data = parseYaml((yaml as { value: string }).value)
    expect(data).toEqual({
      title: nb.title,
      created: nb.createdAt,
      updated: nb.updatedAt,
      sources: [{ title: nb.sources[0].title, origin: 'apnews.com' }],
      tags: nb.tags.map((t) => t.name),
    })
  })

  it('quotes every passage in a blockquote and lists every tag as a hashtag', () => {
    const quotes = nodes.filter((n) => n.type === 'blockquote').map(textOf)
    for (const a of nb.annotations) expect(quotes).toContain(a.target.quote.exact)
    const tagLines = nodes
      .filter((n) => n.type === 'paragraph' && textOf(n).startsWith('Tags: '))
      .map(textOf)
      .join(' ')
    for (const t of nb.tags.filter((t) => nb.annotations.some((a) => a.tagIds.includes(t.id))))
      expect(tagLines).toContain(`#${t.name}`)
  })

  it('every block link (wikilink and Markdown fallback) points to a block id that exists', () => {
    const ids = blockIds(tree)
    const wiki = [...single.content.matchAll(/\[\[#\^(p-[A-Za-z0-9-]+)\|/g)].map((m) => m[1])
    const fallback = nodes.flatMap((n) =>
      n.type === 'link' && n.url.startsWith('#') ? [n.url.slice(1)] : [],
    )
    expect(wiki.length).toBeGreaterThanOrEqual(6)
    expect(fallback.length).toBe(4)
    for (const id of [...wiki, ...fallback]) expect(ids, id).toContain(id)
  })

  it('marks the union of overlapping passages once, with the source text unchanged', () => {
    const text = plainText(nb.sources[0].doc).split('\n')
    const paragraphs = nodes.filter((n) => n.type === 'paragraph').map(textOf)
    const first = paragraphs.find((p) => p.startsWith('The United States'))!
    expect(first.replace(/==/g, '').replace(/ \^p-a1$/, '')).toBe(text[0])
    expect([...first.matchAll(/==(.+?)==/g)].map((m) => m[1])).toEqual([
      'the first phase, expected to run through September 2025',
      'Ain al-Asad and Baghdad International Airport, subsequently relocating troops to Hareer base in the Kurdistan region',
    ])
  })

  it('numbers paragraphs and links backlinks with the inverse relation name', () => {
    expect(single.content).toContain('apnews.com, ¶ 2')
    expect(single.content).toContain(
      'elaborated by ← [[#^p-a1|Baghdad International Airport, subsequently…]]',
    )
    expect(single.content).toContain('causes → [[#^p-a5|sovereignty over their national security]]')
  })

  it('folder layout: wikilinks name the source file, and that file defines the block', () => {
    const { files } = exportMarkdown(nb, { layout: 'folder' })
    const byStem = new Map(files.map((f) => [f.path.replace(/\.md$/, ''), blockIds(parse(f.content))]))
    const links = files.flatMap((f) => [...f.content.matchAll(/\[\[([^\]#|]+)#\^(p-[A-Za-z0-9-]+)\|/g)])
    expect(links.length).toBeGreaterThanOrEqual(6)
    for (const [, stem, id] of links) expect(byStem.get(stem), `${stem}#${id}`).toContain(id)
    const index = parse(files.find((f) => f.path === 'index.md')!.content)
    const hrefs = all(index).flatMap((n) => (n.type === 'link' ? [decodeURIComponent(n.url)] : []))
    expect(hrefs.sort()).toEqual(
      files
        .filter((f) => f.path !== 'index.md')
        .map((f) => f.path)
        .sort(),
    )
  })

  it('exports an empty notebook', () => {
    const empty = { ...nb, sources: [], annotations: [], tags: [], links: [], notes: [] }
    const [file] = exportMarkdown(empty, { layout: 'single' }).files
    expect(file.content).toBe(
      `---\ntitle: "${nb.title}"\ncreated: ${nb.createdAt}\nupdated: ${nb.updatedAt}\nsources: []\ntags: []\n---\n\n# ${nb.title}\n`,
    )
    expect(exportMarkdown(empty, { layout: 'folder' }).files.map((f) => f.path)).toEqual(['index.md'])
  })
})
