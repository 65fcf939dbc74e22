// Hostile and awkward content: nothing in a notebook may turn into HTML, a script link, a
// highlight, a comment, a tag, a block id or a wikilink of its own in the exported Markdown.
import { describe, expect, it } from 'vitest'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import { parseMarkdown } from '../../../src/shared/markdown-import/parse'
import { plainText, textHash } from '../../../src/shared/plain-text'
import type { DocNode, Notebook } from '../../../src/shared/schema'
import { noteDoc, passage, sampleNotebook } from '../../fixtures/sample-notebook'
import { all, readExportFiles, textOf } from './helpers/oracle'

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
    p(t('%%hidden?%% $x^2$ [[Note]] ![[embed]] ~~gone~~ > not a quote')),
  )
  const { files } = exportMarkdown(nb, { layout: 'single' })
  const md = files[0].content
  const nodes = all(parseMarkdown(md))

  it('escapes HTML and script links instead of emitting them', () => {
    expect(nodes.filter((n) => n.type === 'html')).toEqual([])
    const urls = nodes.flatMap((n) => (n.type === 'link' || n.type === 'definition' ? [n.url] : []))
    expect(urls.filter((u) => /^\s*javascript:/i.test(u))).toEqual([])
    const text = nodes.flatMap((n) => (n.type === 'text' ? [n.value] : [])).join(' ')
    expect(text).toContain('<script>alert(1)</script> and [x](javascript:alert(1))')
    expect(text).toContain('click or this')
  })

  it('turns an unusable tag name into a valid Obsidian tag and the title into a safe file name', () => {
    expect(md).toContain('#-img-src-x-onerror-alert-1--')
    expect(readExportFiles(files).problems).toEqual([])
    // The front matter keeps the real name (a quoted YAML string); the body never shows it raw.
    expect(md.slice(md.indexOf('\n---\n', 4))).not.toContain('<img')
    expect(md).toContain('name: "<img src=x onerror=alert(1)>"')
    expect(files[0].path).toBe('-b-..-CON--b-.md')
  })

  it('does not let note text fake a highlight, comment, math, block id, tag, wikilink or embed', () => {
    // The source's own highlights are above "## Passages"; the notes are below.
    const notes = all(parseMarkdown(md.slice(md.indexOf('\n## Passages'))))
    expect(notes.filter((n) => n.type === 'highlightMarker' || n.type === 'delete')).toEqual([])
    expect(nodes.filter((n) => n.type === 'hashtag').map((n) => textOf(n))).not.toContain('notatag')
    expect(nodes.some((n) => n.type === 'blockId' && n.value === 'p-fake')).toBe(false)
    expect(nodes.some((n) => n.type === 'wikiLink' && /Note|embed/.test(n.target))).toBe(false)
    const text = nodes.flatMap((n) => (n.type === 'text' ? [n.value] : [])).join('')
    expect(text).toContain('%%hidden?%% $x^2$ [[Note]] ![[embed]] ~~gone~~ > not a quote')
    // Obsidian reads %% and $ before CommonMark does: they must not appear unescaped at all.
    expect(md.replace(/\\[%$]/g, '')).not.toMatch(/%%|\$/)
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

  it('highlights inside marks (a highlight never cuts bold in two), spaces outside, escapes == only', () => {
    expect(md).toContain('plain **b==old text==** ==then== ==a = b \\=\\= c and more==')
    expect(md).toContain('==second== paragraph here')
    expect(md).not.toMatch(/&#x?20;|&#32;/)
    for (const line of md.split('\n')) expect(line.replace(/\\=/g, '').split('==').length % 2, line).toBe(1)
  })

  it('keeps a source’s own structure: headings shifted under the export’s, lists, code', () => {
    expect(md).toContain('##### Intro ==heading==')
    expect(md).toContain('- list ==item== one')
    expect(md).toContain('```js\nlet x = 1\n```')
    expect(md).toContain('> old text then\n\n^p-b1\n')
  })

  it('gives each of several passages in one paragraph its own block, in position order', () => {
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
    expect(out).toContain('==alpha== beta ==gamma== ==delta==\n')
    expect(out.indexOf('^p-z1')).toBeLessThan(out.indexOf('^p-z2'))
    expect(out.indexOf('^p-z2')).toBeLessThan(out.indexOf('^p-y9'))
    expect(out).toContain('supports → [[#^p-z2|gamma]]')
    expect(readExportFiles([{ path: 'x.md', content: out }]).problems).toEqual([])
  })

  it('cleans wikilink aliases that would end the link', () => {
    const odd = withSource(noteDoc(p(t('see [[x]] | #y ^z <b> `t` end'))), [['q', '[[x]] | #y ^z <b> `t`']])
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
    expect(out).toContain('[[#^p-q|x y z b t]]')
    expect(all(parseMarkdown(out)).filter((n) => n.type === 'html')).toEqual([])
  })
})
