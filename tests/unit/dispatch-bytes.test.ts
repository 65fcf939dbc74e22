// The dispatcher's nesting check (src/core/dispatch.ts) does not walk binary arguments: a saved
// search index is ~15 MB, and enumerating it would visit 15 million numbers on every save.
import { describe, expect, it } from 'vitest'
import { dispatch, MAX_ARG_DEPTH, nestedDeeperThan } from '../../src/core/dispatch'
import type { Handlers } from '../../src/shared/contract'
import { snapshotBytes } from '../helpers/snapshot-bytes'

/** An object nested `levels` deep. */
function deep(levels: number): unknown {
  let node: unknown = {}
  for (let i = 0; i < levels; i++) node = { child: node }
  return node
}

/** Binary data carrying a deep object as an own property: found only if the data is walked. */
function marked<T extends object>(data: T): T {
  return Object.assign(data, { marker: deep(MAX_ARG_DEPTH + 10) })
}

describe('nestedDeeperThan and binary data', () => {
  it('does not walk into a typed array, a DataView or an ArrayBuffer', () => {
    for (const data of [
      new Uint8Array(16),
      new Float64Array(2),
      new DataView(new ArrayBuffer(8)),
      new ArrayBuffer(8),
      Buffer.alloc(8),
    ]) {
      // Walked, the marker would be found too deep; skipped, it is not.
      expect(nestedDeeperThan({ id: 'x', bytes: marked(data) }, MAX_ARG_DEPTH), data.constructor.name).toBe(
        false,
      )
    }
    // A plain object with the same marker is still walked (the check is not switched off).
    expect(nestedDeeperThan({ bytes: marked({}) }, MAX_ARG_DEPTH)).toBe(true)
  })

  it('still counts the depth of what holds the bytes', () => {
    let node: unknown = { bytes: new Uint8Array(4) }
    for (let i = 0; i < MAX_ARG_DEPTH + 5; i++) node = [node]
    expect(nestedDeeperThan(node, MAX_ARG_DEPTH)).toBe(true)
  })

  it('hands a large Uint8Array to the handler as it came (no copy)', async () => {
    const bytes = new Uint8Array(20_000_000)
    let received: unknown
    const handlers = {
      saveSearchIndex: async (args: { bytes: Uint8Array }) => {
        received = args.bytes
        return { saved: false }
      },
    } as unknown as Handlers
    // A real snapshot's envelope is checked by the schema; these zeros are refused there.
    const refused = await dispatch(handlers, 'saveSearchIndex', { id: 'x', key: 'a'.repeat(64), bytes })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    bytes.set(snapshotBytes().subarray(0, 8)) // the magic number and the format version
    const outcome = await dispatch(handlers, 'saveSearchIndex', { id: 'x', key: 'a'.repeat(64), bytes })
    expect(outcome).toEqual({ ok: true, result: { saved: false } })
    expect(received).toBe(bytes)
  })
})
