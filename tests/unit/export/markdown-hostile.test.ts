// Hostile and awkward content: nothing in a notebook may turn into HTML, a script link,
// a broken highlight or a dangling block link in the exported Markdown.
import type { Nodes, Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import { plainText, textHash } from '../../../src/shared/plain-text'
import type { DocNode, Notebook } from '../../../src/shared/schema'
import { noteDoc, passage, sampleNotebook } from '../../fixtures/sample-notebook'

const parse = (md: string): Root =>
  unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(md)
const all = (n: Nodes): Nodes[] => [n, ...('children' in n ? (n.children as Nodes[]).flatMap(all) : [])]
const t = (text: string, marks?: DocNode['marks']): DocNode => ({
  type: 'text',
  text,
  ...(marks ? { marks } : {}),
})
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content })

function withSource(doc: DocNode, quotes: [string, string, number?][]): Notebook {
  const nb = sampleNotebook()
  const text = plainText(doc)
  nb.sources[0] = { ...nb.sources[0], doc, textHash: textHash(text) }
  nb.annotations = quotes.map(([id, exact, from = 0]) => {
    const start = text.indexOf(exact, from)
    return {
      ...passage('a1', 'the first phase', []),
      id,
      target: { quote: { exact, prefix: '', suffix: '' }, position: { start, end: start + exact.length } },
    }
  })
  nb.links = []
  nb.notes = []
  return nb
}

describe('Markdown export of hostile content', () => {
  const nb = sampleNotebook()
  nb.title = '<b>../CON</b>'
  nb.tags.push({
    id: 'tag-evil',
    name: '<img src=x onerror=alert(1)>',
    label: '',
    color: '#000000',
    description: '',
  })
  nb.annotations[0].tagIds.push('tag-evil')
  nb.annotations[0].note = noteDoc(
    p(t('<script>alert(1)</script> and [x](javascript:alert(1)) and ==not a highlight== ^p-fake #notatag')),
    p(
      t('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
      t(' or '),
      t('this', [{ type: 'link', attrs: { href: ' JavaScript:alert(1)' } }]),
    ),
  )
  const { files } = exportMarkdown(nb, { layout: 'single' })
  const md = files[0].content
  const nodes = all(parse(md))

  it('escapes HTML and script links instead of emitting them', () => {
    expect(nodes.filter((n) => n.type === 'html')).toEqual([])
    const urls = nodes.flatMap((n) => (n.type === 'link' || n.type === 'definition' ? [n.url] : []))
    expect(urls.filter((u) => /^\s*javascript:/i.test(u))).toEqual([])
    const text = nodes.flatMap((n) => (n.type === 'text' ? [n.value] : [])).join(' ')
    expect(text).toContain('<script>alert(1)</script> and [x](javascript:alert(1))')
    expect(text).toContain('click or this')
  })

  it('turns an unusable tag name into a plain hashtag and the title into a safe file name', () => {
    expect(md).toContain('#-img-src-x-onerror-alert-1-')
    // Front matter keeps the real name (a quoted YAML string); the body never shows it raw.
    expect(md.slice(md.indexOf('\n---\n', 4))).not.toContain('<img')
    expect(md).toContain('- <img src=x onerror=alert(1)>\n---')
    expect(files[0].path).toBe('-b-..-CON--b-.md')
  })

  it('does not let note text fake a highlight, a block id or a tag', () => {
    expect(md).toContain('\\=\\=not a highlight\\=\\=')
    expect(md).toContain('\\^p-fake')
    expect(md).toContain('\\#notatag')
    const alone = sampleNotebook()
    alone.annotations[0].note = noteDoc(p(t('^p-a1')))
    expect(exportMarkdown(alone, { layout: 'single' }).files[0].content).toContain('\n\\^p-a1\n')
  })
})

describe('Markdown export of awkward structure', () => {
  const doc = noteDoc(
    { type: 'heading', attrs: { level: 2 }, content: [t('Intro heading')] },
    p(t('plain '), t('bold text', [{ type: 'bold' }]), t(' then a = b == c and more')),
    p(t('second paragraph here')),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('list item one'))] }] },
    { type: 'codeBlock', attrs: { language: 'js' }, content: [t('let x = 1')] },
  )
  const nb = withSource(doc, [
    ['h1', 'heading'],
    ['b1', 'old text then'],
    ['b2', 'a = b == c and more\nsecond'],
    ['x_1', 'item'],
    ['c1', 'x = 1'],
  ])
  const md = exportMarkdown(nb, { layout: 'single' }).files[0].content
  const tree = parse(md)

  it('re-opens marks inside highlights and escapes = so no highlight breaks', () => {
    expect(md).toContain('plain **b**==**old text** then== ==a \\= b \\=\\= c and more== ^p-b1')
    expect(md).toContain('==second== paragraph here')
    for (const line of md.split('\n')) expect(line.replace(/\\=/g, '').split('==').length % 2, line).toBe(1)
  })

  it('puts block ids on headings and code blocks on their own line, and maps _ to -', () => {
    expect(md).toContain('##### Intro ==heading==\n\n^p-h1')
    expect(md).toContain('- list ==item== one ^p-x-1')
    expect(md).toContain('```js\nlet x = 1\n```\n\n^p-c1')
    expect(tree.children.some((n) => n.type === 'code')).toBe(true)
  })

  it("gives all passages starting in one paragraph that paragraph's id", () => {
    const two = withSource(noteDoc(p(t('alpha beta gamma delta'))), [
      ['z2', 'gamma'],
      ['z1', 'alpha'],
      ['y9', 'delta'],
    ])
    two.links = [
      {
        id: 'l',
        from: { kind: 'annotation', id: 'y9' },
        to: { kind: 'annotation', id: 'z2' },
        relationId: 'supports',
        comment: '',
        createdAt: two.createdAt,
      },
    ]
    const out = exportMarkdown(two, { layout: 'single' }).files[0].content
    expect(out).toContain('==alpha== beta ==gamma== ==delta== ^p-z1\n')
    expect(out).toContain('supports → [[#^p-z1|gamma]] ([gamma](#p-z1))')
    expect(out).not.toContain('^p-z2')
  })

  it('cleans wikilink aliases that would end the link', () => {
    const odd = withSource(noteDoc(p(t('see [[x]] | #y ^z <b> end'))), [['q', '[[x]] | #y ^z <b>']])
    odd.notes = [
      {
        id: 'n',
        title: 'N',
        doc: noteDoc(p({ type: 'passageRef', attrs: { annotationId: 'q' } })),
        createdAt: odd.createdAt,
        updatedAt: odd.createdAt,
      },
    ]
    const out = exportMarkdown(odd, { layout: 'single' }).files[0].content
    expect(out).toContain('[[#^p-q|x y z b]]')
    expect(all(parse(out)).filter((n) => n.type === 'html')).toEqual([])
  })
})
