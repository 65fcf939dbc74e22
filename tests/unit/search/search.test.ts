import { beforeAll, describe, expect, it } from 'vitest'
import { plainText } from '../../../src/shared/plain-text'
import type { Notebook } from '../../../src/shared/schema'
import { NotebookSearch, type SearchResult } from '../../../src/shared/search'
import { note, seedNotebook } from './fixture'

let nb: Notebook
let search: NotebookSearch
beforeAll(() => {
  const base = seedNotebook()
  // A note with both words of "second phase", apart, and in the (boosted) title too.
  const scattered = note('n-scatter', 'Phase notes, second draft', [
    'The phase where troops go second.',
    'Phase, phase, second.',
  ])
  const unicode = note('n-uni', 'Ortsnamen', ['Treffen in Zürich über Ḥarīr und العديد.'])
  nb = { ...base, notes: [...base.notes, scattered, unicode] }
  search = NotebookSearch.build(nb)
})

const ids = (rs: SearchResult[]): string[] => rs.map((r) => r.id)
const marked = (r: SearchResult): string[] =>
  r.snippet.marks.map(([s, e]) => r.snippet.text.slice(s, e).toLowerCase())
const sourceText = (id: string): string => plainText(nb.sources.find((s) => s.id === id)!.doc)

describe('NotebookSearch: matching', () => {
  it('indexes blocks, passages, notes and tags', () => {
    const blocks = nb.sources.reduce((n, s) => n + plainText(s.doc).split('\n').length, 0)
    expect(search.documentCount).toBe(blocks + nb.annotations.length + nb.notes.length + nb.tags.length)
  })

  it('finds words by prefix and with a typo', () => {
    for (const q of ['Hare', 'hareer', 'Harer', 'HAREEER']) {
      const rs = search.search(q)
      expect(ids(rs), q).toEqual(expect.arrayContaining(['a-hareer', 't-hareer']))
      expect(
        rs.some((r) => r.kind === 'source' && marked(r).includes('hareer')),
        q,
      ).toBe(true)
    }
  })

  it('requires every word (AND)', () => {
    const rs = search.search('troops Kurdistan')
    expect(rs.length).toBeGreaterThan(0)
    for (const r of rs) expect(r.snippet.text.toLowerCase()).toContain('kurdistan')
  })

  it('ranks the words in a row above the same words scattered', () => {
    const notes = ids(search.search('kind:note second phase'))
    expect(notes).toContain('n-scatter')
    expect(notes.indexOf('n-plan')).toBeLessThan(notes.indexOf('n-scatter'))
    expect(notes.indexOf('n-plan')).toBeLessThan(notes.indexOf('n-misc'))
  })

  it('requires a quoted phrase to appear exactly (case and punctuation aside)', () => {
    const rs = search.search('"Second Phase"')
    expect(ids(rs)).toEqual(expect.arrayContaining(['n-plan', 'a-phase2']))
    expect(ids(rs)).not.toContain('n-scatter')
    expect(ids(rs)).not.toContain('n-misc')
    for (const r of rs) expect(marked(r)).toContain('second phase')
    expect(ids(search.search('"ain al asad" kind:passage'))).toEqual(['a-bases', 'a-memo'])
    expect(search.search('"phase second"').map((r) => r.id)).toEqual([])
  })

  it('finds passages by the words of their tags and their notes', () => {
    const rs = search.search('key-quote')
    expect(ids(rs)).toEqual(expect.arrayContaining(['a-memo', 't-key']))
    expect(ids(search.search('relocation target'))).toContain('a-hareer')
  })

  it('ranks a quote match above the same words in a long block', () => {
    expect(search.search('relocating troops Hareer')[0].kind).toBe('passage')
  })

  it('matches unicode words, case-insensitively', () => {
    expect(ids(search.search('zürich'))).toEqual(['n-uni'])
    expect(ids(search.search('ḤARĪR'))).toEqual(['n-uni'])
    expect(marked(search.search('العديد')[0])).toEqual(['العديد'])
  })

  it('returns nothing for an empty query, and respects the limit', () => {
    expect(search.search('')).toEqual([])
    expect(search.search('   ')).toEqual([])
    expect(search.search('the', 3)).toHaveLength(3)
    expect(search.search('kind:note')).toEqual([])
  })
})

describe('NotebookSearch: results', () => {
  it('marks the matched words in the snippet and points at them in the source', () => {
    const rs = search.search('Hareer')
    for (const r of rs) expect(marked(r).every((m) => m.startsWith('hareer'))).toBe(true)
    const block = rs.find((r) => r.kind === 'source')!
    expect(block.id).toMatch(/^seed:\d+$/)
    expect(sourceText('seed').slice(block.start, block.end)).toBe('Hareer')
    expect(block.snippet.text.length).toBeLessThanOrEqual(162)
    expect(block.title).toBe(nb.sources[0].title)
  })

  it('gives passages their source title and range', () => {
    const r = search.search('relocating')[0]
    expect(r).toMatchObject({ kind: 'passage', id: 'a-hareer', sourceId: 'seed', title: nb.sources[0].title })
    expect(sourceText('seed').slice(r.start, r.end)).toBe(
      'relocating troops to Hareer base in the Kurdistan region',
    )
  })

  it('windows long text around the first match', () => {
    const r = search.search('Kurdistan kind:source')[0]
    expect(r.snippet.text.startsWith('…')).toBe(true)
    expect(marked(r)).toContain('kurdistan')
  })
})

describe('NotebookSearch: filters', () => {
  it('lists filtered passages in source order for operator-only queries', () => {
    expect(ids(search.search('tag:base'))).toEqual(['a-bases', 'a-hareer', 'a-memo'])
    expect(ids(search.search('tag:base/ain-al-asad'))).toEqual(['a-bases', 'a-memo'])
    expect(ids(search.search('tag:BASE/Hareer'))).toEqual(['a-hareer'])
    expect(ids(search.search('tag:base/ain'))).toEqual([])
    expect(ids(search.search('tag:base tag:phase/1'))).toEqual(['a-bases', 'a-hareer'])
    expect(ids(search.search('is:orphaned'))).toEqual(['a-memo'])
    expect(ids(search.search('is:untagged'))).toEqual(['a-troops'])
    expect(ids(search.search('source:memo'))).toEqual(['a-memo'])
    expect(ids(search.search('source:"islamic state"'))).toEqual([
      'a-troops',
      'a-bases',
      'a-hareer',
      'a-phase2',
    ])
    expect(ids(search.search('tag:base', 2))).toEqual(['a-bases', 'a-hareer'])
  })

  it('restricts word searches to passages, or to one source', () => {
    expect(ids(search.search('troops tag:phase/1'))).toEqual(['a-hareer'])
    expect(ids(search.search('airport is:orphaned'))).toEqual(['a-memo'])
    const inMemo = search.search('troops source:memo')
    expect(inMemo.map((r) => r.kind).sort()).toEqual(['passage', 'source'])
    for (const r of inMemo) expect(r.sourceId).toBe('memo')
    expect(search.search('troops source:seed').every((r) => r.sourceId === 'seed')).toBe(true)
    expect(search.search('phase kind:tag').every((r) => r.kind === 'tag')).toBe(true)
  })
})
