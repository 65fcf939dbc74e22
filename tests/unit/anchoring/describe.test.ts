import { describe, expect, it } from 'vitest'
import seed from '../../../resources/seed-article.json'
import { describeRange } from '../../../src/shared/anchoring'
import { LIMITS, TargetSchema } from '../../../src/shared/schema'

const text = seed.paragraphs.join('\n')
const quote = 'Ain al-Asad and Baghdad International Airport'
const at = text.indexOf(quote)

describe('describeRange', () => {
  it('builds quote (32 chars of context each side) and position selectors', () => {
    const t = describeRange(text, at, at + quote.length)
    expect(t.position).toEqual({ start: at, end: at + quote.length })
    expect(t.quote.exact).toBe(quote)
    expect(t.quote.prefix).toBe(text.slice(at - 32, at))
    expect(t.quote.suffix).toBe(text.slice(at + quote.length, at + quote.length + 32))
    expect(TargetSchema.safeParse(t).success).toBe(true)
  })

  it.each([
    ['at the very start', 'abcdef', 0, 2, '', 'cdef'],
    ['at the very end', 'abcdef', 4, 6, 'abcd', ''],
    ['the whole text', 'abcdef', 0, 6, '', ''],
    ['long text', 'x'.repeat(40) + 'Q' + 'y'.repeat(40), 40, 41, 'x'.repeat(32), 'y'.repeat(32)],
  ])('clips context for %s', (_name, t, start, end, prefix, suffix) => {
    expect(describeRange(t, start, end).quote).toEqual({ exact: t.slice(start, end), prefix, suffix })
  })

  it.each([
    ['collapsed', 10, 10, /empty/],
    ['reversed', 10, 5, /empty/],
    ['negative start', -1, 5, /outside/],
    ['end past the text', 0, text.length + 1, /outside/],
    ['fractional', 1.5, 4, /integers/],
    ['NaN', Number.NaN, 4, /integers/],
  ])('throws a clear error for a %s range', (_name, start, end, message) => {
    expect(() => describeRange(text, start, end)).toThrow(message)
  })

  describe('keeps whole characters (an emoji is two UTF-16 code units)', () => {
    const t = 'a😀b😎c' // 😀 is t[1..3), 😎 is t[4..6)
    it.each([
      ['an end inside a character', 0, 2, 'a😀', 0, 3],
      ['a start inside a character', 2, 4, '😀b', 1, 4],
      ['both ends inside characters', 2, 5, '😀b😎', 1, 6],
      ['only half a character', 5, 6, '😎', 4, 6],
    ])('widens %s', (_name, start, end, exact, from, to) => {
      const target = describeRange(t, start, end)
      expect(target.quote.exact).toBe(exact)
      expect(target.position).toEqual({ start: from, end: to })
      expect(target.quote.exact).not.toMatch(/\p{Cs}/u) // no lone half of a character
    })

    it('narrows context that would begin or end inside a character', () => {
      const long = '😀' + 'x'.repeat(31) + 'Q' + 'y'.repeat(31) + '😎'
      const at = long.indexOf('Q')
      const { quote } = describeRange(long, at, at + 1)
      expect(quote.prefix).toBe('x'.repeat(31))
      expect(quote.suffix).toBe('y'.repeat(31))
    })

    it('narrows instead where widening would pass the quote limit', () => {
      const long = 'a'.repeat(LIMITS.quoteChars - 1) + '😀b'
      const target = describeRange(long, 0, LIMITS.quoteChars) // ends inside the emoji
      expect(target.position).toEqual({ start: 0, end: LIMITS.quoteChars - 1 })
      const both = '😀' + 'a'.repeat(LIMITS.quoteChars - 2) + '😀'
      expect(describeRange(both, 1, LIMITS.quoteChars + 1).position).toEqual({
        start: 2,
        end: LIMITS.quoteChars,
      })
    })

    it('leaves ranges on whole characters as they are', () => {
      expect(describeRange(t, 1, 3).position).toEqual({ start: 1, end: 3 })
      expect(describeRange('\ud83d', 0, 1).quote.exact).toBe('\ud83d') // a lone half has no pair to join
    })
  })

  it('throws on an empty text', () => {
    expect(() => describeRange('', 0, 0)).toThrow(/empty/)
  })
})
