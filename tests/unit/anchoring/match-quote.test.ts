import { describe, expect, it } from 'vitest'
import seed from '../../../resources/seed-article.json'
import { matchQuote, similarity } from '../../../src/shared/anchoring'

const text = seed.paragraphs.join('\n')
const quote = 'Ain al-Asad and Baghdad International Airport'
const at = text.indexOf(quote)

describe('similarity', () => {
  it.each([
    ['identical', 'abcdef', 'abcdef', 1],
    ['contained', 'xxabcdefxx', 'abcdef', 1],
    ['one substitution', 'abcXef', 'abcdef', 1 - 1 / 6],
    ['empty pattern', 'abc', '', 1],
    ['empty text', '', 'abc', 0],
  ])('%s', (_name, hay, pattern, expected) => {
    expect(similarity(hay, pattern)).toBeCloseTo(expected, 10)
  })
})

describe('matchQuote', () => {
  it('finds an exact quote with a perfect score at its hint', () => {
    const prefix = text.slice(at - 32, at)
    const suffix = text.slice(at + quote.length, at + quote.length + 32)
    expect(matchQuote(text, quote, { hint: at, prefix, suffix })).toEqual({
      start: at,
      end: at + quote.length,
      score: 1,
      errors: 0,
    })
  })

  it.each([
    ['a typo', 'Ain al-Asad and Bagdad International Airport', 1],
    ['two typos', 'Ain al-Assad and Baghdad Internatonal Airport', 2],
  ])('finds the quote despite %s', (_name, q, errors) => {
    const m = matchQuote(text, q, { hint: at })
    expect(m).toMatchObject({ start: at, end: at + quote.length, errors })
    expect(m!.score).toBeGreaterThan(0.9)
  })

  it('returns null when nothing is within the error budget', () => {
    expect(matchQuote(text, 'zzzzzzzzzzzzzzzzzzzzzzzz', {})).toBeNull()
    expect(matchQuote(text, '', {})).toBeNull()
  })

  it('uses context to choose among equally good candidates', () => {
    const occurrences = [314, 1190, 3002].map((i) => text.slice(i, i + 17))
    expect(new Set(occurrences)).toEqual(new Set(['the U.S. military']))
    for (const i of [314, 1190, 3002]) {
      const m = matchQuote(text, 'the U.S. military', {
        prefix: text.slice(i - 32, i),
        suffix: text.slice(i + 17, i + 49),
      })
      expect(m?.start).toBe(i)
    }
  })

  it('uses the hint when context cannot decide', () => {
    const doubled = 'one two three. ' + 'alpha beta gamma delta. '.repeat(3)
    const first = doubled.indexOf('beta')
    const third = doubled.lastIndexOf('beta')
    expect(matchQuote(doubled, 'beta', { hint: first })?.start).toBe(first)
    expect(matchQuote(doubled, 'beta', { hint: third })?.start).toBe(third)
  })

  it('searches only the from/to window when given', () => {
    const i = text.indexOf('the U.S. military', 1000)
    expect(matchQuote(text, 'the U.S. military', { from: 1000, to: 2000 })?.start).toBe(i)
    expect(matchQuote(text, quote, { from: 0, to: 1000 })).toBeNull()
  })
})
