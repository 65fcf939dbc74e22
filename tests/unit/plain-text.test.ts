import { describe, expect, it } from 'vitest'
import { docFromParagraphs, plainText, textHash } from '../../src/shared/plain-text'

describe('plainText', () => {
  it('joins text blocks with a newline and keeps hard breaks', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Title' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'a' },
            { type: 'hardBreak' },
            { type: 'text', text: 'b', marks: [{ type: 'bold' }] },
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'item' }] }] },
          ],
        },
      ],
    }
    expect(plainText(doc)).toBe('Title\na\nb\nitem')
  })
  it('counts empty paragraphs', () => {
    expect(plainText(docFromParagraphs(['a', '', 'b']))).toBe('a\n\nb')
  })
  it('hashes deterministically and differently for different text', () => {
    expect(textHash('abc')).toBe(textHash('abc'))
    expect(textHash('abc')).not.toBe(textHash('abd'))
    expect(textHash('')).toMatch(/^[0-9a-f]{14}$/)
  })
})
