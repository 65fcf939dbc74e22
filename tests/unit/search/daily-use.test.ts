// Regressions from a new user's day with the app (issue #15): phrase marks and jumps, and
// source: matching what the app shows of a source (its origin as well as its title).
import { describe, expect, it } from 'vitest'
import { plainText } from '../../../src/shared/plain-text'
import { NotebookSearch, type SearchResult } from '../../../src/shared/search'
import { notebook, passage, source } from './fixture'

const article = source(
  'art',
  'U.S. and Iraq agree',
  [
    'The presence has persisted for nearly two decades. The agreement involves a two-phase transition: the first phase ends in 2025.',
  ],
  'apnews.com',
)
const memo = source('memo', 'Field memo', ['Two bases, one phase.'], 'Internal')
const nb = notebook({
  sources: [article, memo],
  annotations: [
    passage(article, 'a-art', 'the first phase ends in 2025'),
    passage(memo, 'a-memo', 'Two bases'),
  ],
})
const search = NotebookSearch.build(nb)
const marked = (r: SearchResult): string[] => r.snippet.marks.map(([s, e]) => r.snippet.text.slice(s, e))

describe('phrase search', () => {
  it('marks and jumps to the phrase, not to an earlier copy of one of its words', () => {
    const [block] = search.search('"two-phase transition"')
    expect(block.kind).toBe('source')
    expect(plainText(article.doc).slice(block.start, block.end)).toBe('two-phase transition')
    expect(marked(block)).toEqual(['two-phase transition'])
  })

  it('still marks bare words next to a phrase', () => {
    const [block] = search.search('decades "first phase"')
    expect(marked(block)).toEqual(['decades', 'first phase'])
  })
})

describe('source:', () => {
  it('matches the origin shown under a source title, as well as the title', () => {
    expect(search.search('source:apnews').map((r) => r.id)).toEqual(['a-art'])
    expect(search.search('source:apnews.com transition').map((r) => r.kind)).toEqual(['source'])
    expect(search.search('source:internal').map((r) => r.id)).toEqual(['a-memo'])
    expect(search.search('source:memo').map((r) => r.id)).toEqual(['a-memo'])
  })
})

describe('folding', () => {
  const spelled = NotebookSearch.build(
    notebook({
      sources: [source('s', 'Names', ['Troops left Ḥarīr and the ʿAin al-Asad base; the Baʾath party.'])],
    }),
  )
  it('finds words whatever their accents and hamza/ʿayn marks, and marks them', () => {
    for (const [q, word] of [
      ['harir', 'Ḥarīr'],
      ['ain asad', 'ʿAin'],
      ['baath', 'Baʾath'],
    ]) {
      const [r] = spelled.search(q)
      expect(r, q).toBeDefined()
      expect(marked(r), q).toContain(word)
    }
  })
})
