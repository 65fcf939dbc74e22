// Bytes that pass isSearchSnapshot (the envelope the core checks), without the search code: the
// magic number and the format version, then `rest`. The core never reads further.
import { SNAPSHOT_FORMAT, SNAPSHOT_MAGIC } from '../../src/shared/search/snapshot-format'

export function snapshotBytes(rest: ArrayLike<number> = [1, 2, 3, 4, 5, 6, 7, 8]): Uint8Array {
  const bytes = new Uint8Array(8 + rest.length)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, SNAPSHOT_MAGIC, true)
  view.setUint32(4, SNAPSHOT_FORMAT, true)
  bytes.set(rest, 8)
  return bytes
}

/** `n` bytes of a snapshot with a recognisable pattern (every byte value, over and over). */
export function bigSnapshot(n: number): Uint8Array {
  const rest = new Uint8Array(n - 8)
  for (let i = 0; i < rest.length; i++) rest[i] = (i * 7 + 3) & 0xff
  return snapshotBytes(rest)
}
