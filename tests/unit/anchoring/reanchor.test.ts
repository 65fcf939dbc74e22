import { describe, expect, it } from 'vitest'
import seed from '../../../resources/seed-article.json'
import { anchorWithoutHint, describeRange, reanchorAnnotations } from '../../../src/shared/anchoring'
import { AnnotationSchema, type Annotation } from '../../../src/shared/schema'
import { textHash } from '../../../src/shared/plain-text'

const T = seed.paragraphs.join('\n')
const AIRPORTS = 'Ain al-Asad and Baghdad International Airport'
const SUDANI = 'Iraqi Prime Minister Mohammed al-Sudani'
const HAREER = 'relocating troops to Hareer base'
const NOW = '2025-01-01T00:00:00.000Z'

const annotation = (
  id: string,
  text: string,
  quote: string,
  hash: string,
  status: Annotation['status'] = 'anchored',
): Annotation => {
  const at = text.indexOf(quote)
  expect(at).toBeGreaterThanOrEqual(0)
  const note = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: `note ${id}` }] }],
  }
  return {
    id,
    sourceId: 'src',
    target: describeRange(text, at, at + quote.length),
    anchoredHash: hash,
    note,
    tagIds: [],
    color: null,
    status,
    createdAt: NOW,
    updatedAt: NOW,
  }
}

describe('reanchorAnnotations', () => {
  const before = T.replace('Baghdad', 'Bagdad')
  const after = 'Editor’s note: corrected. ' + T.replace(`${SUDANI} expressed`, 'He expressed')
  const oldHash = textHash(before)
  const newHash = textHash(after)
  const moved = annotation('moved', before, HAREER, oldHash)
  const fixed = annotation('fixed', before, 'Ain al-Asad and Bagdad International Airport', oldHash)
  const gone = annotation('gone', before, SUDANI, oldHash)
  const current = annotation('current', after, 'Hareer base', newHash)
  const { annotations, changed, orphaned } = reanchorAnnotations(after, newHash, [
    moved,
    fixed,
    gone,
    current,
  ])

  it('returns every annotation, in order, valid against the schema', () => {
    expect(annotations.map((a) => a.id)).toEqual(['moved', 'fixed', 'gone', 'current'])
    for (const a of annotations) expect(AnnotationSchema.safeParse(a).success).toBe(true)
    expect(changed).toEqual(['moved', 'fixed', 'gone']) // everything to save, newly orphaned included
    expect(orphaned).toEqual(['gone'])
  })

  it.each([
    [0, HAREER],
    [1, AIRPORTS],
  ])('re-anchors annotation %i with fresh selectors and keeps the rest', (i, exact) => {
    const a = annotations[i]
    const original = [moved, fixed][i]
    const at = after.indexOf(exact)
    expect(a.target).toEqual(describeRange(after, at, at + exact.length))
    expect(a).toEqual({ ...original, target: a.target, anchoredHash: newHash, status: 'anchored' })
  })

  it('keeps an orphan with its quote, note and old hash instead of dropping it', () => {
    const a = annotations[2]
    expect(a).not.toBe(gone)
    expect(a).toEqual({ ...gone, status: 'orphaned' })
    expect(a.target.quote.exact).toBe(SUDANI)
  })

  it('returns annotations already anchored to this text as the same object', () => {
    expect(annotations[3]).toBe(current)
  })

  it('re-anchors up-to-date annotations when forced', () => {
    const forced = reanchorAnnotations(after, newHash, [current], { force: true })
    expect(forced.changed).toEqual(['current'])
    expect(forced.annotations[0]).not.toBe(current)
    expect(forced.annotations[0].target).toEqual(current.target)
  })

  it('returns an orphan that still cannot be found as the same object', () => {
    const again = reanchorAnnotations(after + ' More.', 'h2', annotations)
    expect(again.annotations[2]).toBe(annotations[2])
    expect(again.orphaned).toEqual(['gone'])
    expect(again.changed).not.toContain('gone')
  })

  it('retries orphans when the text is restored, even at their recorded hash', () => {
    const restored = reanchorAnnotations(before, oldHash, [annotations[2]])
    expect(restored.annotations[0]).toMatchObject({ status: 'anchored', target: gone.target })
    expect(restored.changed).toEqual(['gone'])
  })
})

describe('anchorWithoutHint (benchmark baseline)', () => {
  it.each([
    ['an exact quote', AIRPORTS, AIRPORTS, 0],
    ['a quote with a typo', 'Ain al-Asad and Bagdad International Airport', AIRPORTS, 1],
  ])('finds %s by fewest errors', (_name, quote, expected, errors) => {
    const m = anchorWithoutHint(T, quote)
    expect(m).toMatchObject({
      start: T.indexOf(expected),
      end: T.indexOf(expected) + expected.length,
      errors,
    })
  })

  it('returns null for an empty or absent quote', () => {
    expect(anchorWithoutHint(T, '')).toBeNull()
    expect(anchorWithoutHint(T, 'qqqqqqqqqqqqqqqqqqqqqq')).toBeNull()
  })
})
