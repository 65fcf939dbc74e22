// The filter's faster paths give what the plain definitions give: reading order by a stable
// sort on (source, start), tag names by numeric collation, and a remembered filter result
// that is the one filterPassages computes for that tag set and notebook.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateNotebook } from '../../bench/generate'
import { facetCounts, filterPassages, sortPassages } from '../../src/shared/filter'
import type { TagFilter } from '../../src/shared/filter'
import { filtered } from '../../src/renderer/src/state/filtered'
import type { Annotation } from '../../src/shared/schema'

const nb = generateNotebook(
  { passages: 600, sources: 6, words: 400, tags: 40, facets: 4, links: 20, notes: 2 },
  3,
)

/** The definition sortPassages had: a stable sort comparing map lookups. */
function referenceSort(passages: Annotation[]): Annotation[] {
  const order = new Map(nb.sources.map((s, i) => [s.id, i]))
  const rank = (a: Annotation): number => order.get(a.sourceId) ?? Number.MAX_SAFE_INTEGER
  return passages
    .slice()
    .sort((a, b) => rank(a) - rank(b) || a.target.position.start - b.target.position.start)
}

describe('filter speed-ups keep their results', () => {
  it('sorts passages in reading order exactly as the stable comparator sort does, ties in input order', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(nb.annotations),
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 600 }),
        (subset, starts) => {
          // Many equal starts (and a source the notebook does not list) to exercise the ties.
          const passages = subset.map((a, i) => ({
            ...a,
            sourceId: i % 17 === 0 ? 'src-missing' : a.sourceId,
            target: { ...a.target, position: { start: starts[i] ?? 0, end: 9 } },
          }))
          const expected = referenceSort(passages).map((a) => a.id)
          expect(sortPassages(nb, passages.slice()).map((a) => a.id)).toEqual(expected)
        },
      ),
      { numRuns: 50 },
    )
  })

  it('lists tags in numeric collation order, as localeCompare with those options does', () => {
    const names = ['phase/10', 'phase/2', 'Phase/1', 'phase/b', 'phase/A', 'phase/ä', 'phase/a10', 'phase/a9']
    const tags = names.map((name, i) => ({ ...nb.tags[0], id: `t-${i}`, name }))
    const groups = facetCounts({ ...nb, tags, facets: [] })
    const listed = groups.flatMap((g) => g.tags.map((t) => t.tag.name))
    const expected = names
      .slice()
      .sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }))
    expect(listed).toEqual(expected)
  })

  it('remembers each tag set until the notebook changes, with the same passages filterPassages gives', () => {
    const one: TagFilter = { tagIds: [nb.tags[0].id], mode: 'or', untagged: false }
    const two: TagFilter = { tagIds: [nb.tags[0].id, nb.tags[1].id], mode: 'and', untagged: true }
    const first = filtered(nb, one)
    expect(first.passages.map((a) => a.id)).toEqual(filterPassages(nb, one).map((a) => a.id))
    expect([...first.ids]).toEqual(first.passages.map((a) => a.id))
    expect(filtered(nb, two).passages.map((a) => a.id)).toEqual(filterPassages(nb, two).map((a) => a.id))
    // Back to the first tag set (a new but equal filter object): the same result, not recomputed.
    expect(filtered(nb, { ...one })).toBe(first)
    // A new notebook version is computed afresh.
    const next = { ...nb, annotations: nb.annotations.slice(1) }
    const after = filtered(next, one)
    expect(after).not.toBe(first)
    expect(after.passages.map((a) => a.id)).toEqual(filterPassages(next, one).map((a) => a.id))
  })
})
