// The postings' staging tier is chunked (65,536 entries a chunk) and settled by a counting
// sort; these check the lists against a plain model when the staged entries span several
// chunks, as they do in any large build, and after discards.
import { describe, expect, it } from 'vitest'
import { Postings } from '../../../src/shared/search/postings'

const FIELDS = ['a', 'b']

/** Per word, its documents and frequencies as [doc, tf] pairs. */
type Model = Map<string, [number, number][]>

function build(docs: number, wordsPerDoc: number): { p: Postings; model: Model } {
  const p = new Postings(FIELDS)
  const model: Model = new Map()
  for (let d = 0; d < docs; d++) {
    // Distinct words per document, a few repeated (tf 2), spread over a vocabulary of 997.
    const words = Array.from({ length: wordsPerDoc }, (_, k) => `w${(d * 31 + k * 7) % 997}`)
    const text = [...words, ...words.slice(0, 3)].join(' ')
    p.add(`d${d}`, [text, d % 5 === 0 ? 'shared' : ''])
    words.forEach((w, k) => {
      if (!model.has(w)) model.set(w, [])
      model.get(w)!.push([d, k < 3 ? 2 : 1])
    })
  }
  p.settle()
  return { p, model }
}

const listOf = (p: Postings, key: number): [number, number][] => {
  const out: [number, number][] = []
  for (let r = p.start(key); r < p.end(key); r++)
    if (p.ids[p.docs[r]] !== undefined) out.push([p.docs[r], p.tfs[r]])
  const extra = p.extra(key) ?? []
  for (let r = 0; r < extra.length; r += 2)
    if (p.ids[extra[r]] !== undefined) out.push([extra[r], extra[r + 1]])
  return out
}

describe('Postings', () => {
  it('settles staged entries spanning several chunks into the right lists, in document order', () => {
    const { p, model } = build(2500, 40) // ~100,000 entries: two chunks
    const F = p.fieldCount
    for (const [w, docs] of model) {
      const key = p.lexicon.id(w) * F
      expect(listOf(p, key)).toEqual(docs)
      expect(p.count(key)).toBe(docs.length)
    }
    const shared = p.lexicon.id('shared') * F + 1
    expect(p.count(shared)).toBe(500)
    expect(p.holds(shared, 2495)).toBe(true)
    expect(p.holds(shared, 2496)).toBe(false)
  })

  it('keeps the lists right after discards and more additions (delta tier and rebuild)', () => {
    const { p, model } = build(3000, 30)
    const F = p.fieldCount
    const textOf = (d: number): string => {
      const words = Array.from({ length: 30 }, (_, k) => `w${(d * 31 + k * 7) % 997}`)
      return [...words, ...words.slice(0, 3)].join(' ')
    }
    for (let d = 0; d < 3000; d += 3) {
      p.discard(d, [textOf(d), d % 5 === 0 ? 'shared' : ''])
    }
    for (const [w, docs] of model)
      model.set(
        w,
        docs.filter(([d]) => d % 3 !== 0),
      )
    p.add('late', ['w1 w2 w2', ''])
    model.get('w1')!.push([3000, 1])
    model.get('w2')!.push([3000, 2])
    p.settle()
    for (const [w, docs] of model) expect(listOf(p, p.lexicon.id(w) * F)).toEqual(docs)
    expect(p.documentCount).toBe(2001)
  })
})

describe('Postings short ids', () => {
  it('hands out increasing short ids and discards each once', () => {
    const p = new Postings(FIELDS)
    expect(p.add('x', ['one two', ''])).toBe(0)
    expect(p.add('y', ['two', 'three'])).toBe(1)
    expect(p.discard(0, ['one two', ''])).toBe(true)
    expect(p.discard(0, ['one two', ''])).toBe(false) // already gone
    expect(p.discard(7, [])).toBe(false) // never handed out
    expect(p.discard(-1, [])).toBe(false)
    p.settle()
    expect(p.documentCount).toBe(1)
    expect(p.count(p.lexicon.id('two') * p.fieldCount)).toBe(1)
  })
})
