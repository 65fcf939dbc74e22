// The edit mode's overlay (CSS Custom Highlights): which highlight draws which range must give
// the look the spans give in read mode — each segment's outermost passage in its color's base
// tint (dimmed when the filter leaves it out), the others over it in the nested tint, the
// selected passage underlined — checked segment by segment against a reading of the spans.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { colorRules, overlayRanges, type Keep } from '../../src/renderer/src/editor/highlight-overlay'
import type { PassageSpec } from '../../src/renderer/src/editor/passage-highlights'

const COLORS = ['#fde68a', '#a7f3d0', '#bfdbfe']
const colorIndex = (c: string) => COLORS.indexOf(c)

const span = fc.record({
  from: fc.integer({ min: 0, max: 40 }),
  length: fc.integer({ min: 1, max: 15 }),
  color: fc.constantFrom(...COLORS),
  selected: fc.boolean(),
  tags: fc.uniqueArray(fc.constantFrom('t1', 't2'), { maxLength: 2 }),
})

describe('edit mode highlight overlay', () => {
  it('draws each position as the nested spans would: outermost base or dimmed tint, the rest nested', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 8 }), fc.boolean(), (raw, filtered) => {
        const spans = raw.map((r, i) => ({
          from: r.from,
          to: r.from + r.length,
          spec: {
            id: `p${i}`,
            color: r.color,
            selected: r.selected,
            tags: r.tags,
            untagged: r.tags.length === 0,
          } satisfies Omit<PassageSpec, 'attrs'>,
        }))
        const keep: Keep = filtered ? (tags) => tags.includes('t1') : null
        const groups = overlayRanges(spans, keep, colorIndex)
        // Base and dimmed tints never overlap (a segment has one outermost passage). Nested ones
        // of one color may: a third layer of that color does not deepen the tint further.
        for (const [name, ranges] of groups) {
          if (!/-[bd]\d+$/.test(name)) continue
          const sorted = [...ranges].sort((a, b) => a.from - b.from)
          for (let i = 1; i < sorted.length; i++)
            expect(sorted[i].from).toBeGreaterThanOrEqual(sorted[i - 1].to)
        }
        const at = (name: string, pos: number) =>
          (groups.get(name) ?? []).filter((r) => r.from <= pos && pos < r.to).length
        for (let pos = 0; pos < 60; pos++) {
          // The spans' reading: passages over pos, outermost (first start, then longest) first.
          const over = spans
            .filter((s) => s.from <= pos && pos < s.to)
            .sort((a, b) => a.from - b.from || b.to - a.to)
          const expected = new Map<string, number>()
          over.forEach((s, depth) => {
            const c = colorIndex(s.spec.color)
            const dimmed = keep !== null && !keep(s.spec.tags, s.spec.untagged)
            const name = `glossa-passage-${depth > 0 ? 'n' : dimmed ? 'd' : 'b'}${c}`
            expected.set(name, 1)
            if (s.spec.selected) expected.set(`glossa-passage-s${c}`, 1)
          })
          for (const name of groups.keys()) expect(at(name, pos) > 0 ? 1 : 0).toBe(expected.get(name) ?? 0)
          for (const name of expected.keys()) expect(at(name, pos)).toBeGreaterThan(0)
        }
      }),
    )
  })

  it('merges the segments of one passage into one range', () => {
    const spec = (id: string): Omit<PassageSpec, 'attrs'> => ({
      id,
      color: COLORS[0],
      selected: false,
      tags: [],
      untagged: true,
    })
    const groups = overlayRanges(
      [
        { from: 0, to: 20, spec: spec('outer') },
        { from: 5, to: 8, spec: spec('inner') },
      ],
      null,
      colorIndex,
    )
    expect(groups.get('glossa-passage-b0')).toEqual([{ from: 0, to: 20 }])
    expect(groups.get('glossa-passage-n0')).toEqual([{ from: 5, to: 8 }])
  })

  it('writes a color into its rules only as #rrggbb', () => {
    expect(colorRules('#A7F3D0', 1)).toContain('#A7F3D0')
    const hostile = colorRules('red; } body { display: none', 2)
    expect(hostile).not.toContain('display')
    expect(hostile).toContain('#fde68a')
  })
})
