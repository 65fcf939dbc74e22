// When a note editor may be made again bound to the live doc: not while someone types in it,
// but never later than MAX_WAIT_MS after the notebook became live.
import { describe, expect, it } from 'vitest'
import { IDLE_MS, MAX_WAIT_MS, mayBind } from '../../../src/renderer/src/editor/bind-when-idle'

describe('mayBind', () => {
  const since = 10_000
  it('binds at once an editor without the focus, however recent the last key', () => {
    expect(mayBind(since, { since, lastKeyAt: since, focused: false })).toBe(true)
  })
  it('waits while the focused editor had a key within IDLE_MS', () => {
    expect(mayBind(since + 5, { since, lastKeyAt: since, focused: true })).toBe(false)
    expect(mayBind(since + IDLE_MS - 1, { since, lastKeyAt: since, focused: true })).toBe(false)
  })
  it('binds once the focused editor has had no key for IDLE_MS', () => {
    expect(mayBind(since + IDLE_MS, { since, lastKeyAt: since, focused: true })).toBe(true)
    expect(mayBind(since, { since, lastKeyAt: Number.NEGATIVE_INFINITY, focused: true })).toBe(true)
  })
  it('binds after MAX_WAIT_MS even during an unbroken burst', () => {
    const now = since + MAX_WAIT_MS + 1
    expect(mayBind(now, { since, lastKeyAt: now - 1, focused: true })).toBe(true)
    expect(mayBind(now - 2, { since, lastKeyAt: now - 3, focused: true })).toBe(false)
  })
})
