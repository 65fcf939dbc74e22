// The saved search index's envelope, on its own (no search code), for the core that stores
// snapshots without reading them: a magic number, then the format version (snapshot.ts).

/** "GLSI" (Glossa search index), little-endian u32 at byte 0. */
export const SNAPSHOT_MAGIC = 0x49534c47
/**
 * Bumped whenever what a snapshot holds changes, or how a document's words are read, or which
 * documents a build makes and in what order (update()'s visit order, textBlocks, the blank-block
 * rule): a snapshot of another format is never adopted. tests/unit/search/snapshot.test.ts pins
 * the bytes of one index, so such a change fails there first.
 */
export const SNAPSHOT_FORMAT = 1
/** Far above an index of the largest notebook Glossa opens (150 MB of JSON: ~1.3× its text). */
export const MAX_SNAPSHOT_BYTES = 300 * 1024 * 1024

/** Whether the bytes start as a snapshot of this format does (the rest is checked on adopting). */
export function isSearchSnapshot(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 12 || bytes.byteLength > MAX_SNAPSHOT_BYTES) return false
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8)
  return view.getUint32(0, true) === SNAPSHOT_MAGIC && view.getUint32(4, true) === SNAPSHOT_FORMAT
}
