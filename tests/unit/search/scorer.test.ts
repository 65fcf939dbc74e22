// Our index (postings.ts) and top-k scorer (scorer.ts) must rank exactly as MiniSearch's own
// search() does on the same documents: same documents, same scores, same order, same matched
// terms and fields. MiniSearch is the oracle (oracle.ts), on generated notebooks, for random
// queries (words, prefixes, typos, phrases, tags, OR/AND trees, kinds), also after random
// edits, deletions and additions, against a MiniSearch built afresh from the live documents.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateNotebook, type ScaleSpec } from '../../../bench/generate'
import { applyOps } from '../../../src/shared/ops'
import type { Notebook } from '../../../src/shared/schema'
import { NotebookSearch } from '../../../src/shared/search'
import { planQuery } from '../../../src/shared/search/plan'
import { KINDS, parseQuery, type SearchKind } from '../../../src/shared/search/query'
import type { Query } from '../../../src/shared/search/scorer'
import { tokenize } from '../../../src/shared/search/snippet'
import { EDIT_KINDS, opFor } from './edits'
import { compareWith, inside, oracleOf } from './oracle'

const SMALL: ScaleSpec = { passages: 300, sources: 6, words: 1500, tags: 40, facets: 4, links: 50, notes: 8 }
const AT = '2026-01-01T00:00:00.000Z'

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
  fc.constantFrom(...vocab.filter((w) => w.length > 4)).map((w) => `${w}${w[1]}`), // one letter more
  fc.constantFrom(...tagNames).map((n) => n.split('/').at(-1)!.split('-')[0]), // a word of a tag name
  fc.constantFrom('the', 'of', 'ab', 'Ḥarīr', 'zzzzqx'), // stop words, short, accented, absent
)
/** What people type: words, then maybe a quoted phrase. */
const typed = fc
  .tuple(
    fc.array(term, { minLength: 1, maxLength: 3 }),
    fc.option(fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 3 })),
  )
  .map(([ts, phrase]) => [...ts, ...(phrase ? [`"${phrase.join(' ')}"`] : [])].join(' '))
const kinds = fc.constantFrom<readonly SearchKind[]>(
  KINDS,
  ['passage'],
  ['source', 'passage'],
  ['note', 'tag'],
)

/** Query trees beyond what the planner makes: OR/AND/AND_NOT, prefix and fuzzy options, fields. */
const tree: fc.Arbitrary<Query> = fc.letrec<{ node: Query }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(term, { minLength: 1, maxLength: 3 }).map((ts) => ts.join(' ')),
    fc.record(
      {
        queries: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
        combineWith: fc.constantFrom('AND', 'OR', 'AND_NOT'),
        prefix: fc.boolean(),
        fuzzy: fc.constantFrom(false, 0.2, 1, 2),
        fields: fc.constantFrom<string[]>(['body'], ['quote', 'note'], ['title', 'text', 'tags']),
      },
      { requiredKeys: ['queries'] },
    ),
  ),
})).node

function comparePlanned(index: NotebookSearch, query: string, k: readonly SearchKind[] = KINDS): number {
  const plan = planQuery(parseQuery(query), inside(index).tagMatcher, k)
  return plan ? compareWith(oracleOf(index), index, plan.query) : 0
}

describe('our index against MiniSearch', () => {
  it('ranks the benchmark-style queries as MiniSearch does', () => {
    const index = NotebookSearch.build(nb)
    let found = 0
    for (const q of [vocab[0], vocab[5], vocab[9].slice(0, 3), `${vocab[1]} ${vocab[2]}`, `"${vocab[3]}"`])
      found += comparePlanned(index, q)
    expect(found).toBeGreaterThan(0)
    expect(comparePlanned(index, vocab[4], ['passage'])).toBeGreaterThan(0)
  })

  it('ranks random typed queries as MiniSearch does', () => {
    const index = NotebookSearch.build(nb)
    const ms = oracleOf(index)
    fc.assert(
      fc.property(typed, kinds, (q, k) => {
        const plan = planQuery(parseQuery(q), inside(index).tagMatcher, k)
        if (plan) compareWith(ms, index, plan.query)
      }),
      { numRuns: 150 },
    )
  })

  it('answers random query trees (AND, OR, AND_NOT, prefix, fuzzy, fields) as MiniSearch does', () => {
    const index = NotebookSearch.build(nb)
    const ms = oracleOf(index)
    fc.assert(
      fc.property(tree, (q) => {
        compareWith(ms, index, q)
      }),
      { numRuns: 150 },
    )
  })

  it('gives a fresh build’s scores after random edits, deletions and additions', () => {
    const small = generateNotebook({ ...SMALL, passages: 120, sources: 3, words: 600 }, 5)
    const edit = fc.record({
      which: fc.nat(),
      kind: fc.constantFrom(...EDIT_KINDS),
      text: fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' ')),
    })
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        fc.array(typed, { minLength: 1, maxLength: 4 }),
        (edits, queries) => {
          const index = NotebookSearch.build(small)
          let current = small
          for (const e of edits) {
            current = applyOps(current, [opFor(current, e)], AT).notebook
            index.update(current)
          }
          const ms = oracleOf(index)
          expect(index.documentCount).toBe(ms.documentCount)
          for (const q of queries) {
            const plan = planQuery(parseQuery(q), inside(index).tagMatcher, KINDS)
            if (plan) compareWith(ms, index, plan.query)
          }
        },
      ),
      { numRuns: 40 },
    )
  })
})

describe('rank and details', () => {
  it('rank the documents as search does, and details() gives each its matched terms', () => {
    const index = NotebookSearch.build(nb)
    const scorer = inside(index).scorer
    for (const q of [...vocab.filter((w) => w.length > 5).slice(0, 2), vocab.slice(0, 3).join(' ')]) {
      const hits = [...scorer.search(q, null)]
      const ranked = [...scorer.rank(q, null)]
      expect(hits.length).toBeGreaterThan(0)
      expect(ranked.map((r) => [r.id, r.doc, r.score])).toEqual(hits.map((h) => [h.id, h.doc, h.score]))
      for (const [i, r] of ranked.entries()) {
        const { terms, queryTerms, match } = hits[i]
        expect(scorer.details(r.doc)).toEqual({ terms, queryTerms, match })
      }
    }
  })
})
