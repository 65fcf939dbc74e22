import { describe, expect, it } from 'vitest'
import seed from '../../../resources/seed-article.json'
import {
  anchorTarget,
  anchorWithoutHint,
  describeRange,
  type AnchorStrategy,
} from '../../../src/shared/anchoring'

const T = seed.paragraphs.join('\n')
const AIRPORTS = 'Ain al-Asad and Baghdad International Airport'
const PHASE =
  'the first phase, expected to run through September 2025, will see the end of the coalition’s mission against ISIS'
const TWO_PHASE = T.slice(T.indexOf('The agreement involves'), T.indexOf('The second phase'))
const LOOKALIKE =
  'the final phase, expected to run through December 2027, will see the start of the coalition’s mission against Hezbollah'

const replace = (text: string, from: string, to: string): string => {
  expect(text.includes(from)).toBe(true)
  return text.replace(from, to)
}
/** Target for the `nth` occurrence of `quote` in `text`. */
const targetOf = (text: string, quote: string, nth = 0) => {
  let at = text.indexOf(quote)
  for (let k = 0; k < nth; k++) at = text.indexOf(quote, at + 1)
  expect(at).toBeGreaterThanOrEqual(0)
  return describeRange(text, at, at + quote.length)
}

type Expected = { strategy: AnchorStrategy; text: string } | null
const cases: [name: string, before: string, quote: string, after: string, expected: Expected][] = [
  ['unchanged', T, AIRPORTS, T, { strategy: 'position', text: AIRPORTS }],
  ['text appended after it', T, AIRPORTS, T + '\nA postscript.', { strategy: 'position', text: AIRPORTS }],
  ['text inserted before it', T, AIRPORTS, 'BREAKING: ' + T, { strategy: 'exact', text: AIRPORTS }],
  [
    'its paragraph moved to the end',
    T,
    AIRPORTS,
    [seed.paragraphs[1], seed.paragraphs[2], seed.paragraphs[0]].join('\n'),
    { strategy: 'exact', text: AIRPORTS },
  ],
  [
    'a whole paragraph moved between others (no context left)',
    T,
    seed.paragraphs[1],
    [seed.paragraphs[2], seed.paragraphs[1], seed.paragraphs[0]].join('\n'),
    { strategy: 'exact', text: seed.paragraphs[1] },
  ],
  [
    'its prefix reworded and shifted',
    T,
    AIRPORTS,
    replace(T, 'bases, including', 'bases, such as'),
    { strategy: 'exact', text: AIRPORTS },
  ],
  [
    'a typo fixed inside it',
    replace(T, AIRPORTS, 'Ain al-Asad and Bagdad Internatinal Airport'),
    'Ain al-Asad and Bagdad Internatinal Airport',
    T,
    { strategy: 'fuzzy', text: AIRPORTS },
  ],
  [
    'a hyphen removed inside it',
    T,
    AIRPORTS,
    replace(T, AIRPORTS, 'Ain al Asad and Baghdad International Airport'),
    { strategy: 'fuzzy', text: 'Ain al Asad and Baghdad International Airport' },
  ],
  [
    'a date corrected inside a long quote',
    T,
    PHASE,
    replace(T, 'September 2025', 'September 2026'),
    { strategy: 'fuzzy', text: PHASE.replace('2025', '2026') },
  ],
  [
    'its paragraph moved and a typo fixed at its start',
    replace(T, 'troops from Iraq', 'troops from Irak'),
    'The withdrawal of U.S. troops from Irak',
    [seed.paragraphs[0], seed.paragraphs[2], seed.paragraphs[1]].join('\n'),
    { strategy: 'fuzzy', text: 'The withdrawal of U.S. troops from Iraq' },
  ],
  [
    'a typo fixed and text inserted far before',
    T,
    AIRPORTS,
    'x'.repeat(5000) + replace(T, 'Baghdad', 'Bagdad'),
    { strategy: 'fuzzy', text: 'Ain al-Asad and Bagdad International Airport' },
  ],
  ['it rewritten', T, AIRPORTS, replace(T, AIRPORTS, 'two airfields near the capital'), null],
  ['its sentence deleted', T, AIRPORTS, replace(T, TWO_PHASE, ''), null],
  ['its paragraph deleted', T, PHASE, [seed.paragraphs[1], seed.paragraphs[2]].join('\n'), null],
  ['the text emptied', T, AIRPORTS, '', null],
  // A short quote whose passage is gone must not jump to one of the other 15 "Iraq"s.
  [
    'a short quote’s sentence deleted',
    T,
    'Iraq until 2026',
    replace(
      T,
      'The second phase anticipates continued U.S. operations in Iraq until 2026, focusing on counter-ISIS initiatives in Syria. ',
      '',
    ),
    null,
  ],
  [
    'a short quote’s fact changed in place (3 errors in 15 chars)',
    T,
    'Iraq until 2026',
    replace(T, 'Iraq until 2026', 'Syria until 2026'),
    null,
  ],
  [
    'a short quote deleted, a near copy with other facts elsewhere',
    T,
    'Iraq until 2026',
    replace(
      replace(T, 'operations in Iraq until 2026, focusing', 'operations, focusing'),
      'In summary, ',
      'In summary, with troops in Iraq until 2025, ',
    ),
    null,
  ],
  [
    'a short word deleted while others remain',
    T,
    'Iraq, specifically',
    replace(T, 'mission in Iraq, specifically', 'mission, specifically'),
    null,
  ],
]

describe('anchorTarget', () => {
  it.each(cases)('%s', (_name, before, quote, after, expected) => {
    const result = anchorTarget(after, targetOf(before, quote))
    if (expected === null) {
      expect(result).toBeNull()
      return
    }
    expect(result).not.toBeNull()
    expect(result!.strategy).toBe(expected.strategy)
    expect(after.slice(result!.start, result!.end)).toBe(expected.text)
    expect(result!.start).toBe(after.indexOf(expected.text))
    // The score gates fuzzy matches only; for the others it just reports how much context survived.
    expect(result!.score).toBeGreaterThan(expected.strategy === 'fuzzy' ? 0.75 : 0.5)
    expect(result!.score).toBeLessThanOrEqual(1)
  })

  describe('a quote that occurs three times', () => {
    const q = 'the U.S. military'
    const shifted = 'Editor’s note: updated. ' + T
    it.each([0, 1, 2])('keeps occurrence %i apart from the others by its context', (nth) => {
      const target = targetOf(T, q, nth)
      const result = anchorTarget(shifted, target)
      expect(result).toMatchObject({ strategy: 'exact', start: target.position.start + 24 })
    })
  })

  it('finds a short quote edited in place even though verbatim copies remain elsewhere', () => {
    const target = targetOf(T, 'the U.S. military', 1) // "...for the U.S. military to scale back"
    const after = replace(T, 'for the U.S. military to', 'for the U.S. militray to')
    expect(anchorTarget(after, target)).toMatchObject({
      strategy: 'fuzzy',
      start: target.position.start,
      end: target.position.end,
    })
  })

  describe('a passage repeated with identical context', () => {
    const doubled = T + '\n' + T
    const second = T.length + 1
    it.each([
      ['first copy, text inserted at the start', 0, 0],
      ['second copy, text inserted at the start', 1, 0],
      ['first copy, text inserted between the copies', 0, second],
      ['second copy, text inserted between the copies', 1, second],
    ])('%s: the copy nearest the old position wins', (_name, nth, insertAt) => {
      const target = targetOf(doubled, AIRPORTS, nth)
      const after = doubled.slice(0, insertAt) + 'NEW TEXT. ' + doubled.slice(insertAt)
      const shift = insertAt <= target.position.start ? 10 : 0
      expect(anchorTarget(after, target)).toMatchObject({ start: target.position.start + shift })
    })
  })

  describe('lookalikes', () => {
    it('does not attach to another sentence sharing most words (but not facts) once the passage is gone', () => {
      const target = targetOf(T, PHASE)
      const elsewhere = replace(replace(T, TWO_PHASE, ''), 'In summary, ', `In summary, ${LOOKALIKE}; `)
      const nearby = replace(T, TWO_PHASE, `Earlier drafts said ${LOOKALIKE}. `)
      for (const after of [elsewhere, nearby]) {
        // The naive whole-text search happily attaches to the lookalike...
        const naive = anchorWithoutHint(after, PHASE)
        expect(naive && after.slice(naive.start, naive.end)).toContain('December 2027')
        // ...the scored anchor refuses it.
        expect(anchorTarget(after, target)).toBeNull()
      }
    })

    it('refuses a lookalike even with lenient error budget, because its context differs', () => {
      const after = replace(replace(T, TWO_PHASE, ''), 'In summary, ', `In summary, ${LOOKALIKE}; `)
      expect(anchorTarget(after, targetOf(T, PHASE), { maxErrorRate: 0.5 })).toBeNull()
    })
  })

  it('does not move a one-word quote to another occurrence with unrelated context', () => {
    const target = targetOf(T, 'Iraq', 1) // "...military mission in Iraq, specifically..."
    expect(target.position.start).toBe(T.indexOf('Iraq, specifically'))
    expect(
      anchorTarget(replace(T, 'mission in Iraq, specifically', 'mission, specifically'), target),
    ).toBeNull()
    // ...but follows it when only its surroundings shifted.
    expect(anchorTarget('Update. ' + T, target)).toMatchObject({
      strategy: 'exact',
      start: target.position.start + 8,
    })
  })

  it('ignores a stale position that now points past the end of the text', () => {
    const target = targetOf(T, AIRPORTS)
    const short = seed.paragraphs[0]
    expect(anchorTarget(short, { ...target, position: { start: 90_000, end: 90_045 } })).toMatchObject({
      strategy: 'exact',
      start: short.indexOf(AIRPORTS),
    })
  })
})
