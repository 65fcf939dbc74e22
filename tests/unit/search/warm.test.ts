// The warm-up (src/shared/search/warm.ts) must exercise every kind of query on a notebook the
// app would accept, change nothing any index answers, and run once per process.
import { describe, expect, it, vi } from 'vitest'
import { parseNotebookText } from '../../../src/core/store/validate'
import { NotebookSearch } from '../../../src/shared/search'
import { parseQuery } from '../../../src/shared/search/query'
import { WARM_QUERIES, warmNotebook } from '../../../src/shared/search/warm'
import { seedNotebook } from './fixture'

describe('search warm-up', () => {
  it('is a valid notebook, with the members in the order Glossa writes them', () => {
    const nb = warmNotebook()
    const validated = parseNotebookText(JSON.stringify(nb), 'warm-up')
    expect(JSON.stringify(validated)).toBe(JSON.stringify(nb))
  })

  it('finds something for every one of its queries, with no query error', () => {
    const index = NotebookSearch.build(warmNotebook())
    for (const q of WARM_QUERIES) {
      expect(parseQuery(q).errors ?? [], q).toEqual([])
      expect(index.search(q).length, q).toBeGreaterThan(0)
    }
  })

  it('covers every operator of the search box', () => {
    const used = new Set(WARM_QUERIES.flatMap((q) => q.match(/\b[a-z]+:/gu) ?? []))
    expect([...used].sort()).toEqual(['grade:', 'is:', 'kind:', 'source:', 'tag:'])
    expect(WARM_QUERIES.some((q) => q.startsWith('"'))).toBe(true)
  })

  it('changes no answer: an index searched before and after the warm-up answers the same', () => {
    const nb = seedNotebook()
    const index = new NotebookSearch()
    index.update(nb)
    const queries = [
      'troops',
      'phase',
      'ain al',
      '"second phase"',
      'tag:phase',
      'is:orphaned troops',
      'hareer',
    ]
    const before = queries.map((q) => index.search(q))
    NotebookSearch.warm()
    expect(queries.map((q) => index.search(q))).toEqual(before)
    expect(queries.map((q) => NotebookSearch.build(nb).search(q))).toEqual(before)
  })

  it('goes by steps (the small index, then one query each) that warmOnce finishes', async () => {
    vi.resetModules()
    const warm = await import('../../../src/shared/search/warm')
    const searched: string[] = []
    const make = vi.fn((nb: Parameters<typeof NotebookSearch.build>[0]) => {
      const index = NotebookSearch.build(nb)
      return { search: (q: string) => (searched.push(q), index.search(q)) }
    })
    expect(warm.warmStep(make)).toBe(true) // the small index, no query yet
    expect(searched).toEqual([])
    expect(warm.warmStep(make)).toBe(true)
    expect(searched).toEqual([WARM_QUERIES[0]])
    warm.warmOnce(make) // the rest at once
    expect(make).toHaveBeenCalledTimes(1)
    expect(searched.length % WARM_QUERIES.length).toBe(0)
    expect(searched.length).toBeGreaterThan(WARM_QUERIES.length)
    expect(warm.warmStep(make)).toBe(false)
    warm.warmOnce(make)
    expect(make).toHaveBeenCalledTimes(1)
  })

  it('runs once per process, on the first build', async () => {
    vi.resetModules()
    const warm = await import('../../../src/shared/search/warm')
    const make = vi.fn((nb: Parameters<typeof NotebookSearch.build>[0]) => NotebookSearch.build(nb))
    warm.warmOnce(make)
    warm.warmOnce(make)
    expect(make).toHaveBeenCalledTimes(1)
  })
})
