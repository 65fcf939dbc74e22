// A merge conflict's lost value is put back as an ordinary, undoable operation.
import { describe, expect, it } from 'vitest'
import { putBackOp } from '@shared/live/put-back'
import type { Conflict } from '@shared/live'
import { applyOps } from '@shared/ops'
import { seedNotebook } from '../search/fixture'

const AT = '2026-11-30T12:00:00.000Z'

function conflict(patch: Partial<Conflict>): Conflict {
  return { collection: 'tags', key: 'x', field: 'name', kept: 'a', lost: 'b', lostId: '1:1', ...patch }
}

describe('putBackOp', () => {
  it('renames a tag back to the name that lost, and undo restores the kept one', () => {
    const nb = seedNotebook()
    const tag = nb.tags[0]
    const c = conflict({ key: tag.id, kept: tag.name, lost: 'base/hareer-airfield' })
    const result = putBackOp(c, nb)
    if (!('op' in result)) throw new Error(result.reason)
    const after = applyOps(nb, [result.op], AT)
    expect(after.notebook.tags.find((t) => t.id === tag.id)?.name).toBe('base/hareer-airfield')
    const undone = applyOps(after.notebook, after.inverse, AT)
    expect(undone.notebook.tags.find((t) => t.id === tag.id)?.name).toBe(tag.name)
  })

  it('puts back a facet field through putFacet', () => {
    const nb = seedNotebook()
    const facet = nb.facets[0]
    const result = putBackOp(
      conflict({ collection: 'facets', key: facet.key, field: 'name', kept: facet.name, lost: 'Places' }),
      nb,
    )
    if (!('op' in result)) throw new Error(result.reason)
    expect(applyOps(nb, [result.op], AT).notebook.facets[0].name).toBe('Places')
  })

  it('says why when the thing is gone, already has the value, or the field cannot be set', () => {
    const nb = seedNotebook()
    const tag = nb.tags[0]
    expect(putBackOp(conflict({ key: 'gone' }), nb)).toEqual({ reason: 'It has been deleted since.' })
    expect(putBackOp(conflict({ key: tag.id, lost: tag.name }), nb)).toEqual({
      reason: 'It has that value now.',
    })
    expect(putBackOp(conflict({ key: tag.id, field: 'facet', lost: 'zzz' }), nb)).toEqual({
      reason: 'Its facet cannot be set back from here.',
    })
    expect(putBackOp(conflict({ key: tag.id, field: 'color', lost: 'not a colour' }), nb)).toEqual({
      reason: 'Its color cannot be set back from here.',
    })
  })

  it('leaves the reducer to refuse a name taken since, with its reason', () => {
    const nb = seedNotebook()
    const [first, second] = nb.tags
    const result = putBackOp(conflict({ key: first.id, kept: first.name, lost: second.name }), nb)
    if (!('op' in result)) throw new Error(result.reason)
    expect(() => applyOps(nb, [result.op], AT)).toThrow(/already/i)
  })
})
