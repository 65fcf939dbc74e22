import { describe, expect, it } from 'vitest'
import { facetCounts, facetOf, filterPassages, tagFacetKey } from '../../src/shared/filter'
import { passage, seedNotebook, tag } from './search/fixture'

const ids = (xs: { id: string }[]): string[] => xs.map((x) => x.id)

describe('tagFacetKey', () => {
  it.each([
    ['phase/1', 'phase'],
    ['base/ain-al-asad', 'base'],
    ['a/b/c', 'a'],
    ['key-quote', null],
    ['/leading', null],
  ])('%s → %s', (name, key) => expect(tagFacetKey(name)).toBe(key))
})

describe('filterPassages', () => {
  const nb = seedNotebook()
  const all = ['a-troops', 'a-bases', 'a-hareer', 'a-phase2', 'a-memo']

  it('returns every passage, in source order then position, for an empty filter', () => {
    expect(ids(filterPassages(nb, { tagIds: [], mode: 'and', untagged: false }))).toEqual(all)
    // Order does not depend on the order of the annotations array.
    expect(
      ids(
        filterPassages(
          { ...nb, annotations: [...nb.annotations].reverse() },
          { tagIds: [], mode: 'or', untagged: false },
        ),
      ),
    ).toEqual(all)
  })

  it('keeps passages with all selected tags (AND) or any (OR)', () => {
    expect(ids(filterPassages(nb, { tagIds: ['t-ain', 't-p1'], mode: 'and', untagged: false }))).toEqual([
      'a-bases',
    ])
    expect(ids(filterPassages(nb, { tagIds: ['t-ain', 't-p1'], mode: 'or', untagged: false }))).toEqual([
      'a-bases',
      'a-hareer',
      'a-memo',
    ])
    expect(ids(filterPassages(nb, { tagIds: ['t-p2'], mode: 'and', untagged: false }))).toEqual(['a-phase2'])
  })

  it('adds untagged passages to the selection (OR), alone or with tags', () => {
    expect(ids(filterPassages(nb, { tagIds: [], mode: 'and', untagged: true }))).toEqual(['a-troops'])
    expect(ids(filterPassages(nb, { tagIds: ['t-p2'], mode: 'and', untagged: true }))).toEqual([
      'a-troops',
      'a-phase2',
    ])
  })

  it('counts a passage whose only tag was deleted as untagged', () => {
    const next = { ...nb, tags: nb.tags.filter((t) => t.id !== 't-p2') }
    expect(ids(filterPassages(next, { tagIds: [], mode: 'or', untagged: true }))).toEqual([
      'a-troops',
      'a-phase2',
    ])
  })
})

describe('facetCounts', () => {
  it('groups tags by facet: declared facets first, then unknown keys, then Other', () => {
    const nb = seedNotebook()
    const extra = passage(nb.sources[0], 'a-extra', 'Iraqi officials', { tagIds: ['t-p10', 't-p1', 't-p1'] })
    const groups = facetCounts({
      ...nb,
      tags: [...nb.tags, tag('t-p10', 'phase/10'), tag('t-zz', 'zone/north')],
      annotations: [...nb.annotations, extra],
    })
    expect(groups.map((g) => [g.facet.key, g.facet.name])).toEqual([
      ['phase', 'Phase'],
      ['unused', 'Unused facet'],
      ['base', 'base'],
      ['zone', 'zone'],
      ['', 'Other'],
    ])
    const counts = Object.fromEntries(
      groups.map((g) => [g.facet.key, g.tags.map((x) => [x.tag.name, x.count])]),
    )
    expect(counts.phase).toEqual([
      ['phase/1', 3],
      ['phase/2', 1],
      ['phase/10', 1],
    ])
    expect(counts.unused).toEqual([])
    expect(counts.base).toEqual([
      ['base/ain-al-asad', 2],
      ['base/hareer', 1],
    ])
    expect(counts.zone).toEqual([['zone/north', 0]])
    expect(counts['']).toEqual([['key-quote', 1]])
  })

  it('omits Other when every tag has a facet', () => {
    const nb = seedNotebook()
    expect(
      facetCounts({ ...nb, tags: nb.tags.filter((t) => t.name.includes('/')) }).some(
        (g) => g.facet.key === '',
      ),
    ).toBe(false)
  })
})

describe('facets ignore case', () => {
  it('puts "Actor/x" and "actor/y" in one facet, and a declared facet takes "Phase/x"', () => {
    const nb = seedNotebook()
    const groups = facetCounts({
      ...nb,
      tags: [...nb.tags, tag('t-a1', 'Actor/sadr'), tag('t-a2', 'actor/sudani'), tag('t-P3', 'Phase/3')],
    })
    const names = Object.fromEntries(groups.map((g) => [g.facet.name, g.tags.map((x) => x.tag.name)]))
    expect(names.Actor).toEqual(['Actor/sadr', 'actor/sudani'])
    expect(names.actor).toBeUndefined()
    expect(names.Phase).toEqual(['phase/1', 'phase/2', 'Phase/3'])
    expect(groups.filter((g) => g.facet.key.toLowerCase() === 'phase')).toHaveLength(1)
  })

  it('facetOf finds the declared facet whatever the case', () => {
    const facets = [{ key: 'phase', name: 'Phases' }]
    expect(facetOf(facets, 'PHASE/1')?.name).toBe('Phases')
    expect(facetOf(facets, 'phases/1')).toBeUndefined()
    expect(facetOf(facets, 'plain')).toBeUndefined()
  })
})
