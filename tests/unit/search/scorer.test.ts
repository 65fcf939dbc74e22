// The top-k scorer (src/shared/search/scorer.ts) reads MiniSearch's private index and must
// rank exactly as MiniSearch's own search() does: same documents, same scores, same matched
// terms and fields, in descending score. MiniSearch is the oracle, on a generated notebook,
// for random queries (words, prefixes, typos, phrases, tags) and after edits that leave
// discarded documents in the index. If a MiniSearch upgrade changes its internals, this fails.
import fc from 'fast-check'
import type MiniSearch from 'minisearch'
import type { SearchResult as Hit } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { generateNotebook, type ScaleSpec } from '../../../bench/generate'
import { applyOps } from '../../../src/shared/ops'
import type { Notebook } from '../../../src/shared/schema'
import { NotebookSearch } from '../../../src/shared/search'
import { planQuery } from '../../../src/shared/search/plan'
import { KINDS, parseQuery, type SearchKind } from '../../../src/shared/search/query'
import type { TopKScorer } from '../../../src/shared/search/scorer'
import { tokenize } from '../../../src/shared/search/snippet'
import type { TagMatcher } from '../../../src/shared/search/tags'

const SMALL: ScaleSpec = { passages: 300, sources: 6, words: 1500, tags: 40, facets: 4, links: 50, notes: 8 }

interface Inside {
  ms: MiniSearch
  scorer: TopKScorer
  tagMatcher: TagMatcher
}

function compare(index: NotebookSearch, query: string, kinds: readonly SearchKind[] = KINDS): number {
  const { ms, scorer, tagMatcher } = index as unknown as Inside
  const plan = planQuery(parseQuery(query), tagMatcher, kinds)
  if (!plan) return 0
  // The scorer first: MiniSearch's search() removes the discarded documents it meets from the
  // postings, and the idf it computes on the way depends on that.
  const got = [...(scorer.search(plan.query, null) ?? [])]
  const expected = ms.search(plan.query)
  expect(got.map((h) => h.id).sort()).toEqual(expected.map((h) => h.id).sort())
  const byId = new Map<string, Hit>(expected.map((h) => [h.id as string, h]))
  for (const [i, h] of got.entries()) {
    const e = byId.get(h.id as string)!
    expect(h.score).toBeCloseTo(e.score, 9)
    if (i > 0) expect(h.score).toBeLessThanOrEqual(got[i - 1].score)
    expect(new Set(h.terms)).toEqual(new Set(e.terms))
    expect(new Set(h.queryTerms)).toEqual(new Set(e.queryTerms))
    for (const t of Object.keys(e.match)) expect(new Set(h.match[t])).toEqual(new Set(e.match[t]))
    expect(Object.keys(h.match).sort()).toEqual(Object.keys(e.match).sort())
  }
  return got.length
}

function words(nb: Notebook): string[] {
  const all = nb.annotations.slice(0, 200).flatMap((a) => tokenize(a.target.quote.exact))
  return [...new Set(all.filter((w) => w.length >= 2))]
}

const nb = generateNotebook(SMALL, 3)
const vocab = words(nb)
const tagNames = nb.tags.map((t) => t.name)

const term = fc.oneof(
  fc.constantFrom(...vocab),
  fc.constantFrom(...vocab).map((w) => w.slice(0, Math.max(3, w.length - 2))), // a prefix
  fc.constantFrom(...vocab.filter((w) => w.length > 5)).map((w) => w.slice(0, 2) + w[3] + w[2] + w.slice(4)), // a typo
  fc.constantFrom(...tagNames).map((n) => n.split('/').at(-1)!.split('-')[0]), // a word of a tag name
)
const query = fc
  .tuple(
    fc.array(term, { minLength: 1, maxLength: 3 }),
    fc.option(fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 3 })),
  )
  .map(([ts, phrase]) => [...ts, ...(phrase ? [`"${phrase.join(' ')}"`] : [])].join(' '))

describe('TopKScorer against MiniSearch', () => {
  it('ranks the benchmark-style queries as MiniSearch does', () => {
    const index = NotebookSearch.build(nb)
    let found = 0
    for (const q of [vocab[0], vocab[5], vocab[9].slice(0, 3), `${vocab[1]} ${vocab[2]}`, `"${vocab[3]}"`])
      found += compare(index, q)
    expect(found).toBeGreaterThan(0)
    expect(compare(index, vocab[4], ['passage'])).toBeGreaterThanOrEqual(0)
  })

  it('ranks random queries as MiniSearch does', () => {
    const index = NotebookSearch.build(nb)
    fc.assert(
      fc.property(
        query,
        fc.constantFrom<readonly SearchKind[]>(KINDS, ['passage'], ['source', 'passage']),
        (q, kinds) => {
          compare(index, q, kinds)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('gives the same scores while discarded documents are still in the index', () => {
    const index = NotebookSearch.build(nb)
    // Delete a third of the passages and rewrite some notes: MiniSearch discards lazily, and
    // the auto-vacuum runs later (asynchronously), so the postings still hold them here.
    const at = '2026-01-01T00:00:00.000Z'
    const ops = nb.annotations
      .filter((_, i) => i % 3 === 0)
      .map((a) => ({ type: 'deleteAnnotation' as const, id: a.id }))
    const next = applyOps(nb, ops, at).notebook
    index.update(next)
    expect(index.lastUpdate.discarded).toBeGreaterThan(0)
    fc.assert(
      fc.property(query, (q) => {
        compare(index, q)
      }),
      { numRuns: 60 },
    )
  })
})
