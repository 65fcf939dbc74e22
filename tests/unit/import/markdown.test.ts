import { describe, expect, it } from 'vitest'
import { markdownToDoc } from '../../../src/core/import/markdown'
import { plainText } from '../../../src/shared/plain-text'
import { assertSafeDoc } from './assert-safe'

const t = (text: string, ...marks: object[]) =>
  marks.length ? { type: 'text', text, marks } : { type: 'text', text }
const p = (...content: object[]) => ({ type: 'paragraph', content })
const li = (...content: object[]) => ({ type: 'listItem', content })
const md = (source: string) => {
  const doc = markdownToDoc(source)
  assertSafeDoc(doc)
  return doc.content
}

describe('markdown import', () => {
  it('maps headings and clamps levels deeper than 3', () => {
    expect(md('# One\n\n## Two\n\nSetext\n---\n\n#### Four\n\n###### Six')).toEqual([
      { type: 'heading', attrs: { level: 1 }, content: [t('One')] },
      { type: 'heading', attrs: { level: 2 }, content: [t('Two')] },
      { type: 'heading', attrs: { level: 2 }, content: [t('Setext')] },
      { type: 'heading', attrs: { level: 3 }, content: [t('Four')] },
      { type: 'heading', attrs: { level: 3 }, content: [t('Six')] },
    ])
  })

  it('maps inline marks, soft and hard breaks', () => {
    expect(md('a *i* **b** ~~s~~ `c` ***bi***\nsoft  \nhard')).toEqual([
      p(
        t('a '),
        t('i', { type: 'italic' }),
        t(' '),
        t('b', { type: 'bold' }),
        t(' '),
        t('s', { type: 'strike' }),
        t(' '),
        t('c', { type: 'code' }),
        t(' '),
        t('bi', { type: 'italic' }, { type: 'bold' }),
        t(' soft'),
        { type: 'hardBreak' },
        t('hard'),
      ),
    ])
  })

  it('keeps safe links, resolves references, drops unsafe hrefs but keeps their text', () => {
    const doc = md(
      '[a](https://x.org) [m](mailto:a@b.c) [r][ref] [rel](/local) [bad](javascript:alert(1))\n\n[ref]: http://ref.org',
    )
    expect(doc).toEqual([
      p(
        t('a', { type: 'link', attrs: { href: 'https://x.org' } }),
        t(' '),
        t('m', { type: 'link', attrs: { href: 'mailto:a@b.c' } }),
        t(' '),
        t('r', { type: 'link', attrs: { href: 'http://ref.org' } }),
        t(' rel bad'),
      ),
    ])
  })

  it('drops the code mark where TipTap forbids combining it, keeping the link', () => {
    expect(md('[`fn`](https://x.org)')).toEqual([
      p(t('fn', { type: 'link', attrs: { href: 'https://x.org' } })),
    ])
  })

  it('nests lists, keeps ordered starts and task state', () => {
    expect(md('- a\n  - b\n    1. c\n- d\n\n3. x\n4. y\n\n- [x] done')).toEqual([
      {
        type: 'bulletList',
        content: [
          li(p(t('a')), {
            type: 'bulletList',
            content: [li(p(t('b')), { type: 'orderedList', content: [li(p(t('c')))] })],
          }),
          li(p(t('d'))),
        ],
      },
      { type: 'orderedList', attrs: { start: 3 }, content: [li(p(t('x'))), li(p(t('y')))] },
      { type: 'bulletList', content: [li(p(t('[x] done')))] },
    ])
  })

  it('gives a list item that opens with a non-paragraph a leading paragraph', () => {
    expect(md('- # h\n- ```\n  code\n  ```')).toEqual([
      {
        type: 'bulletList',
        content: [li(p(t('h'))), li({ type: 'paragraph' }, { type: 'codeBlock', content: [t('code')] })],
      },
    ])
  })

  it('maps blockquotes, code blocks and rules', () => {
    expect(md('> q\n>\n> > inner\n\n```js\nlet  a = 1\n  b\n```\n\n***')).toEqual([
      { type: 'blockquote', content: [p(t('q')), { type: 'blockquote', content: [p(t('inner'))] }] },
      { type: 'codeBlock', content: [t('let  a = 1\n  b')] },
      { type: 'horizontalRule' },
    ])
  })

  it('turns images into their alt text and flattens tables to " | " rows', () => {
    expect(md('See ![a chart](c.png) here\n\n| A | *B* |\n|---|---|\n| 1 |  |')).toEqual([
      p(t('See a chart here')),
      p(t('A | '), t('B', { type: 'italic' })),
      p(t('1 |')),
    ])
  })

  it('does not render raw HTML: block HTML keeps only sanitized text, inline tags vanish', () => {
    const doc = md('<div><b>kept</b><script>gone()</script></div>\n\nx <span>y</span> <style>p{}</style> z')
    expect(plainText({ type: 'doc', content: doc })).toBe('kept\nx y z')
  })

  it('flattens absurdly deep nesting instead of building it', () => {
    const deep = Array.from({ length: 60 }, (_, i) => '  '.repeat(i) + '- x').join('\n')
    let depth = 0
    for (
      let node = md(deep)?.[0];
      node;
      node = node.content?.[0]?.content?.find((c) => c.type === 'bulletList')
    )
      depth++
    expect(depth).toBeGreaterThan(20)
    expect(depth).toBeLessThanOrEqual(25)
  })
})
