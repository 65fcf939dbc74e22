// jsonEqual: equal JSON values whatever the order of object members, and never equal once one
// leaf, member or array item differs.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonEqual } from '../../src/shared/json-equal'

/** The same value with every object's members in reverse order. */
const reordered = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(reordered)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reordered(x)]),
        )
      : v

describe('jsonEqual', () => {
  it('holds for a value and a copy with its members in another order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const copy = JSON.parse(JSON.stringify(v))
        expect(jsonEqual(v, copy)).toBe(true)
        expect(jsonEqual(v, reordered(copy))).toBe(true)
      }),
    )
  })
  it('agrees with comparing canonical JSON text', () => {
    const canonical = (v: unknown): string =>
      JSON.stringify(v, (_k, x) =>
        x && typeof x === 'object' && !Array.isArray(x)
          ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
          : x,
      )
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (a, b) => {
        const x = JSON.parse(JSON.stringify(a))
        const y = JSON.parse(JSON.stringify(b))
        expect(jsonEqual(x, y)).toBe(canonical(x) === canonical(y))
      }),
    )
  })
  it('tells a missing member, an extra one, a changed leaf and a shorter array', () => {
    expect(jsonEqual({ a: 1, b: '' }, { a: 1 })).toBe(false)
    expect(jsonEqual({ a: 1 }, { a: 1, b: '' })).toBe(false)
    expect(jsonEqual({ a: [1, { c: 'x' }] }, { a: [1, { c: 'y' }] })).toBe(false)
    expect(jsonEqual([1, 2], [1])).toBe(false)
    expect(jsonEqual({ a: [] }, { a: {} })).toBe(false)
    expect(jsonEqual(null, {})).toBe(false)
  })
})
