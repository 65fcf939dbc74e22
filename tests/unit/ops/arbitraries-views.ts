// fast-check arbitraries for the analyst's views operations (dates, grades, entities), for the
// undo-law property test: each draws a valid operation for the notebook it is given.
import fc from 'fast-check'
import type { Op } from '../../../src/shared/ops'
import type { Entity, Notebook, PassageDate } from '../../../src/shared/schema'

const id = fc.stringMatching(/^[a-z][a-z0-9]{3,8}$/)
const year = fc.integer({ min: 1900, max: 2100 })
const partialDate = fc.oneof(
  year.map(String),
  fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
)
const range = fc.oneof(
  partialDate.map((d) => ({ from: d, to: d })),
  partialDate.map((d) => ({ from: null, to: d })),
  partialDate.map((d) => ({ from: d, to: null })),
  fc.tuple(year, fc.integer({ min: 0, max: 30 })).map(([y, n]) => ({ from: String(y), to: String(y + n) })),
)
export const passageDateArb: fc.Arbitrary<PassageDate> = fc.record({
  id,
  value: range,
  text: fc.constantFrom('', 'until 2026', 'through September 2025', 'in 2011'),
  status: fc.constantFrom('accepted' as const, 'rejected' as const),
})
const reliability = fc.constantFrom(
  'A' as const,
  'B' as const,
  'C' as const,
  'D' as const,
  'E' as const,
  'F' as const,
)
const reason = fc.constantFrom('', 'wire service', 'single anonymous official', 'حرير')
const passageGrade = fc.oneof(
  fc.record({ credibility: fc.integer({ min: 1, max: 6 }), reason }),
  fc.record({ reliability, credibility: fc.integer({ min: 1, max: 6 }), reason }),
  fc.record({ reliability, reason }),
)
const coordinates = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
})
const name = fc.constantFrom('Harir', 'Hareer', 'حرير', 'Ain al-Asad', 'عين الأسد', 'Syria', 'Hamas', 'ISIS')
export const entityArb: fc.Arbitrary<Entity> = fc
  .record({
    id,
    type: fc.constantFrom('place' as const, 'person' as const, 'organization' as const),
    name,
    aliases: fc.array(name, { maxLength: 3 }),
    description: fc.constantFrom('', 'Air base'),
    coordinates: fc.option(coordinates, { nil: undefined }),
  })
  .map(({ coordinates: c, ...e }) => (e.type === 'place' && c ? { ...e, coordinates: c } : e))

/** A valid analyst's-views operation on `nb` (which needs at least one source). */
export function viewOpArb(nb: Notebook): fc.Arbitrary<Op> {
  const sourceId = fc.constantFrom(...nb.sources.map((s) => s.id))
  const options: fc.Arbitrary<Op>[] = [
    fc.record({
      type: fc.constant('setSourcePublished' as const),
      id: sourceId,
      published: fc.option(partialDate, { nil: null }),
    }),
    fc.record({
      type: fc.constant('setSourceReliability' as const),
      id: sourceId,
      reliability: fc.option(fc.record({ reliability, reason }), { nil: null }),
    }),
    fc.record({
      type: fc.constant('setSourceDateRejected' as const),
      id: sourceId,
      text: fc.constantFrom('in 2003', 'until 2026', 'next year'),
      rejected: fc.boolean(),
    }),
    fc
      .record({ type: fc.constant('addEntity' as const), entity: entityArb })
      .filter((op) => !(nb.entities ?? []).some((e) => e.id === op.entity.id)),
  ]
  if (nb.annotations.length > 0) {
    const passageId = fc.constantFrom(...nb.annotations.map((a) => a.id))
    options.push(
      fc.record({ type: fc.constant('putPassageDate' as const), passageId, date: passageDateArb }),
      fc.record({
        type: fc.constant('setPassageGrade' as const),
        id: passageId,
        grade: fc.option(passageGrade, { nil: null }),
      }),
    )
    const dated = nb.annotations.flatMap((a) =>
      (a.dates ?? []).map((d) => ({ passageId: a.id, dateId: d.id })),
    )
    if (dated.length > 0)
      options.push(fc.constantFrom(...dated).map((d) => ({ type: 'removePassageDate' as const, ...d })))
  }
  const entities = nb.entities ?? []
  if (entities.length > 0) {
    const entityId = fc.constantFrom(...entities.map((e) => e.id))
    options.push(
      fc.record({ type: fc.constant('deleteEntity' as const), id: entityId }),
      fc.record({
        type: fc.constant('updateEntity' as const),
        id: entityId,
        patch: fc.record(
          { name, aliases: fc.array(name, { maxLength: 3 }), description: fc.constant('Renamed') },
          { requiredKeys: [] },
        ),
      }),
    )
  }
  return fc.oneof(...options)
}
