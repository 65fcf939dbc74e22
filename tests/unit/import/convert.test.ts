import { describe, expect, it } from 'vitest'
import {
  convertSource,
  ImportError,
  type ImportFormat,
  type ImportInput,
} from '../../../src/core/import/index'
import { LIMITS } from '../../../src/shared/schema'
import { assertSafeDoc } from './assert-safe'

function importError(input: ImportInput): ImportError {
  try {
    convertSource(input)
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError)
    return error as ImportError
  }
  throw new Error('expected an ImportError')
}
const title = (format: ImportFormat, content: string, fileName?: string) =>
  convertSource({ format, content, fileName }).title

describe('convertSource: title', () => {
  it('uses the first h1 in Markdown and HTML', () => {
    expect(title('markdown', 'intro\n\n## Sub\n\n# The *Title*\n\n# Later', 'f.md')).toBe('The Title')
    expect(title('html', '<title>Head</title><h2>Sub</h2><h1>Main <b>one</b></h1>', 'f.html')).toBe(
      'Main one',
    )
  })
  it('falls back to the HTML <title>, then the file name without extension', () => {
    expect(title('html', '<title> Page  title </title><p>body</p>', 'f.html')).toBe('Page title')
    expect(title('html', '<p>body</p>', 'C:\\docs\\Report.v2.html')).toBe('Report.v2')
    expect(title('markdown', '#### Not h1', '/home/u/notes.md')).toBe('notes')
    expect(title('text', 'text', '.hidden')).toBe('.hidden')
  })
  it('then uses the first line clipped to 80 characters, "…" included', () => {
    expect(title('text', '\n   \nFirst line\nsecond')).toBe('First line')
    const long = 'word '.repeat(40)
    expect(title('text', long)).toBe(long.slice(0, 79).trimEnd() + '…')
    expect(title('text', '😀'.repeat(100))).toBe('😀'.repeat(79) + '…')
  })
})

describe('convertSource: errors', () => {
  it('rejects content over the limit before parsing, with a readable message', () => {
    const error = importError({ format: 'markdown', content: 'a'.repeat(LIMITS.sourceTextChars + 1) })
    expect(error.code).toBe('import/too-large')
    expect(error.name).toBe('ImportError')
    expect(error.message).toMatch(/too large.*5,000,000/)
    expect(error.toJSON()).toEqual({ code: 'import/too-large', message: error.message })
  })
  it('accepts content exactly at the limit', () => {
    const { doc } = convertSource({ format: 'text', content: 'a'.repeat(LIMITS.sourceTextChars) })
    expect(doc.content?.[0]?.content?.[0]?.text).toHaveLength(LIMITS.sourceTextChars)
  })
  it.each<[ImportFormat, string]>([
    ['text', ''],
    ['text', ' \r\n\t\n  '],
    ['markdown', '\n\n   \n'],
    ['markdown', '<!-- only a comment -->\n\n---\n\n![](x.png)'],
    ['html', '<html><head><title>T</title></head><body> <p> </p><script>x()</script></body></html>'],
    ['html', '\uFEFF'],
  ])('reports %s %j as empty', (format, content) => {
    const error = importError({ format, content })
    expect(error.code).toBe('import/empty')
    expect(error.message).toBe('The file has no readable text.')
  })
  it('rejects an unknown format and non-string content as invalid', () => {
    expect(importError({ format: 'pdf' as ImportFormat, content: 'x' }).code).toBe('import/invalid')
    expect(importError({ format: 'text', content: 42 as unknown as string }).code).toBe('import/invalid')
  })
  it('turns pathological nesting into import/invalid instead of crashing', () => {
    const error = importError({ format: 'html', content: '<div>'.repeat(50_000) + 'x' })
    expect(error.code).toBe('import/invalid')
  })
})

describe('convertSource: output', () => {
  it('returns valid documents for every format', () => {
    for (const [format, content] of [
      ['text', 'a\nb\n\nc'],
      ['markdown', '# T\n\n- a\n  > q\n\n1. `x`'],
      ['html', '<h1>T</h1><ul><li><blockquote>q</blockquote></li></ul>'],
    ] as const)
      assertSafeDoc(convertSource({ format, content }).doc)
  })
  it('strips a byte order mark', () => {
    expect(convertSource({ format: 'text', content: '\uFEFFHello' }).doc.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] },
    ])
  })
})
