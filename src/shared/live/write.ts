// Notebooks into Y.Docs: a whole notebook (the first time), and the difference between two
// notebooks as one transaction (every batch the reducer applies). The reducer keeps unchanged
// entities' identity, so the difference is found by comparing references, and only the fields
// that changed are written.
import { generateNKeysBetween } from 'fractional-indexing'
import * as Y from 'yjs'
import type { DocNode, Notebook } from '../schema'
import { fillFragment, updateFragment } from './fragment'
import {
  ARRAY_FIELDS,
  COLLECTIONS,
  FRAGMENT_FIELDS,
  HAS_ENTITIES,
  HAS_NOTE,
  KEY_FIELD,
  keyOf,
  META,
  META_FIELDS,
  POS,
  type Collection,
} from './layout'

type Entity = Record<string, unknown>

/** A new Y.Doc holding the notebook. */
export function notebookToYDoc(nb: Notebook, doc = new Y.Doc()): Y.Doc {
  doc.transact(() => {
    writeMeta(doc, undefined, nb)
    for (const c of COLLECTIONS) writeCollection(doc, c, [], (nb[c] ?? []) as Entity[])
  })
  return doc
}

/**
 * Writes what changed from `before` to `after` into the doc, in one transaction with `origin`.
 * `before` must be what the doc holds (the last projection of it, or what was last written).
 */
export function writeNotebookDiff(doc: Y.Doc, before: Notebook, after: Notebook, origin?: unknown): void {
  if (before === after) return
  doc.transact(() => {
    writeMeta(doc, before, after)
    for (const c of COLLECTIONS) {
      const b = (before[c] ?? []) as Entity[]
      const a = (after[c] ?? []) as Entity[]
      if (b !== a) writeCollection(doc, c, b, a)
    }
  }, origin)
}

/** Writes one entity whole (a repair putting back its last valid version). */
export function rewriteEntity(doc: Y.Doc, collection: Collection, entity: object): void {
  const map = doc.getMap<Y.Map<unknown>>(collection)
  const existing = map.get(keyOf(collection, entity))
  if (existing instanceof Y.Map) writeFields(existing, collection, undefined, entity as Entity)
}

function writeMeta(doc: Y.Doc, before: Notebook | undefined, after: Notebook): void {
  const meta = doc.getMap<unknown>(META)
  for (const field of META_FIELDS)
    if (!before || before[field] !== after[field]) meta.set(field, after[field])
  const has = after.entities !== undefined
  if (!before || (before.entities !== undefined) !== has) meta.set(HAS_ENTITIES, has)
}

function writeCollection(doc: Y.Doc, collection: Collection, before: Entity[], after: Entity[]): void {
  const map = doc.getMap<Y.Map<unknown>>(collection)
  const { changed, removed, old } = changes(collection, before, after)
  for (const key of removed) map.delete(key)
  const missing = (e: Entity) => !(map.get(keyOf(collection, e)) instanceof Y.Map)
  let i = 0
  while (i < after.length) {
    const entity = after[i]
    if (!changed.has(entity)) {
      i++
      continue
    }
    const existing = map.get(keyOf(collection, entity))
    if (existing instanceof Y.Map) {
      writeFields(existing, collection, old.get(keyOf(collection, entity)), entity)
      i++
      continue
    }
    // Entities the doc lacks are created in blocks, with positions between their neighbours.
    let j = i + 1
    while (j < after.length && changed.has(after[j]) && missing(after[j])) j++
    const positions = positionsBetween(map, collection, after[i - 1], after[j], j - i)
    for (let k = i; k < j; k++) {
      const created = map.set(keyOf(collection, after[k]), new Y.Map<unknown>())
      created.set(POS, positions[k - i])
      writeFields(created, collection, undefined, after[k])
    }
    i = j
  }
}

/**
 * What the reducer changed: entities not in `before` by identity (with their old version by
 * key), and keys removed. Fast path (an edit or an append, the usual batch): same keys in the
 * same places, compared by reference.
 */
function changes(
  collection: Collection,
  before: Entity[],
  after: Entity[],
): { changed: Set<Entity>; removed: string[]; old: Map<string, Entity> } {
  const changed = new Set<Entity>()
  const old = new Map<string, Entity>()
  let aligned = after.length >= before.length
  for (let i = 0; aligned && i < before.length; i++) {
    if (after[i] === before[i]) continue
    if (keyOf(collection, after[i]) !== keyOf(collection, before[i])) aligned = false
    else {
      changed.add(after[i])
      old.set(keyOf(collection, before[i]), before[i])
    }
  }
  if (aligned) {
    for (let i = before.length; i < after.length; i++) changed.add(after[i])
    return { changed, removed: [], old }
  }
  changed.clear()
  old.clear()
  for (const e of before) old.set(keyOf(collection, e), e)
  const now = new Set<string>()
  for (const e of after) {
    const key = keyOf(collection, e)
    now.add(key)
    if (old.get(key) !== e) changed.add(e)
  }
  return { changed, removed: [...old.keys()].filter((k) => !now.has(k)), old }
}

function positionsBetween(
  map: Y.Map<Y.Map<unknown>>,
  collection: Collection,
  prev: Entity | undefined,
  next: Entity | undefined,
  n: number,
): string[] {
  const pos = (e: Entity | undefined): string | null => {
    const value = e ? map.get(keyOf(collection, e))?.get(POS) : null
    return typeof value === 'string' ? value : null
  }
  const a = pos(prev)
  const b = pos(next)
  try {
    return generateNKeysBetween(a, b, n)
  } catch {
    // Neighbours out of order (a merge interleaved them): anything after the previous one will do.
    try {
      return generateNKeysBetween(a, null, n)
    } catch {
      return generateNKeysBetween(null, null, n)
    }
  }
}

function writeFields(
  map: Y.Map<unknown>,
  collection: Collection,
  before: Entity | undefined,
  after: Entity,
): void {
  const fragmentField = FRAGMENT_FIELDS[collection]
  const arrayField = ARRAY_FIELDS[collection]
  const key = KEY_FIELD[collection]
  const fields = new Set([...Object.keys(after), ...(before ? Object.keys(before) : [...map.keys()])])
  for (const field of fields) {
    if (field === key || field === POS || field === HAS_NOTE) continue
    const value = after[field]
    if (before && before[field] === value && map.has(field)) continue
    if (field === fragmentField) writeFragment(map, collection, field, value as DocNode | null | undefined)
    else if (field === arrayField) writeArray(map, field, (value as string[] | undefined) ?? [])
    else if (value === undefined) map.delete(field)
    else if (!before || JSON.stringify(before[field]) !== JSON.stringify(value) || !map.has(field))
      map.set(field, value)
  }
}

function writeFragment(
  map: Y.Map<unknown>,
  collection: Collection,
  field: string,
  doc: DocNode | null | undefined,
): void {
  let fragment = map.get(field)
  if (!(fragment instanceof Y.XmlFragment)) {
    fragment = map.set(field, new Y.XmlFragment())
    if (doc) fillFragment(fragment as Y.XmlFragment, doc)
  } else if (doc) updateFragment(fragment as Y.XmlFragment, doc)
  else (fragment as Y.XmlFragment).delete(0, (fragment as Y.XmlFragment).length)
  if (collection === 'annotations') {
    const has = doc !== null && doc !== undefined
    if (map.get(HAS_NOTE) !== has) map.set(HAS_NOTE, has)
  }
}

/** The fewest inserts and deletes turning the Y.Array into `next` (prefix and suffix kept). */
function writeArray(map: Y.Map<unknown>, field: string, next: readonly string[]): void {
  let array = map.get(field)
  if (!(array instanceof Y.Array)) {
    array = map.set(field, new Y.Array<string>())
    ;(array as Y.Array<string>).insert(0, [...next])
    return
  }
  const y = array as Y.Array<string>
  const old = y.toArray()
  let start = 0
  while (start < old.length && start < next.length && old[start] === next[start]) start++
  let endOld = old.length
  let endNew = next.length
  while (endOld > start && endNew > start && old[endOld - 1] === next[endNew - 1]) {
    endOld--
    endNew--
  }
  if (endOld > start) y.delete(start, endOld - start)
  if (endNew > start) y.insert(start, next.slice(start, endNew))
}
