// Puts entities back as they were: the inverse of deletes, merges and cascades. Upserts by id,
// so undoing twice cannot duplicate anything.
import type { Notebook } from '../schema'
import { insertAt, type Applied } from './apply'
import type { OpOf } from './schema'
import { withTextHash } from './sources'

export function applyRestore(nb: Notebook, op: OpOf<'restore'>): Applied {
  const next: Notebook = { ...nb }
  if (op.sources)
    next.sources = putAt(
      next.sources,
      op.sources.map((s) => ({ item: withTextHash(s.source), index: s.index })),
    )
  if (op.tags)
    next.tags = putAt(
      next.tags,
      op.tags.map((t) => ({ item: t.tag, index: t.index })),
    )
  if (op.relations)
    next.relations = putAt(
      next.relations,
      op.relations.map((r) => ({ item: r.relation, index: r.index })),
    )
  if (op.notes)
    next.notes = putAt(
      next.notes,
      op.notes.map((n) => ({ item: n.note, index: n.index })),
    )
  if (op.annotations) next.annotations = upsert(next.annotations, op.annotations)
  if (op.links) next.links = upsert(next.links, op.links)
  // Redo goes through the original operation, so a restore needs no inverse of its own.
  return { notebook: next, inverse: [] }
}

function putAt<T extends { id: string }>(items: T[], entries: { item: T; index: number }[]): T[] {
  let result = items
  for (const { item, index } of [...entries].sort((a, b) => a.index - b.index)) {
    const at = result.findIndex((x) => x.id === item.id)
    if (at >= 0) {
      result = result.slice()
      result[at] = item
    } else result = insertAt(result, index, item)
  }
  return result
}

function upsert<T extends { id: string }>(items: T[], restored: T[]): T[] {
  const byId = new Map(restored.map((r) => [r.id, r]))
  const result = items.map((x) => byId.get(x.id) ?? x)
  const present = new Set(items.map((x) => x.id))
  for (const r of restored) if (!present.has(r.id)) result.push(r)
  return result
}
