// The lexicon must cut text exactly as MiniSearch's tokenizer (text.split on separators and
// punctuation) and count a field's length as MiniSearch does (distinct raw words, "" included);
// fuzzy lookups must find exactly the terms within the edit distance.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldTerm } from '../../../src/shared/search/fold'
import { banded, myers } from '../../../src/shared/search/fuzzy'
import { Lexicon, NO_TERM, splitWords } from '../../../src/shared/search/lexicon'

/** Letters, accents, transliteration marks, Arabic, punctuation, spaces, line breaks, emoji and an astral separator, lone surrogates. */
const ALPHABET = [
  'a',
  'b',
  'Z',
  'é',
  'ḥ',
  'ʿ',
  "'",
  'ع',
  '-',
  '.',
  ' ',
  '\u00a0',
  '\n',
  '\r',
  '😀',
  '𐄀',
  '1',
  '_',
  '“',
  '\ud800', // lone surrogates, and halves that may pair with a neighbour
  '\udc00',
]
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 30 }).map((cs) => cs.join(''))

function naive(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
  return d[a.length][b.length]
}

describe('Lexicon', () => {
  it('reads the words and field length MiniSearch would', () => {
    const lex = new Lexicon()
    fc.assert(
      fc.property(text, (t) => {
        const length = lex.read(t)
        const raw = splitWords(t)
        expect(length).toBe(new Set(raw).size)
        const terms = [...lex.found.subarray(0, lex.foundCount)].map((id) =>
          id === NO_TERM ? '' : lex.terms[id],
        )
        expect(terms).toEqual(raw.filter((w) => w !== '').map(foldTerm))
      }),
      { numRuns: 500 },
    )
  })

  it('finds terms by prefix, also terms added after the sorted list was built', () => {
    const lex = new Lexicon()
    lex.read('harbour harbinger hare Ḥarīr other')
    const prefixed = (p: string) =>
      lex
        .withPrefix(p)
        .map((id) => lex.terms[id])
        .sort()
    expect(prefixed('har')).toEqual(['harbinger', 'harbour', 'hare', 'harir'])
    lex.read('hardly')
    expect(prefixed('hard')).toEqual(['hardly'])
    expect(prefixed('zz')).toEqual([])
  })
})

describe('edit distance', () => {
  const word = fc.array(fc.constantFrom('a', 'b', 'c', 'é', '😀'), { maxLength: 12 }).map((cs) => cs.join(''))

  it('bit-parallel and banded agree with the textbook recurrence', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const d = naive(a, b)
        if (a.length > 0) expect(myers(a)(b)).toBe(d)
        expect(banded(a, b, max)).toBe(Math.min(d, max + 1))
      }),
      { numRuns: 500 },
    )
  })

  it('handles 32-unit words (a full machine word) and longer ones', () => {
    const a = 'abcdefghijklmnopqrstuvwxyzabcdef'
    expect(myers(a)(a)).toBe(0)
    expect(myers(a)(`${a.slice(0, 31)}x`)).toBe(1)
    const lex = new Lexicon()
    lex.read(`${a}gh ${a}`)
    const near = lex.withinDistance(`${a}g`, 2)
    expect([...near.entries()].map(([id, d]) => [lex.terms[id], d]).sort()).toEqual([
      [a, 1],
      [`${a}gh`, 1],
    ])
  })
})
