// firstPassages keeps the first `limit` matching passages in reading order: the same list as
// filtering, sorting them all (sortPassages) and cutting.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortPassages } from '../../../src/shared/filter'
import type { Annotation, Source } from '../../../src/shared/schema'
import { firstPassages } from '../../../src/shared/search/first-passages'

const passage = (id: number, sourceId: string, start: number, tagged: boolean) =>
  ({
    id: `a${id}`,
    sourceId,
    target: { position: { start, end: start + 3 } },
    tagIds: tagged ? ['t'] : [],
  }) as unknown as Annotation

describe('firstPassages', () => {
  it('equals sortPassages of the matches, cut to the limit', () => {
    const sources = ['s0', 's1', 's2'].map((id) => ({ id }) as Source)
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('s0', 's1', 's2', 'gone'), fc.nat(30), fc.boolean()), {
          maxLength: 80,
        }),
        fc.nat(20),
        (rows, limit) => {
          const annotations = rows.map(([s, start, tagged], i) => passage(i, s, start, tagged))
          const accept = (a: Annotation) => a.tagIds.length > 0
          const expected = sortPassages({ sources }, annotations.filter(accept)).slice(0, limit)
          expect(firstPassages({ sources, annotations }, accept, limit).map((a) => a.id)).toEqual(
            expected.map((a) => a.id),
          )
        },
      ),
    )
  })
})
