// Queries of stop words only are answered by a scan (see src/shared/search/stop-words.ts):
// the same matches as any query (whole words, every word, filters, limit), no ranking.
import { describe, expect, it } from 'vitest'
import { plainText } from '../../../src/shared/plain-text'
import { NotebookSearch } from '../../../src/shared/search'
import { note, notebook, seedNotebook, source } from './fixture'

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
const marked = (r: { snippet: { text: string; marks: [number, number][] } }) =>
  r.snippet.marks.map(([s, e]) => r.snippet.text.slice(s, e).toLowerCase())

describe('stop-word-only queries', () => {
  const nb = seedNotebook()
  const search = NotebookSearch.build(nb)

  it('find documents holding the word itself, marked in the snippet', () => {
    const rs = search.search('the')
    expect(rs.length).toBeGreaterThan(5)
    for (const r of rs) expect(marked(r)).toContain('the')
  })

  it('need every word, as any query does', () => {
    const there = notebook({
      notes: [
        note('n1', 'One', ['Over there, then.']),
        note('n2', 'Two', ['Of the army.']),
        note('n3', 'Three', ['The army of old.']),
      ],
    })
    const s = NotebookSearch.build(there)
    expect(
      s
        .search('the')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['n2', 'n3']) // "there", "then" are other words
    expect(
      s
        .search('of the')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['n2', 'n3'])
    expect(s.search('with the')).toEqual([])
  })

  it('honour kind: and tag: filters and the limit', () => {
    const passages = search.search('kind:passage the')
    expect(passages.length).toBeGreaterThan(0)
    for (const r of passages) expect(r.kind).toBe('passage')
    for (const r of search.search('tag:base the')) {
      const a = nb.annotations.find((x) => x.id === r.id)!
      expect(a.tagIds.some((id) => nb.tags.find((t) => t.id === id)?.name.startsWith('base'))).toBe(true)
    }
    expect(search.search('the', 3)).toHaveLength(3)
  })

  it('leave queries with a rarer word to the ranked search', () => {
    const rs = search.search('the Hareer')
    expect(rs.length).toBeGreaterThan(0)
    for (const r of rs) expect(marked(r).some((m) => m.startsWith('hare'))).toBe(true)
  })

  it('read source blocks too, with the offset of the match', () => {
    const src = source('s1', 'S', ['No match here.', 'And then the end.'])
    const [r] = NotebookSearch.build(notebook({ sources: [src] })).search('the')
    const text = plainText(src.doc)
    expect(r.kind).toBe('source')
    expect(text.slice(r.start!, r.end!)).toBe('the')
    expect(words(r.snippet.text)).toContain('the')
  })
})
