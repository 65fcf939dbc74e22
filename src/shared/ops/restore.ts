// Puts entities back as they were: the inverse of deletes, merges and cascades. Upserts by id,
// so undoing twice cannot duplicate anything. Its own inverse deletes what it inserted and puts
// back what it replaced, so a batch containing a restore still undoes exactly.
import type { Notebook } from '../schema'
import type { Applied } from './apply'
import type { Op, OpOf } from './schema'
import { withTextHash } from './sources'

interface Put<T> {
  items: T[]
  inserted: string[]
  replaced: { item: T; index: number }[]
}

export function applyRestore(nb: Notebook, op: OpOf<'restore'>): Applied {
  const sources = putAt(
    nb.sources,
    (op.sources ?? []).map((s) => ({ item: withTextHash(s.source), index: s.index })),
  )
  const tags = putAt(
    nb.tags,
    (op.tags ?? []).map((t) => ({ item: t.tag, index: t.index })),
  )
  const relations = putAt(
    nb.relations,
    (op.relations ?? []).map((r) => ({ item: r.relation, index: r.index })),
  )
  const notes = putAt(
    nb.notes,
    (op.notes ?? []).map((n) => ({ item: n.note, index: n.index })),
  )
  const annotations = putAt(
    nb.annotations,
    (op.annotations ?? []).map((a) => ({ item: a.annotation, index: a.index })),
  )
  const links = putAt(
    nb.links,
    (op.links ?? []).map((l) => ({ item: l.link, index: l.index })),
  )
  const notebook: Notebook = {
    ...nb,
    ...(op.sources && { sources: sources.items }),
    ...(op.tags && { tags: tags.items }),
    ...(op.relations && { relations: relations.items }),
    ...(op.notes && { notes: notes.items }),
    ...(op.annotations && { annotations: annotations.items }),
    ...(op.links && { links: links.items }),
  }
  // Inserted entities are deleted dependents first (links, passages), so no cascade reaches
  // anything else; replaced ones get their previous version back, in place.
  const inverse: Op[] = [
    ...links.inserted.map((id): Op => ({ type: 'deleteLink', id })),
    ...annotations.inserted.map((id): Op => ({ type: 'deleteAnnotation', id })),
    ...notes.inserted.map((id): Op => ({ type: 'deleteNote', id })),
    ...relations.inserted.map((id): Op => ({ type: 'deleteRelation', id })),
    ...tags.inserted.map((id): Op => ({ type: 'deleteTag', id })),
    ...sources.inserted.map((id): Op => ({ type: 'deleteSource', id })),
  ]
  const replaced: OpOf<'restore'> = {
    type: 'restore',
    ...(sources.replaced.length && {
      sources: sources.replaced.map(({ item, index }) => ({ source: item, index })),
    }),
    ...(tags.replaced.length && { tags: tags.replaced.map(({ item, index }) => ({ tag: item, index })) }),
    ...(relations.replaced.length && {
      relations: relations.replaced.map(({ item, index }) => ({ relation: item, index })),
    }),
    ...(notes.replaced.length && { notes: notes.replaced.map(({ item, index }) => ({ note: item, index })) }),
    ...(annotations.replaced.length && {
      annotations: annotations.replaced.map(({ item, index }) => ({ annotation: item, index })),
    }),
    ...(links.replaced.length && { links: links.replaced.map(({ item, index }) => ({ link: item, index })) }),
  }
  if (Object.keys(replaced).length > 1) inverse.push(replaced)
  return { notebook, inverse }
}

/**
 * Puts each entry back at its index (an entry whose id is present replaces it in place), in
 * one pass: a source's deletion can put back thousands of passages among tens of thousands.
 */
function putAt<T extends { id: string }>(items: T[], entries: { item: T; index: number }[]): Put<T> {
  if (entries.length === 0) return { items, inserted: [], replaced: [] }
  const at = new Map(items.map((x, i) => [x.id, i]))
  const replace = new Map<string, T>()
  const added = new Map<string, { item: T; index: number }>()
  for (const e of entries) {
    if (at.has(e.item.id)) replace.set(e.item.id, e.item)
    else added.set(e.item.id, e)
  }
  const inserts = [...added.values()].sort((a, b) => a.index - b.index)
  const result: T[] = []
  const replaced: { item: T; index: number }[] = []
  let next = 0
  for (const x of items) {
    while (next < inserts.length && inserts[next].index <= result.length) result.push(inserts[next++].item)
    const by = replace.get(x.id)
    if (by) replaced.push({ item: x, index: at.get(x.id)! })
    result.push(by ?? x)
  }
  while (next < inserts.length) result.push(inserts[next++].item)
  return { items: result, inserted: [...added.keys()], replaced }
}
