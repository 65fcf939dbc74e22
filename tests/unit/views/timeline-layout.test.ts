// Timeline layout on the seeded notebook at every zoom level: labels near the axis's end turn
// to the left (the phases read in the frame), none runs past the start, and no two labels or
// bars in one row overlap.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedNotebook } from '../../../src/core/seed'
import { plainText } from '../../../src/shared/plain-text'
import { layoutTimeline, timelineEntries, ZOOM_LEVELS } from '../../../src/shared/views/timeline'

const RESOURCES = join(import.meta.dirname, '../../../resources')
const labelWidth = (s: string) => Math.min(s.length, 60) * 6.6

describe('timeline layout', async () => {
  const nb = await seedNotebook(RESOURCES, '2026-01-01T00:00:00.000Z')
  const texts = new Map(nb.sources.map((s) => [s.id, plainText(s.doc)]))
  const { entries } = timelineEntries(nb, nb.annotations, texts, true)
  const published = new Map([[nb.sources[0].id, Date.UTC(2024, 8, 27)]])

  it.each(ZOOM_LEVELS.map((px, i) => [i, px]))(
    'zoom %i: labels in the canvas, none overlapping in a row',
    (_, px) => {
      const layout = layoutTimeline([{ key: entries[0].lane, name: 'Found' }], entries, {
        pxPerYear: px,
        published,
        labelWidth,
      })
      const axisEnd = layout.width - 240
      const spans = layout.lanes[0].items.map((p) => {
        const lw = labelWidth(p.entry.label) + 16
        const [from, to] = p.labelLeft
          ? [Math.min(p.x, p.x + p.width - lw), p.x + p.width]
          : [p.x, p.x + Math.max(p.width, lw)]
        return { p, from, to }
      })
      for (const s of spans) {
        expect(s.from, s.p.entry.label).toBeGreaterThanOrEqual(0)
        // Turned only where the label would run past the axis's end and has room on the left.
        const lw = labelWidth(s.p.entry.label) + 16
        expect(s.p.labelLeft, s.p.entry.label).toBe(
          s.p.x + Math.max(s.p.width, lw) > axisEnd && s.p.x + s.p.width - lw >= 0,
        )
      }
      for (const a of spans)
        for (const b of spans)
          if (a !== b && a.p.row === b.p.row)
            expect(a.to <= b.from || b.to <= a.from, `${a.p.entry.label} / ${b.p.entry.label}`).toBe(true)
    },
  )

  it('turns the latest labels (the phases) to the left at the zoom a wide window fits', () => {
    const layout = layoutTimeline([{ key: entries[0].lane, name: 'Found' }], entries, {
      pxPerYear: ZOOM_LEVELS[2],
      published,
      labelWidth,
    })
    const phase1 = layout.lanes[0].items.find((p) => p.entry.label.includes('first phase'))!
    const history = layout.lanes[0].items.find((p) => p.entry.phrase === 'in 2003')!
    expect(phase1.labelLeft).toBe(true)
    expect(history.labelLeft).toBe(false)
  })
})
