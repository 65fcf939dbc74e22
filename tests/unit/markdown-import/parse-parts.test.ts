// Law: parsing a file in parts gives the tree one parse gives, positions included — for every
// export of a hostile notebook and for any Markdown made of lines that can reach across a blank
// line (fences, lists, quotes, HTML, definitions). Parts are cut at every boundary (partChars 1).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import { parseMarkdown } from '../../../src/shared/markdown-import/parse'
import { parseMarkdownInParts, partStarts } from '../../../src/shared/markdown-import/parse-parts'
import { hostileNotebook } from '../export/helpers/hostile-notebook'
import { notebookArb } from '../export/helpers/arbitrary-notebook'

const LINES = [
  '',
  '',
  '# Heading',
  '### [Source](glossa://open/nb/source/s1)',
  '> a quote',
  '> ```',
  '>',
  'lazy text',
  '- item',
  '  - nested',
  '  ```',
  '1. ordered',
  '    indented code',
  '```',
  '````js',
  '~~~',
  '``` not`a fence',
  '<div>',
  '<!-- comment',
  '-->',
  '[ref]: https://example.com',
  'a [ref] use',
  '[^1]: a footnote',
  'text[^1]',
  '%% comment',
  '^p-a1',
  '#tag and text',
  '---',
  '| a | b |',
  '| - | - |',
  '===',
]
const markdownArb = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...LINES), { maxLength: 60 }))
  .map(([front, lines]) => (front ? '---\ntitle: "x"\n# not a heading\n---\n' : '') + lines.join('\n'))

const same = (md: string): void => {
  expect(parseMarkdownInParts(md, 1)).toEqual(parseMarkdown(md))
}

describe('parseMarkdownInParts', () => {
  it('cuts an export into parts and reads the same tree', () => {
    const { files } = exportMarkdown(hostileNotebook(), { layout: 'single' })
    const md = files[0].content
    expect(partStarts(md, 1).length).toBeGreaterThan(3)
    same(md)
  })

  it('reads any exported notebook the same in parts', () => {
    fc.assert(
      fc.property(notebookArb, (nb) => {
        for (const layout of ['single', 'folder'] as const)
          for (const f of exportMarkdown(nb, { layout }).files) same(f.content)
      }),
      { numRuns: 10 },
    )
  }, 120_000)

  it('reads any Markdown of tricky lines the same in parts', () => {
    fc.assert(fc.property(markdownArb, same), { numRuns: 400 })
  })

  it('keeps in one part what reaches across the file', () => {
    const body = '# A\n\ntext\n\n# B\n\n> quote\n\n# C\n\nmore\n'
    expect(partStarts(body, 1)).toEqual([body.indexOf('# B'), body.indexOf('> quote'), body.indexOf('# C')])
    for (const far of ['[x]: https://e.com\n', '<!-- c -->\n', '%% c %%\n', '- a\n\n  ```\n  b\n  ```\n'])
      expect(partStarts(body + '\n' + far, 1)).toEqual([])
    // Inside a fence nothing is cut; an unclosed front matter is one part.
    expect(partStarts('```\n\n# A\n\n```\n\n# B\n', 1)).toEqual(['```\n\n# A\n\n```\n\n'.length])
    expect(partStarts('---\ntitle: x\n\n# A\n', 1)).toEqual([])
  })
})
