// Quoted phrases made only of stop words ("in to for") are answered by a scan: every document
// holding the phrase as words in a row, honouring filters and the limit, in index order.
import { describe, expect, it } from 'vitest'
import { generateNotebook } from '../../../bench/generate'
import { plainText } from '../../../src/shared/plain-text'
import { NotebookSearch } from '../../../src/shared/search'
import { textBlocks } from '../../../src/shared/search/docs'
import { phraseRegex, hasPhrase } from '../../../src/shared/search/snippet'
import { seedNotebook } from './fixture'

const nb = generateNotebook(
  { passages: 400, sources: 4, words: 1500, tags: 20, facets: 2, links: 10, notes: 6 },
  5,
)
const search = NotebookSearch.build(nb)

/** Every result a phrase should give, by brute force over the notebook's text. */
function holding(phrase: string): string[] {
  const re = phraseRegex(phrase)!
  const ids: string[] = []
  for (const s of nb.sources)
    for (const b of textBlocks(s.doc)) if (hasPhrase(re, b.text)) ids.push(`${s.id}:${b.index}`)
  for (const a of nb.annotations)
    if (hasPhrase(re, a.target.quote.exact) || (a.note && hasPhrase(re, plainText(a.note)))) ids.push(a.id)
  for (const n of nb.notes) if (hasPhrase(re, n.title) || hasPhrase(re, plainText(n.doc))) ids.push(n.id)
  for (const t of nb.tags)
    if (hasPhrase(re, `${t.name} ${t.label ?? ''}`) || hasPhrase(re, t.description)) ids.push(t.id)
  return ids.sort()
}

describe('phrases of stop words only', () => {
  it.each(['"of the"', '"in to for"', '"and the"', '"it is"'])('%s finds every document holding it', (q) => {
    const ids = search
      .search(q, 100_000)
      .map((r) => r.id)
      .sort()
    expect(ids).toEqual(holding(q.slice(1, -1)))
  })

  it('mark the phrase in the snippet and honour kind:, tag: and the limit', () => {
    const rs = search.search('"of the"', 5)
    expect(rs).toHaveLength(5)
    for (const r of rs) {
      const marks = r.snippet.marks.map(([s, e]) =>
        r.snippet.text.slice(s, e).toLowerCase().replace(/\s+/gu, ' '),
      )
      expect(marks).toContain('of the')
    }
    for (const r of search.search('kind:passage "of the"')) expect(r.kind).toBe('passage')
    const tag = nb.tags[0]
    for (const r of search.search(`tag:${tag.name} "of the"`)) {
      const a = nb.annotations.find((x) => x.id === r.id)!
      expect(a.tagIds.some((id) => nb.tags.find((t) => t.id === id)?.name.startsWith(tag.name))).toBe(true)
    }
  })

  it('leave phrases with a rarer word to the ranked search', () => {
    const seeded = NotebookSearch.build(seedNotebook())
    const rs = seeded.search('"the coalition"')
    expect(rs.length).toBeGreaterThan(0)
    expect(rs.every((r) => r.score !== 1 || r.kind === 'tag')).toBe(true)
  })
})
