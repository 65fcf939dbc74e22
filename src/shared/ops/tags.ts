// Tag operations. Every passage's tagIds stay consistent: a deleted or merged tag leaves no
// dangling id behind, and every operation returns its exact inverse.
import { GlossaError } from '../errors'
import type { Annotation, Notebook, Tag } from '../schema'
import { assertNew, mustFind, replaceAt, type Applied } from './apply'
import type { Op, OpOf } from './schema'
import { definedOnly } from './sources'
import { assertUniqueTagName, normalizeTagName } from './tag-names'

type TagOp =
  | OpOf<'addTag'>
  | OpOf<'updateTag'>
  | OpOf<'deleteTag'>
  | OpOf<'mergeTags'>
  | OpOf<'putFacet'>
  | OpOf<'deleteFacet'>

export function applyTagOp(nb: Notebook, op: TagOp): Applied {
  switch (op.type) {
    case 'addTag': {
      assertNew(nb.tags, op.tag.id, 'tag')
      const name = normalizeTagName(op.tag.name)
      assertUniqueTagName(nb.tags, name)
      return {
        notebook: { ...nb, tags: [...nb.tags, { ...op.tag, name }] },
        inverse: [{ type: 'deleteTag', id: op.tag.id }],
      }
    }
    case 'updateTag': {
      const { item, index } = mustFind(nb.tags, op.id, 'tag')
      const patch = definedOnly(op.patch)
      if (patch.name !== undefined) {
        patch.name = normalizeTagName(patch.name)
        assertUniqueTagName(nb.tags, patch.name, op.id)
      }
      const previous = Object.fromEntries(Object.keys(patch).map((k) => [k, item[k as keyof Tag]]))
      return {
        notebook: { ...nb, tags: replaceAt(nb.tags, index, { ...item, ...patch }) },
        inverse: [{ type: 'updateTag', id: op.id, patch: previous }],
      }
    }
    case 'deleteTag': {
      const { item, index } = mustFind(nb.tags, op.id, 'tag')
      const { annotations, changes } = retagAll(nb.annotations, op.id, null)
      return {
        notebook: { ...nb, tags: nb.tags.filter((t) => t.id !== op.id), annotations },
        inverse: [
          { type: 'restore', tags: [{ tag: item, index }] },
          { type: 'retag', changes },
        ],
      }
    }
    case 'mergeTags': {
      if (op.fromId === op.intoId)
        throw new GlossaError('tag/merge-self', 'A tag cannot be merged into itself.')
      const from = mustFind(nb.tags, op.fromId, 'tag')
      mustFind(nb.tags, op.intoId, 'tag')
      const { annotations, changes } = retagAll(nb.annotations, op.fromId, op.intoId)
      return {
        notebook: { ...nb, tags: nb.tags.filter((t) => t.id !== op.fromId), annotations },
        inverse: [
          { type: 'restore', tags: [{ tag: from.item, index: from.index }] },
          { type: 'retag', changes },
        ],
      }
    }
    case 'putFacet': {
      // Facet keys ignore case, as tag names do: "Actor" and "actor" are one facet.
      const index = nb.facets.findIndex((f) => sameKey(f.key, op.facet.key))
      const inverse: Op[] =
        index < 0
          ? [{ type: 'deleteFacet', key: op.facet.key }]
          : [{ type: 'putFacet', facet: nb.facets[index] }]
      const facets = index < 0 ? [...nb.facets, op.facet] : replaceAt(nb.facets, index, op.facet)
      return { notebook: { ...nb, facets }, inverse }
    }
    case 'deleteFacet': {
      const facet = nb.facets.find((f) => sameKey(f.key, op.key))
      if (!facet) throw new GlossaError('not-found', `No facet “${op.key}” in this notebook.`)
      // Tags in the facet keep their names; the facet only loses its display name and color.
      return {
        notebook: { ...nb, facets: nb.facets.filter((f) => f !== facet) },
        inverse: [{ type: 'putFacet', facet }],
      }
    }
  }
}

const sameKey = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

type RetagChange = OpOf<'retag'>['changes'][number]

/**
 * Takes tagId off every passage carrying it, putting intoId in its place (merge) unless the
 * passage already has intoId. Returns the field-level changes that undo exactly this.
 */
function retagAll(
  all: Annotation[],
  tagId: string,
  intoId: string | null,
): { annotations: Annotation[]; changes: RetagChange[] } {
  const changes: RetagChange[] = []
  const annotations = all.map((a) => {
    const index = a.tagIds.indexOf(tagId)
    if (index < 0) return a
    const replaced = intoId !== null && !a.tagIds.includes(intoId)
    const tagIds = a.tagIds.slice()
    if (replaced) tagIds[index] = intoId
    else tagIds.splice(index, 1)
    changes.push({ id: a.id, ...(replaced ? { remove: intoId } : {}), add: { tagId, index } })
    return { ...a, tagIds }
  })
  return { annotations, changes }
}

/** Applies field-level tag changes (see the op's schema); passages that are gone are skipped. */
export function applyRetag(nb: Notebook, op: OpOf<'retag'>): Applied {
  const byId = new Map(op.changes.map((c) => [c.id, c]))
  const known = new Set(nb.tags.map((t) => t.id))
  const inverse: RetagChange[] = []
  const annotations = nb.annotations.map((a) => {
    const change = byId.get(a.id)
    if (!change) return a
    const tagIds = a.tagIds.slice()
    const undo: RetagChange = { id: a.id }
    if (change.remove !== undefined && tagIds.includes(change.remove)) {
      undo.add = { tagId: change.remove, index: tagIds.indexOf(change.remove) }
      tagIds.splice(undo.add.index, 1)
    }
    if (change.add && !tagIds.includes(change.add.tagId)) {
      if (!known.has(change.add.tagId))
        throw new GlossaError('not-found', `No tag with id “${change.add.tagId}” in this notebook.`)
      tagIds.splice(Math.min(change.add.index, tagIds.length), 0, change.add.tagId)
      undo.remove = change.add.tagId
    }
    if (undo.add === undefined && undo.remove === undefined) return a
    inverse.push(undo)
    return { ...a, tagIds }
  })
  return {
    notebook: { ...nb, annotations },
    inverse: inverse.length ? [{ type: 'retag', changes: inverse }] : [],
  }
}
