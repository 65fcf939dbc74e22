import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codebook, coOccurrences, coOccurringWith, type CodeNode } from '../../src/shared/codebook'
import type { Notebook } from '../../src/shared/schema'
import { notebook, seedNotebook, tag } from './search/fixture'

/** A bare passage carrying tags: the codebook reads only tagIds. */
const carrying = (id: string, tagIds: string[]) => ({ ...seedNotebook().annotations[0], id, tagIds })
const flat = (nodes: CodeNode[]): CodeNode[] => nodes.flatMap((n) => [n, ...flat(n.children)])

describe('codebook', () => {
  it('groups the seed tags by facet, with counts per tag and per facet', () => {
    const groups = codebook(seedNotebook())
    expect(groups.map((g) => [g.facet.name, g.tagCount, g.total])).toEqual([
      ['Phase', 2, 3], // a-bases, a-hareer (phase/1), a-phase2 (phase/2)
      ['Unused facet', 0, 0],
      ['base', 2, 3], // a-bases, a-memo (ain), a-hareer (hareer)
      ['Other', 1, 1],
    ])
    const phase = groups[0].children
    expect(phase.map((n) => [n.label, n.path, n.count, n.total])).toEqual([
      ['1', 'phase/1', 2, 2],
      ['2', 'phase/2', 1, 1],
    ])
    expect(groups[3].children.map((n) => n.path)).toEqual(['key-quote'])
  })

  it('builds branches from path segments; a passage counts once in each branch', () => {
    const tags = [tag('army', 'actor/US/army'), tag('navy', 'actor/us/navy'), tag('us', 'actor/us')]
    const nb = notebook({
      tags,
      annotations: [
        carrying('p1', ['army', 'navy']),
        carrying('p2', ['army']),
        carrying('p3', ['us', 'army']),
      ],
    })
    const [actor] = codebook(nb)
    expect(actor.total).toBe(3)
    const [us] = actor.children
    // "actor/us" is a tag itself and the branch of the other two (names ignore case).
    expect([us.path, us.tag?.id, us.count, us.total]).toEqual(['actor/us', 'us', 1, 3])
    expect(us.children.map((n) => [n.label, n.count, n.total])).toEqual([
      ['army', 3, 3],
      ['navy', 1, 1],
    ])
  })

  it('keeps a branch with no tag of its own, and ignores ids of deleted tags', () => {
    const nb = notebook({
      tags: [tag('x', 'place/iraq/anbar')],
      annotations: [carrying('p1', ['x', 'gone']), carrying('p2', ['gone'])],
    })
    const [place] = codebook(nb)
    const [iraq] = place.children
    expect([iraq.tag, iraq.count, iraq.total]).toEqual([null, 0, 1])
    expect(place.total).toBe(1)
  })

  it('lists every tag exactly once, with its count of passages', () => {
    fc.assert(
      fc.property(notebookArb, (nb) => {
        const listed = codebook(nb)
          .flatMap((g) => flat(g.children))
          .filter((n) => n.tag)
        expect(listed.map((n) => n.tag!.id).sort()).toEqual(nb.tags.map((t) => t.id).sort())
        for (const n of listed) {
          expect(n.count).toBe(nb.annotations.filter((a) => a.tagIds.includes(n.tag!.id)).length)
          expect(n.total).toBeGreaterThanOrEqual(Math.max(n.count, ...n.children.map((c) => c.total)))
        }
      }),
    )
  })
})

describe('coOccurrences', () => {
  it('counts the seed pairs, most frequent first', () => {
    const pairs = coOccurrences(seedNotebook())
    expect(pairs.map((p) => [p.a.name, p.b.name, p.count])).toEqual([
      ['base/ain-al-asad', 'key-quote', 1],
      ['base/ain-al-asad', 'phase/1', 1],
      ['base/hareer', 'phase/1', 1],
    ])
    expect(coOccurringWith(pairs, 't-p1').map((x) => [x.tag.name, x.count])).toEqual([
      ['base/ain-al-asad', 1],
      ['base/hareer', 1],
    ])
    expect(coOccurringWith(pairs, 't-p2')).toEqual([])
  })

  it('equals a brute-force count over every pair of tags', () => {
    fc.assert(
      fc.property(notebookArb, (nb) => {
        const expected: string[] = []
        for (const a of nb.tags)
          for (const b of nb.tags) {
            if (a.name >= b.name) continue
            const n = nb.annotations.filter((p) => p.tagIds.includes(a.id) && p.tagIds.includes(b.id)).length
            if (n > 0) expected.push(`${a.name}+${b.name}=${n}`)
          }
        const got = coOccurrences(nb).map((p) => {
          const [x, y] = [p.a, p.b].sort((l, r) => (l.name < r.name ? -1 : 1))
          return `${x.name}+${y.name}=${p.count}`
        })
        expect(got.sort()).toEqual(expected.sort())
        // Frequent first, and never more than either tag's own count.
        const counts = coOccurrences(nb).map((p) => p.count)
        expect(counts).toEqual([...counts].sort((x, y) => y - x))
      }),
    )
  })

  it('is symmetric: what a tag appears with, the other appears with too, as often', () => {
    fc.assert(
      fc.property(notebookArb, (nb) => {
        const pairs = coOccurrences(nb)
        for (const t of nb.tags)
          for (const { tag: other, count } of coOccurringWith(pairs, t.id))
            expect(coOccurringWith(pairs, other.id).find((x) => x.tag.id === t.id)?.count).toBe(count)
      }),
    )
  })
})

/** Up to 8 tags with distinct lower-case names over a few facets and depths, and passages using them. */
const notebookArb: fc.Arbitrary<Notebook> = fc
  .uniqueArray(fc.constantFrom('a', 'b', 'A/x', 'a/y', 'a/y/z', 'b/x', 'b/x/y', 'c', 'c/d/e'), {
    maxLength: 8,
    selector: (s) => s.toLowerCase(),
  })
  .chain((names) =>
    fc.array(fc.subarray(names.map((_, i) => `t${i}`)), { maxLength: 12 }).map((sets) =>
      notebook({
        tags: names.map((n, i) => tag(`t${i}`, n)),
        annotations: sets.map((ids, i) => carrying(`p${i}`, [...ids, ...(i % 3 ? [] : ['deleted'])])),
      }),
    ),
  )
