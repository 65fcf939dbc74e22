import { describe, expect, it } from 'vitest'
import { hasFilters, parseQuery, type ParsedQuery } from '../../../src/shared/search/query'

const q = (
  terms: string[],
  phrases: string[] = [],
  filters: Partial<ParsedQuery['filters']> = {},
): ParsedQuery => ({
  terms,
  phrases,
  filters: { tags: [], sources: [], ...filters },
})

describe('parseQuery', () => {
  it.each<[string, ParsedQuery]>([
    ['', q([])],
    ['   \t\n ', q([])],
    ['Hareer base', q(['Hareer', 'base'])],
    ['"second phase" troops', q(['troops'], ['second phase'])],
    ['"  second   phase "', q([], ['second phase'])],
    ['tag:base/ain-al-asad', q([], [], { tags: ['base/ain-al-asad'] })],
    ['tag:"key quote" Iraq', q(['Iraq'], [], { tags: ['key quote'] })],
    ['TAG:phase/1 tag:phase/2', q([], [], { tags: ['phase/1', 'phase/2'] })],
    ['tag:/base/', q([], [], { tags: ['base'] })],
    ['source:memo source:"Field memo"', q([], [], { sources: ['memo', 'Field memo'] })],
    ['is:orphaned is:untagged', q([], [], { orphaned: true, untagged: true })],
    ['kind:notes kind:passage x', q(['x'], [], { kinds: ['note', 'passage'] })],
    ['http://example.org foo:bar', q(['http://example.org', 'foo:bar'])],
    ['ain-al-asad', q(['ain-al-asad'])],
    ['— … !!', q([])],
    ['Ḥarīr «العديد» 2,500 Zürich', q(['Ḥarīr', '«العديد»', '2,500', 'Zürich'])],
    ['"Ain al-Asad"base', q(['base'], ['Ain al-Asad'])],
  ])('%j', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected)
  })

  it('reads the rest of the query as a phrase when a quote is not closed', () => {
    const r = parseQuery('troops "Kurdistan region tag:x')
    expect(r.terms).toEqual(['troops'])
    expect(r.phrases).toEqual(['Kurdistan region tag:x'])
    expect(r.errors?.[0]).toMatch(/unbalanced/)
  })

  it('handles an unclosed quoted operator value', () => {
    const r = parseQuery('tag:"base/ain')
    expect(r.filters.tags).toEqual(['base/ain'])
    expect(r.errors).toHaveLength(1)
  })

  it('keeps a lone quote harmless', () => {
    expect(parseQuery('"').phrases).toEqual([])
    expect(parseQuery('a "" b').terms).toEqual(['a', 'b'])
  })

  it('reports operators without a value and unknown values, searching the words instead', () => {
    const r = parseQuery('tag: is:pinned kind:widget')
    expect(r.filters).toEqual({ tags: [], sources: [] })
    expect(r.terms).toEqual(['is:pinned'])
    expect(r.errors).toHaveLength(3)
  })

  it('never throws on arbitrary input', () => {
    const alphabet = ['"', ':', ' ', 'tag', 'is', 'source', '/', 'a', 'é', '\u{1F600}', '\\', '\n']
    let seed = 7
    for (let n = 0; n < 500; n++) {
      let s = ''
      for (let k = 0; k < 12; k++) s += alphabet[(seed = (seed * 16807) % 2147483647) % alphabet.length]
      expect(() => parseQuery(s)).not.toThrow()
    }
  })

  it('tells operator-only queries apart', () => {
    expect(hasFilters(parseQuery('tag:phase').filters)).toBe(true)
    expect(hasFilters(parseQuery('kind:note').filters)).toBe(false)
    expect(hasFilters(parseQuery('troops').filters)).toBe(false)
  })
})

describe('phrase search after other searches', () => {
  it('does not depend on what was searched before (shared regex state)', async () => {
    const { NotebookSearch } = await import('../../../src/shared/search')
    const { seedNotebook } = await import('../../../src/core/seed')
    const nb = await seedNotebook(
      new URL('../../../resources', import.meta.url).pathname,
      '2026-01-01T00:00:00.000Z',
    )
    const index = NotebookSearch.build(nb)
    const fresh = NotebookSearch.build(nb).search('"Ain al-Asad"').length
    expect(fresh).toBeGreaterThan(0)
    index.search('"Ain al')
    index.search('Hareer base')
    expect(index.search('"Ain al-Asad"').length).toBe(fresh)
    expect(index.search('"International Airport"').length).toBeGreaterThan(0)
  })
})
