// The Markdown pre-check refuses at once what the parser would take minutes over, and lets
// long but ordinary documents through (tables and tight lists are many short inline runs).
import { describe, expect, it } from 'vitest'
import { checkMarkdownComplexity, MAX_MARKS_PER_PARAGRAPH } from '../../../src/core/import/complexity'
import { convertSource, ImportError } from '../../../src/core/import/index'

function refusal(content: string, fileName?: string): ImportError | null {
  try {
    checkMarkdownComplexity(content, fileName)
    return null
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError)
    return error as ImportError
  }
}

describe('markdown complexity pre-check', () => {
  it.each([
    ['80 KB of brackets', '['.repeat(80_000)],
    ['brackets on many lines of one paragraph', '[a\n'.repeat(20_000)],
    ['alternating emphasis marks', '*_'.repeat(40_000)],
    ['intraword stars', 'a*b c*d\n'.repeat(6_000)],
    ['a list item full of brackets', '- ' + '['.repeat(20_000)],
  ])('refuses %s as too complex, saying nothing was added', (_, content) => {
    const error = refusal(content, 'C:\\notes\\hostile.md')
    expect(error?.code).toBe('import/too-complex')
    expect(error?.message).toBe(
      'The file “hostile.md” is too complex to convert: one paragraph holds more than 10,000 emphasis or link marks (*, _, ~, [). Nothing was added.',
    )
  })

  it('refuses through convertSource too, for pasted Markdown, before parsing', () => {
    expect(() => convertSource({ format: 'markdown', content: '['.repeat(80_000) })).toThrow(
      /^The pasted text is too complex to convert/,
    )
  })

  it.each([
    ['a big table', '| a | b |\n|---|---|\n' + '| [x](http://a) *e* | [y] _u_ |\n'.repeat(5_000)],
    ['a long tight list', '- [x](http://a) *e* [y] _u_\n'.repeat(5_000)],
    ['snake_case lines in one paragraph', 'user_id_1,first_name,last_name\n'.repeat(10_000)],
    [
      'many paragraphs with links and emphasis',
      'A [link](https://x.org) and *some* **emphasis**.\n\n'.repeat(20_000),
    ],
    [
      'a long horizontal rule and code fence',
      '*'.repeat(50_000) + '\n\n```\n' + '['.repeat(50_000) + '\n```',
    ],
  ])('lets %s through', (_, content) => {
    expect(refusal(content)).toBeNull()
  })

  it('counts a paragraph exactly up to the limit', () => {
    expect(refusal('['.repeat(MAX_MARKS_PER_PARAGRAPH))).toBeNull()
    expect(refusal('['.repeat(MAX_MARKS_PER_PARAGRAPH + 1))?.code).toBe('import/too-complex')
  })
})
