// The seeded notebook shows the analyst's views from the first start: its timeline holds both
// phases and the 2003–2014 history in order, its places are on the map with their aliases,
// and its source is graded.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedNotebook } from '../../../src/core/seed'
import { plainText } from '../../../src/shared/plain-text'
import { NotebookSchema } from '../../../src/shared/schema'
import { aliasConflicts, mentionsByEntity } from '../../../src/shared/views/entities'
import { gradeLabel } from '../../../src/shared/views/grades'
import { placesOf, projectMap } from '../../../src/shared/views/map'
import { layoutTimeline, timelineEntries } from '../../../src/shared/views/timeline'

const RESOURCES = join(import.meta.dirname, '../../../resources')

describe('the seeded notebook', async () => {
  const nb = await seedNotebook(RESOURCES, '2026-01-01T00:00:00.000Z')
  const texts = new Map(nb.sources.map((s) => [s.id, plainText(s.doc)]))

  it('is a valid notebook with a publication date and a reliability grade', () => {
    expect(NotebookSchema.safeParse(nb).success).toBe(true)
    expect(nb.sources[0].published).toBe('2024-09-27')
    expect(gradeLabel({}, nb.sources[0])).toBe('B?')
  })

  it('has a timeline with both phases and the history in order', () => {
    const { entries } = timelineEntries(nb, nb.annotations, texts, true)
    const phrases = entries.map((e) => e.phrase)
    const history = ['in 2003', 'in 2007', 'in 2011', 'in 2014'].map((p) => phrases.indexOf(p))
    expect(history.every((i, k) => i >= 0 && (k === 0 || i > history[k - 1]))).toBe(true)
    const phase1 = entries.find((e) => e.label.includes('first phase'))!
    const phase2 = entries.find((e) => e.label.includes('second phase'))!
    expect(phase1.range).toEqual({ from: null, to: '2025-09' })
    expect(phase2.range).toEqual({ from: null, to: '2026' })
    expect(entries.indexOf(phase1)).toBeGreaterThan(history[3])
    expect(entries.indexOf(phase2)).toBeGreaterThan(entries.indexOf(phase1))
    const layout = layoutTimeline([{ key: entries[0].lane, name: 'Found' }], entries, {
      pxPerYear: 40,
      published: new Map([[nb.sources[0].id, Date.UTC(2024, 8, 27)]]),
      labelWidth: (s) => s.length * 6,
    })
    const p1 = layout.lanes[0].items.find((i) => i.entry === phase1)!
    // An open start is drawn from the publication date, faded.
    expect(p1.openStart).toBe(true)
    expect(p1.width).toBeGreaterThan(0)
  })

  it('places the three bases on the map, Harir with its alias Hareer, and finds them in the text', () => {
    const places = placesOf(nb)
    const names = places.map((p) => p.name)
    expect(names).toEqual(expect.arrayContaining(['Ain al-Asad', 'Baghdad International Airport', 'Harir']))
    expect(places.find((p) => p.name === 'Harir')!.aliases).toContain('Hareer')
    const { places: drawn } = projectMap(places, null, 800, 500)
    for (const p of drawn) {
      expect(p.x).toBeGreaterThan(0)
      expect(p.x).toBeLessThan(800)
      expect(p.y).toBeGreaterThan(0)
      expect(p.y).toBeLessThan(500)
    }
    const mentions = mentionsByEntity(nb, texts)
    const harir = nb.entities!.find((e) => e.name === 'Harir')!
    expect(mentions.get(harir.id)!.map((m) => m.text)).toEqual(['Hareer'])
    const coalition = nb.entities!.find((e) => e.name === 'American-led coalition')!
    expect(mentions.get(coalition.id)![0].text).toBe('American-led coalition') // before “’s”
    expect(aliasConflicts(nb.entities!).size).toBe(0)
  })
})
