// Puts entities back as they were: the inverse of deletes, merges and cascades. Upserts by id,
// so undoing twice cannot duplicate anything.
import type { Notebook } from '../schema'
import type { Applied } from './apply'
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
  if (op.annotations)
    next.annotations = putAt(
      next.annotations,
      op.annotations.map((a) => ({ item: a.annotation, index: a.index })),
    )
  if (op.links)
    next.links = putAt(
      next.links,
      op.links.map((l) => ({ item: l.link, index: l.index })),
    )
  // Redo goes through the original operation, so a restore needs no inverse of its own.
  return { notebook: next, inverse: [] }
}

/**
 * Puts each entry back at its index (an entry whose id is present replaces it in place), in
 * one pass: a source's deletion can put back thousands of passages among tens of thousands.
 */
function putAt<T extends { id: string }>(items: T[], entries: { item: T; index: number }[]): T[] {
  const replace = new Map<string, T>()
  const present = new Set(items.map((x) => x.id))
  const added = new Map<string, { item: T; index: number }>()
  for (const e of entries) {
    if (present.has(e.item.id)) replace.set(e.item.id, e.item)
    else added.set(e.item.id, e)
  }
  const inserts = [...added.values()].sort((a, b) => a.index - b.index)
  const result: T[] = []
  let next = 0
  for (const x of items) {
    while (next < inserts.length && inserts[next].index <= result.length) result.push(inserts[next++].item)
    result.push(replace.get(x.id) ?? x)
  }
  while (next < inserts.length) result.push(inserts[next++].item)
  return result
}
