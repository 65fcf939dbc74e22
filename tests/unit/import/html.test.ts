import { describe, expect, it } from 'vitest'
import { htmlToDoc } from '../../../src/core/import/html'
import { plainText } from '../../../src/shared/plain-text'
import { assertSafeDoc } from './assert-safe'

const t = (text: string, ...marks: object[]) =>
  marks.length ? { type: 'text', text, marks } : { type: 'text', text }
const p = (...content: object[]) => ({ type: 'paragraph', content })
const li = (...content: object[]) => ({ type: 'listItem', content })
const html = (source: string) => {
  const { doc } = htmlToDoc(source)
  assertSafeDoc(doc)
  return doc.content
}

describe('html import', () => {
  it('maps headings (clamped), paragraphs and inline marks', () => {
    expect(
      html(
        '<h1>T</h1><h5>Deep</h5><p><b>b</b><strong>s</strong> <i>i</i><em>e</em> <s>x</s><del>d</del> <code>c</code></p>',
      ),
    ).toEqual([
      { type: 'heading', attrs: { level: 1 }, content: [t('T')] },
      { type: 'heading', attrs: { level: 3 }, content: [t('Deep')] },
      p(
        t('bs', { type: 'bold' }),
        t(' '),
        t('ie', { type: 'italic' }),
        t(' '),
        t('xd', { type: 'strike' }),
        t(' '),
        t('c', { type: 'code' }),
      ),
    ])
  })

  it('collapses whitespace like a browser, but not inside <pre>', () => {
    expect(html('<p>\n  a \t\n b  <b> c </b> d<br>\n  e  </p><pre>  x\n    y\n</pre>')).toEqual([
      p(t('a b '), t('c ', { type: 'bold' }), t('d'), { type: 'hardBreak' }, t('e')),
      { type: 'codeBlock', content: [t('  x\n    y')] },
    ])
  })

  it('nests lists, keeps <ol start> and wraps loose list content', () => {
    expect(
      html(
        '<ul><li>a<ul><li>b</li></ul></li><li><p>c</p><p>d</p></li></ul><ol start="4"><li>x</li>stray</ol>',
      ),
    ).toEqual([
      {
        type: 'bulletList',
        content: [li(p(t('a')), { type: 'bulletList', content: [li(p(t('b')))] }), li(p(t('c')), p(t('d')))],
      },
      { type: 'orderedList', attrs: { start: 4 }, content: [li(p(t('x'))), li(p(t('stray')))] },
    ])
  })

  it('maps blockquotes and rules, and never leaves text directly under a container', () => {
    expect(html('<blockquote>loose <em>text</em><p>para</p></blockquote><hr>tail')).toEqual([
      { type: 'blockquote', content: [p(t('loose '), t('text', { type: 'italic' })), p(t('para'))] },
      { type: 'horizontalRule' },
      p(t('tail')),
    ])
  })

  it('keeps safe links only', () => {
    expect(
      html(
        '<a href="https://x.org" onclick="evil()" title="t">ok</a> <a href="/rel">rel</a> <a href="data:text/html,hi">d</a>',
      ),
    ).toEqual([p(t('ok', { type: 'link', attrs: { href: 'https://x.org' } }), t(' rel d'))])
  })

  it('keeps the text of harmless unknown elements and breaks blocks where a browser would', () => {
    const doc = html(
      '<section><article>a<span>b</span><div>c</div>d</article></section><table><tr><th>H1</th><th>H2</th></tr><tr><td><p>1</p></td><td>2</td></tr></table><dl><dt>term</dt><dd>def</dd></dl>',
    )
    expect(plainText({ type: 'doc', content: doc })).toBe('ab\nc\nd\nH1 | H2\n1 | 2\nterm\ndef')
  })

  it('drops dangerous elements with their text, and comments', () => {
    const doc = html(
      '<p>a<script>s()</script><style>p{}</style><!-- c --><noscript>n</noscript><template>t</template>b</p><iframe>i</iframe><svg><text>v</text></svg>',
    )
    expect(doc).toEqual([p(t('ab'))])
  })

  it('reads <title> from the document head, and images as alt text', () => {
    const { doc, title } = htmlToDoc(
      '<html><head><title>\n  Page   title </title></head><body><img src="x" alt="Alt text"></body></html>',
    )
    expect(title).toBe('Page title')
    expect(doc.content).toEqual([p(t('Alt text'))])
  })

  it('drops empty blocks and list items', () => {
    expect(
      html(
        '<p> </p><p><br></p><h2></h2><ul><li></li></ul><blockquote> </blockquote><pre>\n</pre><ol><li> </li><li>y</li></ol>x',
      ),
    ).toEqual([{ type: 'orderedList', content: [li(p(t('y')))] }, p(t('x'))])
  })
})
