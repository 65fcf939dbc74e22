// MiniSearch as the test oracle for our index (postings.ts + scorer.ts): the same documents
// in a MiniSearch configured as our index was when MiniSearch was the index, and a comparison
// of both answers to one query tree.
import MiniSearch, { type Query as MsQuery, type SearchResult as MsHit } from 'minisearch'
import { expect } from 'vitest'
import { NotebookSearch, SEARCH_OPTIONS } from '../../../src/shared/search'
import { FIELDS, type IndexDoc } from '../../../src/shared/search/docs'
import { foldTerm } from '../../../src/shared/search/fold'
import type { Query, TopKScorer } from '../../../src/shared/search/scorer'
import type { TagMatcher } from '../../../src/shared/search/tags'

export interface Inside {
  scorer: TopKScorer
  tagMatcher: TagMatcher
  byShort: (IndexDoc | undefined)[]
}

export const inside = (index: NotebookSearch): Inside => index as unknown as Inside

/** A fresh MiniSearch holding the index's live documents, in the order they were indexed. */
export function oracleOf(index: NotebookSearch): MiniSearch<IndexDoc> {
  const ms = new MiniSearch<IndexDoc>({
    fields: [...FIELDS],
    processTerm: foldTerm,
    storeFields: [],
    searchOptions: {
      ...(SEARCH_OPTIONS as object),
      boostDocument: (id) => SEARCH_OPTIONS.boostDocument!(String(id)),
    },
  })
  ms.addAll(inside(index).byShort.filter((d) => d !== undefined))
  return ms
}

/**
 * Our scorer and MiniSearch answer `query` alike: the same documents, the same scores (1e-9),
 * the same order (up to ties), the same matched terms and fields. Returns the hit count.
 */
export function compareWith(ms: MiniSearch<IndexDoc>, index: NotebookSearch, query: Query): number {
  const got = [...inside(index).scorer.search(query, null)]
  const expected = ms.search(query as unknown as MsQuery).sort((a, b) => b.score - a.score)
  expect(got.map((h) => h.id).sort()).toEqual(expected.map((h) => h.id as string).sort())
  const byId = new Map<string, MsHit>(expected.map((h) => [h.id as string, h]))
  for (const [i, h] of got.entries()) {
    const e = byId.get(h.id)!
    expect(Math.abs(h.score - e.score)).toBeLessThan(1e-9)
    // Order: the i-th best score is the same in both (documents with equal scores may swap).
    expect(Math.abs(h.score - expected[i].score)).toBeLessThan(1e-9)
    expect(new Set(h.terms)).toEqual(new Set(e.terms))
    expect(new Set(h.queryTerms)).toEqual(new Set(e.queryTerms))
    expect(Object.keys(h.match).sort()).toEqual(Object.keys(e.match).sort())
    for (const t of Object.keys(e.match)) expect(new Set(h.match[t])).toEqual(new Set(e.match[t]))
  }
  return got.length
}
