// Operations of the analyst's views: dates, grades, entities. Each inverse undoes exactly what
// its operation changed (a property over generated batches), and bad input is refused.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyOps, OpSchema, type Op } from '../../../src/shared/ops'
import type { Notebook } from '../../../src/shared/schema'
import { notebookWithSource, passage } from '../../helpers/notebook'
import { viewOpArb } from './arbitraries-views'

function fixture(): Notebook {
  const { nb, source, text } = notebookWithSource([
    'Phase 1 runs through September 2025; troops move from Ain al-Asad to Hareer base until 2026.',
  ])
  return {
    ...nb,
    entities: [],
    annotations: [
      passage('a1', source, text, 'through September 2025'),
      passage('a2', source, text, 'Hareer base until 2026'),
    ],
  }
}

/** The notebook without the timestamps operations set. */
function content(nb: Notebook): unknown {
  const strip = <T extends { updatedAt?: string }>({ updatedAt: _u, ...rest }: T) => rest
  return {
    ...strip(nb),
    sources: nb.sources.map(strip),
    annotations: nb.annotations.map(strip),
  }
}

const run = (nb: Notebook, ops: Op[]) => applyOps(nb, ops, '2026-05-06T07:08:09.000Z')
const date = (id: string, from: string | null, to: string | null, text = '') => ({
  id,
  value: { from, to },
  text,
  status: 'accepted' as const,
})

describe('analyst views operations', () => {
  it('undo restores the notebook exactly, for generated batches', () => {
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 1, max: 8 }), (g, length) => {
        const before = fixture()
        let nb = before
        const ops: Op[] = []
        for (let i = 0; i < length; i++) {
          const op = g(() => viewOpArb(nb))
          expect(OpSchema.safeParse(op).success).toBe(true)
          nb = run(nb, [op]).notebook
          ops.push(op)
        }
        const { notebook: after, inverse } = run(before, ops)
        expect(content(after)).toEqual(content(nb))
        expect(content(run(after, inverse).notebook)).toEqual(content(before))
      }),
      { numRuns: 300 },
    )
  })

  it('undoing a date correction leaves a grade set since untouched (field-level inverses)', () => {
    let nb = run(fixture(), [
      { type: 'putPassageDate', passageId: 'a1', date: date('d1', null, '2025-09') },
    ]).notebook
    const correction = run(nb, [
      { type: 'putPassageDate', passageId: 'a1', date: date('d1', '2024-09', '2025-09') },
    ])
    nb = correction.notebook
    nb = run(nb, [{ type: 'setPassageGrade', id: 'a1', grade: { credibility: 2, reason: 'AP' } }]).notebook
    nb = run(nb, correction.inverse).notebook
    const a1 = nb.annotations.find((a) => a.id === 'a1')!
    expect(a1.dates).toEqual([date('d1', null, '2025-09')])
    expect(a1.grade).toEqual({ credibility: 2, reason: 'AP' })
  })

  it('removing the last date leaves the passage without a dates field', () => {
    const nb = run(fixture(), [
      { type: 'putPassageDate', passageId: 'a2', date: date('d1', null, '2026', 'until 2026') },
      { type: 'removePassageDate', passageId: 'a2', dateId: 'd1' },
    ]).notebook
    expect('dates' in nb.annotations[1]).toBe(false)
  })

  it('updates an entity field by field, and its inverse restores only those fields', () => {
    let nb = run(fixture(), [
      {
        type: 'addEntity',
        entity: {
          id: 'harir',
          type: 'place',
          name: ' Harir ',
          aliases: ['Hareer', 'HAREER', 'Harir'],
          description: '',
        },
      },
    ]).notebook
    expect(nb.entities![0]).toMatchObject({ name: 'Harir', aliases: ['Hareer'] }) // tidied, folded
    const set = run(nb, [
      { type: 'updateEntity', id: 'harir', patch: { coordinates: { lat: 36.55, lon: 44.35 } } },
    ])
    nb = run(set.notebook, [
      { type: 'updateEntity', id: 'harir', patch: { description: 'Air base' } },
    ]).notebook
    nb = run(nb, set.inverse).notebook
    expect(nb.entities![0].coordinates).toBeUndefined()
    expect(nb.entities![0].description).toBe('Air base')
  })

  it('refuses coordinates out of range and coordinates on a person', () => {
    const bad = OpSchema.safeParse({
      type: 'updateEntity',
      id: 'x',
      patch: { coordinates: { lat: 91, lon: 0 } },
    })
    expect(bad.success).toBe(false)
    expect(JSON.stringify(bad.error?.issues)).toContain('latitude is between -90 and 90')
    expect(
      OpSchema.safeParse({ type: 'updateEntity', id: 'x', patch: { coordinates: { lat: 0, lon: 181 } } })
        .success,
    ).toBe(false)
    const nb = run(fixture(), [
      {
        type: 'addEntity',
        entity: {
          id: 'p',
          type: 'place',
          name: 'Harir',
          aliases: [],
          description: '',
          coordinates: { lat: 36, lon: 44 },
        },
      },
    ]).notebook
    expect(() => run(nb, [{ type: 'updateEntity', id: 'p', patch: { type: 'person' } }])).toThrow(
      /Only places have coordinates/,
    )
  })

  it('refuses impossible dates with a message', () => {
    for (const [from, to, message] of [
      ['2025-13', null, 'There is no month 13.'],
      ['2025-02-30', null, 'Feb 2025 has 28 days; there is no day 30.'],
      ['2014', '2003', 'A period cannot end before it starts.'],
      [null, null, 'A date needs a start or an end.'],
    ] as const) {
      const parsed = OpSchema.safeParse({
        type: 'putPassageDate',
        passageId: 'a1',
        date: date('d', from, to),
      })
      expect(parsed.success).toBe(false)
      expect(JSON.stringify(parsed.error?.issues)).toContain(message)
    }
  })

  it('an alias shared by two entities is kept on both (flagged by the views, not merged)', () => {
    const nb = run(fixture(), [
      {
        type: 'addEntity',
        entity: { id: 'e1', type: 'person', name: 'Hussein', aliases: [], description: '' },
      },
      {
        type: 'addEntity',
        entity: { id: 'e2', type: 'person', name: 'Saddam Hussein', aliases: ['Hussein'], description: '' },
      },
    ]).notebook
    expect(nb.entities!.map((e) => e.id)).toEqual(['e1', 'e2'])
    expect(nb.entities![1].aliases).toEqual(['Hussein'])
  })

  it('grades a source and a passage; null removes the grade', () => {
    const nb = run(fixture(), [
      { type: 'setSourceReliability', id: 'src1', reliability: { reliability: 'B', reason: 'wire service' } },
      { type: 'setPassageGrade', id: 'a1', grade: { reliability: 'C', credibility: 3, reason: '' } },
      { type: 'setPassageGrade', id: 'a1', grade: null },
    ]).notebook
    expect(nb.sources[0].reliability).toEqual({ reliability: 'B', reason: 'wire service' })
    expect('grade' in nb.annotations[0]).toBe(false)
  })
})
