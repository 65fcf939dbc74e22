// Issue 15, item 8: when the title is taken from the text's first line (or heading), that line
// is not also kept as the first paragraph; a title the user typed keeps the text whole; and no
// text is ever dropped that the title does not hold in full.
import { describe, expect, it } from 'vitest'
import { convertSource, type ImportInput } from '../../../src/core/import/index'
import { plainText } from '../../../src/shared/plain-text'

const convert = (input: ImportInput) => {
  const { title, doc } = convertSource(input)
  return { title, text: plainText(doc) }
}

describe('convertSource: the first line becomes the title, once', () => {
  it('pasted text: the first line is the title and not the start of the text', () => {
    expect(convert({ format: 'text', content: 'Field report\nSecond line\n\nBody paragraph.' })).toEqual({
      title: 'Field report',
      text: 'Second line\nBody paragraph.',
    })
    expect(convert({ format: 'text', content: '  Field report  \n\nBody.' })).toEqual({
      title: 'Field report',
      text: 'Body.',
    })
  })

  it('pasted Markdown: a leading heading or short first paragraph is the title, not the first block', () => {
    expect(convert({ format: 'markdown', content: '# The *Title*\n\nBody with **bold**.' })).toEqual({
      title: 'The Title',
      text: 'Body with bold.',
    })
    expect(convert({ format: 'markdown', content: '## Notes\n\nBody.' })).toEqual({
      title: 'Notes',
      text: 'Body.',
    })
    expect(convert({ format: 'markdown', content: 'Short title\n\nBody.' })).toEqual({
      title: 'Short title',
      text: 'Body.',
    })
  })

  it('imported Markdown and HTML: a leading h1 that gave the title is not repeated', () => {
    expect(convert({ format: 'markdown', content: '# Report\n\nBody.', fileName: 'r.md' })).toEqual({
      title: 'Report',
      text: 'Body.',
    })
    expect(
      convert({
        format: 'html',
        content: '<title>Page</title><h1>Heading</h1><p>Body.</p>',
        fileName: 'p.html',
      }),
    ).toEqual({ title: 'Heading', text: 'Body.' })
  })

  it('keeps the text whole when the user typed a title', () => {
    expect(
      convert({ format: 'text', content: 'Field report\nSecond line\n\nBody.', title: '  My own title ' }),
    ).toEqual({ title: 'My own title', text: 'Field report\nSecond line\nBody.' })
    expect(convert({ format: 'markdown', content: '# Report\n\nBody.', title: 'Mine' })).toEqual({
      title: 'Mine',
      text: 'Report\nBody.',
    })
  })

  it('keeps the text whole when the title does not hold the first line in full', () => {
    const long = 'A first sentence that runs on well past the eighty characters a title may take from it.'
    expect(convert({ format: 'text', content: `${long}\n\nBody.` })).toEqual({
      title: 'A first sentence that runs on well past the eighty characters a title may take…',
      text: `${long}\nBody.`,
    })
    // The title came from elsewhere (a later h1, the HTML <title>, the file name).
    expect(convert({ format: 'markdown', content: 'Intro.\n\n# Later heading' }).text).toBe(
      'Intro.\nLater heading',
    )
    expect(convert({ format: 'html', content: '<title>T</title><p>First.</p><p>Second.</p>' }).text).toBe(
      'First.\nSecond.',
    )
    expect(convert({ format: 'text', content: 'First.\n\nSecond.', fileName: 'notes.txt' })).toEqual({
      title: 'notes',
      text: 'First.\nSecond.',
    })
  })

  it('keeps a source that is only its title, and a first line inside a list, quote or code', () => {
    expect(convert({ format: 'text', content: 'Only a title' })).toEqual({
      title: 'Only a title',
      text: 'Only a title',
    })
    expect(convert({ format: 'markdown', content: '# Only a heading' }).text).toBe('Only a heading')
    for (const content of ['- item\n\nBody.', '> quoted\n\nBody.', '```\ncode\n```\n\nBody.'])
      expect(convert({ format: 'markdown', content }).text).toMatch(/^(item|quoted|code)\nBody\.$/)
  })
})
