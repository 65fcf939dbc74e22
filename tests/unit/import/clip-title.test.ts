// A new source's automatic title is cut between whole characters (grapheme clusters), at a
// word's end when one is near, and ends in "…"; a title that fits is left as it is.
import { describe, expect, it } from 'vitest'
import { convertSource } from '../../../src/core/import/index'
import { clipTitle } from '../../../src/core/import/clip-title'
import { codePoints } from '../../../src/shared/text-length'
import { LIMITS, SourceSchema } from '../../../src/shared/schema'

const graphemes = (s: string) =>
  Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s), (g) => g.segment)

/** The cut keeps whole clusters of the original: every cluster of the result but the "…" is
 * one of the original's, in order from its start, and no lone surrogate is left. */
function expectWholeClusters(original: string, clipped: string) {
  expect(clipped.endsWith('…')).toBe(true)
  expect(clipped).not.toMatch(LONE_SURROGATE)
  const kept = graphemes(clipped.slice(0, -1))
  expect(graphemes(original.trim()).slice(0, kept.length)).toEqual(kept)
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const FAMILY = '👨‍👩‍👧'
const FLAG = '🇮🇶'
const WAVE_DARK = '👋🏿'
const E_ACUTE = 'e\u0301' // e + combining acute accent

describe('clipTitle', () => {
  it('leaves a title that fits unchanged (trimmed), at the limit too', () => {
    expect(clipTitle('  Field report ', 80)).toBe('Field report')
    expect(clipTitle('x'.repeat(80), 80)).toBe('x'.repeat(80))
    expect(clipTitle(FLAG.repeat(40), 80)).toBe(FLAG.repeat(40)) // 80 code points
    expect(clipTitle('تقرير ميداني', 80)).toBe('تقرير ميداني')
  })

  it('never ends inside a flag (two regional indicators)', () => {
    for (let pad = 0; pad < 4; pad++) {
      const text = 'a'.repeat(pad) + FLAG.repeat(60)
      const clipped = clipTitle(text, 80)
      expectWholeClusters(text, clipped)
      expect(codePoints(clipped)).toBeLessThanOrEqual(80)
      expect(clipped.slice(0, -1).replace(/^a*/, '')).toBe(FLAG.repeat((clipped.length - 1 - pad) / 4))
    }
  })

  it('never ends inside a ZWJ family, a skin-tone modifier or a combining accent', () => {
    for (const unit of [FAMILY, WAVE_DARK, E_ACUTE, `caf${E_ACUTE}`])
      for (let pad = 0; pad < 8; pad++) {
        const text = 'b'.repeat(pad) + unit.repeat(100)
        const clipped = clipTitle(text, 80)
        expectWholeClusters(text, clipped)
        expect(codePoints(clipped)).toBeLessThanOrEqual(80)
      }
  })

  it('cuts at the last word when it is near, and does not leave a comma or dash before "…"', () => {
    const text = `A family ${FAMILY} of several generations`
    expect(clipTitle(text, 22)).toBe(`A family ${FAMILY} of…`)
    expect(clipTitle('The quick brown fox jumps over the lazy dog', 20)).toBe('The quick brown fox…')
    expect(clipTitle('Reports, notes, and letters from the field', 17)).toBe('Reports, notes…')
    expect(clipTitle('One two — three four five', 10)).toBe('One two…')
  })

  it('cuts Arabic at a word too', () => {
    const text = 'تقرير ميداني عن الأوضاع الإنسانية في المدينة القديمة'
    const clipped = clipTitle(text, 30)
    expectWholeClusters(text, clipped)
    expect(text.startsWith(clipped.slice(0, -1) + ' ')).toBe(true)
  })

  it('cuts mid-word when the last word boundary is too far back (a long address)', () => {
    const url = `see https://example.org/${'x'.repeat(200)}`
    const clipped = clipTitle(url, 80)
    expect(clipped).toBe(url.slice(0, 79) + '…')
  })

  it('gives "…" when not one whole character fits', () => {
    expect(clipTitle('a' + '\u0301'.repeat(20), 10)).toBe('…')
  })
})

describe('a new source’s automatic title', () => {
  const title = (content: string) => convertSource({ format: 'text', content }).title

  it('from a first line of 80+ characters keeps whole clusters and the schema’s limit', () => {
    const lines = [
      `A family ${FAMILY} of s`.padEnd(79, '.') + FAMILY + ' more',
      'x'.repeat(79) + FLAG + FLAG,
      'y'.repeat(78) + WAVE_DARK.repeat(3),
      'z'.repeat(79) + E_ACUTE + E_ACUTE,
      'مرحبا '.repeat(30),
    ]
    for (const line of lines) {
      const t = title(`${line}\n\nBody.`)
      expectWholeClusters(line, t)
      expect(codePoints(t)).toBeLessThanOrEqual(80)
    }
  })

  it('from a typed title over the limit: cut, whole clusters, and a source the schema accepts', () => {
    const typed = `${FAMILY} `.repeat(200)
    const { title: t, doc } = convertSource({ format: 'text', content: 'Body.', title: typed })
    expectWholeClusters(typed, t)
    expect(codePoints(t)).toBeLessThanOrEqual(LIMITS.titleLength)
    const now = new Date().toISOString()
    const source = { id: 's1', title: t, origin: '', doc, textHash: 'h', createdAt: now, updatedAt: now }
    expect(SourceSchema.safeParse(source).success).toBe(true)
  })

  it('ends at a word with "…" rather than mid-word', () => {
    expect(
      title('The committee met on Tuesday to discuss the results of the regional survey conducted'),
    ).toBe('The committee met on Tuesday to discuss the results of the regional survey…')
  })
})
