// Search through entity names: a bare word naming an entity (its name or an alias, folded as
// entity matching folds) also finds the entity's other names; phrases and partial names do not
// expand, and the expansion follows the notebook's entities through update().
import { describe, expect, it } from 'vitest'
import type { Entity, Notebook } from '../../../src/shared/schema'
import { NotebookSearch, type SearchResult } from '../../../src/shared/search'
import type { EntityNames } from '../../../src/shared/search/entity-names'
import { planQuery } from '../../../src/shared/search/plan'
import { KINDS, parseQuery } from '../../../src/shared/search/query'
import { seedNotebook, source } from './fixture'
import { compareWith, inside, oracleOf } from './oracle'

const harir: Entity = {
  id: 'e-harir',
  type: 'place',
  name: 'Harir',
  aliases: ['Hareer', 'Harir Air Base', 'حرير'],
  description: '',
}
const asad: Entity = {
  id: 'e-asad',
  type: 'place',
  name: 'Ain al-Asad',
  aliases: ['Al Asad Airbase', 'عين الأسد'],
  description: '',
}
const arabic = source('ar', 'تقرير', [
  'نقل القوات إلى قاعدة حرير في إقليم كردستان.',
  'غادرت القوات عين الأسد.',
])

function withEntities(entities: Entity[] | undefined): Notebook {
  const nb = seedNotebook()
  return { ...nb, sources: [...nb.sources, arabic], entities }
}

const ids = (rs: SearchResult[]): string[] => rs.map((r) => r.id)
const marked = (r: SearchResult): string[] =>
  r.snippet.marks.map(([s, e]) => r.snippet.text.slice(s, e).toLowerCase())
const find = (rs: SearchResult[], id: string): SearchResult | undefined => rs.find((r) => r.id === id)
const names = (index: NotebookSearch): EntityNames => (index as unknown as { names: EntityNames }).names

describe('search through entity names', () => {
  const index = NotebookSearch.build(withEntities([harir, asad]))

  it('"harir" finds the passage quoting "Hareer" and the Arabic block with "حرير", marked', () => {
    for (const q of ['harir', 'Harir', 'Ḥarīr', 'HARIR']) {
      const rs = index.search(q)
      expect(marked(find(rs, 'a-hareer')!), q).toContain('hareer')
      expect(marked(find(rs, 'ar:0')!), q).toContain('حرير')
      expect(
        rs.some((r) => r.kind === 'source' && r.sourceId === 'seed' && marked(r).includes('hareer')),
      ).toBe(true)
    }
  })

  it('an alias finds the name and the other aliases: "حرير" and "hareer" find each other', () => {
    expect(ids(index.search('حرير'))).toContain('a-hareer')
    expect(ids(index.search('hareer'))).toContain('ar:0')
  })

  it('a multi-word alias typed in a row finds the other names', () => {
    const rs = index.search('al asad airbase')
    expect(ids(rs)).toEqual(expect.arrayContaining(['a-bases', 'ar:1']))
    expect(marked(find(rs, 'ar:1')!)).toEqual(['عين الأسد'])
  })

  it('a document with both spellings counts the entity once (the tag "Harir (Hareer)")', () => {
    const both = (entities: Entity[] | undefined): Notebook => {
      const nb = withEntities(entities)
      const tags = nb.tags.map((t) => (t.id === 't-hareer' ? { ...t, label: 'Harir (Hareer)' } : t))
      return { ...nb, tags }
    }
    const score = (index: NotebookSearch, q: string): number => find(index.search(q), 't-hareer')!.score
    const plain = NotebookSearch.build(both(undefined))
    const named = NotebookSearch.build(both([harir, asad]))
    expect(score(named, 'hareer')).toBeCloseTo(score(plain, 'hareer'), 9)
    expect(score(named, 'harir')).toBeCloseTo(score(plain, 'harir'), 9)
    // …while both names are marked in it.
    expect(new Set(marked(find(named.search('harir'), 't-hareer')!))).toEqual(new Set(['harir', 'hareer']))
  })

  it('an expanded word still combines with the others (AND)', () => {
    const rs = index.search('harir kurdistan')
    expect(ids(rs)).toContain('a-hareer')
    expect(ids(rs)).not.toContain('a-bases')
  })

  it('words naming no entity, partial names and phrases answer as without entities', () => {
    const plain = NotebookSearch.build(withEntities(undefined))
    for (const q of ['troops', 'second phase', 'kurdistan', 'hari', 'air', '"harir base"', 'tag:base/hareer'])
      expect(index.search(q), q).toEqual(plain.search(q))
    // The phrase is not expanded: quoting asks for those exact words.
    expect(ids(index.search('"harir base"'))).not.toContain('a-hareer')
    expect(ids(index.search('harir base'))).toContain('a-hareer')
  })

  it('a name of stop words only ("IS" for the Islamic State) is neither searched nor marked', () => {
    const isis: Entity = {
      id: 'e-isis',
      type: 'organization',
      name: 'Islamic State',
      aliases: ['IS', 'ISIS'],
      description: '',
    }
    const withIsis = NotebookSearch.build(withEntities([harir, asad, isis]))
    const plain = NotebookSearch.build(withEntities([harir, asad]))
    const rs = withIsis.search('islamic state')
    // What "ISIS" adds, and nothing that only says "is".
    for (const r of rs) expect(r.snippet.text.toLowerCase()).toMatch(/islamic|state|isis/)
    for (const r of rs) expect(marked(r)).not.toContain('is')
    expect(rs.length).toBeLessThanOrEqual(plain.search('islamic state').length + plain.search('isis').length)
  })

  it('a renamed or deleted entity stops expanding after update()', () => {
    const live = NotebookSearch.build(withEntities([harir, asad]))
    const before = withEntities([harir, asad])
    live.update(before)
    expect(ids(live.search('harir'))).toContain('a-hareer')

    const renamed = { ...harir, name: 'Harir camp', aliases: ['Hareer'] }
    live.update({ ...before, entities: [renamed, asad] })
    expect(ids(live.search('harir'))).not.toContain('a-hareer')
    // The new name expands: no document says "Harir camp", the alias is found.
    expect(ids(live.search('harir camp'))).toContain('a-hareer')
    expect(ids(live.search('hareer'))).not.toContain('ar:0')

    live.update({ ...before, entities: [asad] })
    expect(ids(live.search('harir'))).not.toContain('a-hareer')
    expect(ids(live.search('al asad airbase'))).toContain('ar:1')

    live.update({ ...before, entities: [harir, asad] })
    expect(ids(live.search('harir'))).toContain('a-hareer')
  })

  it('rebuilds its table only when the entities array changes', () => {
    const nb = withEntities([harir, asad])
    const live = NotebookSearch.build(nb)
    const table = (names(live) as unknown as { table: unknown }).table
    live.update({ ...nb, notes: [] })
    expect((names(live) as unknown as { table: unknown }).table).toBe(table)
    live.update({ ...nb, entities: [harir, asad] })
    expect((names(live) as unknown as { table: unknown }).table).not.toBe(table)
  })

  it('the expanded query ranks as MiniSearch ranks it (the oracle)', () => {
    let found = 0
    for (const q of ['harir', 'Harir kurdistan', 'al asad airbase', 'hareer troops', 'حرير'])
      found += compareWith(
        oracleOf(index),
        index,
        planQuery(parseQuery(q), inside(index).tagMatcher, KINDS, names(index))!.query,
      )
    expect(found).toBeGreaterThan(5)
  })
})
