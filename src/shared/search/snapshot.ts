// A saved search index: what NotebookSearch needs besides the notebook to answer as the index
// it was saved from, so a window opening an unchanged notebook loads its index instead of
// building it (#16: a build at L costs ~1.7× parsing the notebook file; docs/PERFORMANCE.md).
// The documents are not saved: they are made again from the notebook (a small part of a
// build), in the order a build makes them, and the n-th takes the n-th saved short id (no
// document id is saved or looked up). Layout, little-endian:
//   u32 magic, u32 format (snapshot-format.ts), u32 header length H, u32 zero,
//   H bytes of JSON (the header below), zero bytes to a multiple of 4, then five Int32Arrays:
//   short ids in document order, field lengths (nextId × fields), list offsets (lists + 1),
//   list documents, list counts.
// Everything is checked before it is used: a file changed by hand, cut short or written by
// another version is refused, and the window builds the index instead. That it is the index of
// this very notebook is the caller's to know (the core keeps it under the file's hash); a
// shape check (each document's kind and field lengths, in order) catches a notebook that is
// not, or a build that makes other documents, without reading a word.
import type { IndexDoc } from './docs'
import type { SavedPostings } from './postings'
import { isSearchSnapshot, SNAPSHOT_FORMAT, SNAPSHOT_MAGIC } from './snapshot-format'

export interface SavedIndex {
  fieldCount: number
  /** The postings; document ids are not saved (adopting gives them again). */
  postings: Omit<SavedPostings, 'ids'>
  /** The live documents' short ids, in the order a build of the notebook makes the documents. */
  order: Int32Array
  /** Tag ids in the order their tokens were given (tags.ts). */
  tagTokens: readonly string[]
  /** withShape over the documents in `order`. */
  shape: number
}

interface Header {
  fields: number
  nextId: number
  documents: number
  shape: number
  terms: string[]
  tagTokens: string[]
  lists: number
  entries: number
}

const PREFIX = 16
/** Typed arrays are read in place, in the machine's byte order: only little-endian machines save. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

export function encodeIndex(saved: SavedIndex): Uint8Array {
  const p = saved.postings
  const header: Header = {
    fields: saved.fieldCount,
    nextId: p.nextId,
    documents: saved.order.length,
    shape: saved.shape >>> 0,
    terms: [...p.terms],
    tagTokens: [...saved.tagTokens],
    lists: p.terms.length * saved.fieldCount,
    entries: p.docs.length,
  }
  const json = new TextEncoder().encode(JSON.stringify(header))
  const lengths = p.lengths
  // Lists of terms added after the last rebuild have no offsets yet: they are empty.
  const offsets = new Int32Array(header.lists + 1)
  offsets.set(p.offsets.subarray(0, Math.min(p.offsets.length, offsets.length)))
  offsets.fill(header.entries, Math.min(p.offsets.length, offsets.length))
  const start = align4(PREFIX + json.length)
  const total = start + 4 * (saved.order.length + lengths.length + offsets.length + 2 * header.entries)
  const out = new Uint8Array(total)
  const view = new DataView(out.buffer)
  view.setUint32(0, SNAPSHOT_MAGIC, true)
  view.setUint32(4, SNAPSHOT_FORMAT, true)
  view.setUint32(8, json.length, true)
  out.set(json, PREFIX)
  let at = start
  for (const part of [saved.order, lengths, offsets, p.docs, p.tfs]) {
    out.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at)
    at += part.byteLength
  }
  return out
}

/** The saved index in `bytes`, checked; throws an Error saying what is wrong. */
export function decodeIndex(bytes: Uint8Array, fieldCount: number): SavedIndex {
  if (!LITTLE_ENDIAN) throw new Error('saved indexes are read on little-endian machines only')
  if (!isSearchSnapshot(bytes)) throw new Error('not a saved search index of this version')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const jsonLength = view.getUint32(8, true)
  if (view.getUint32(12, true) !== 0) throw new Error('its header is not one Glossa writes')
  if (PREFIX + jsonLength > bytes.byteLength) throw new Error('cut short in its header')
  const h = parseHeader(bytes.subarray(PREFIX, PREFIX + jsonLength))
  if (h.fields !== fieldCount) throw new Error(`${h.fields} fields, not ${fieldCount}`)
  if (h.lists !== h.terms.length * fieldCount) throw new Error('its lists do not match its terms')
  const counts = [h.documents, h.nextId * fieldCount, h.lists + 1, h.entries, h.entries]
  const start = align4(PREFIX + jsonLength)
  if (start + 4 * counts.reduce((a, b) => a + b, 0) !== bytes.byteLength)
    throw new Error('its size does not match its header')
  // Views in place when aligned (the usual case); else one copy.
  const body =
    (bytes.byteOffset + start) % 4 === 0
      ? new Int32Array(bytes.buffer, bytes.byteOffset + start, (bytes.byteLength - start) / 4)
      : new Int32Array(bytes.slice(start).buffer)
  const parts: Int32Array[] = []
  for (let at = 0, i = 0; i < counts.length; at += counts[i++]) parts.push(body.subarray(at, at + counts[i]))
  const [order, lengths, offsets, docs, tfs] = parts
  checkArrays(liveOf(order, h.nextId), lengths, offsets, docs, tfs)
  return {
    fieldCount,
    postings: { terms: h.terms, nextId: h.nextId, lengths, offsets, docs, tfs },
    order,
    tagTokens: h.tagTokens,
    shape: h.shape,
  }
}

function parseHeader(json: Uint8Array): Header {
  let h: Partial<Header>
  try {
    h = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)) as Partial<Header>
  } catch {
    throw new Error('its header is not JSON')
  }
  const count = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string')
  if (
    !h ||
    typeof h !== 'object' ||
    !count(h.fields) ||
    !count(h.nextId) ||
    !count(h.lists) ||
    !count(h.entries) ||
    !count(h.documents) ||
    !count(h.shape) ||
    h.shape > 0xffffffff ||
    h.documents > h.nextId ||
    !strings(h.terms) ||
    !strings(h.tagTokens)
  )
    throw new Error('its header is not one Glossa writes')
  return h as Header
}

/** Which short ids are live: each listed once, within range. */
function liveOf(order: Int32Array, nextId: number): Uint8Array {
  const live = new Uint8Array(nextId)
  for (const d of order) {
    if (!(d >= 0 && d < nextId) || live[d]) throw new Error('its documents repeat or are out of range')
    live[d] = 1
  }
  return live
}

/** Every list ascends within its bounds, over live documents, with positive counts. */
function checkArrays(
  live: Uint8Array,
  lengths: Int32Array,
  offsets: Int32Array,
  docs: Int32Array,
  tfs: Int32Array,
): void {
  for (let i = 0; i < lengths.length; i++) if (lengths[i] < 0) throw new Error('a negative field length')
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== docs.length)
    throw new Error('its lists do not add up')
  for (let k = 0; k + 1 < offsets.length; k++) {
    const s = offsets[k]
    const e = offsets[k + 1]
    if (e < s) throw new Error('a list ends before it starts')
    let last = -1
    for (let r = s; r < e; r++) {
      const d = docs[r]
      if (d <= last || d >= live.length || !live[d] || tfs[r] < 1)
        throw new Error('a list holds a document out of order or out of range')
      last = d
    }
  }
}

const align4 = (n: number): number => (n + 3) & ~3

const KIND_CODE = { source: 1, passage: 2, note: 3, tag: 4 } as const
export const SHAPE_SEED = 0x811c9dc5

/** One more document in the shape check: its kind and its fields' lengths (FNV-1a of them). */
export function withShape(h: number, d: IndexDoc): number {
  // Unrolled: an array of the seven numbers per document was 35,500 arrays per adopt at L.
  h = mix(h, KIND_CODE[d.kind])
  h = mix(h, d.title.length)
  h = mix(h, d.quote.length)
  h = mix(h, d.note.length)
  h = mix(h, d.body.length)
  h = mix(h, d.text.length)
  return mix(h, d.tags.length)
}

const mix = (h: number, n: number): number => Math.imul(h ^ n, 16777619)
