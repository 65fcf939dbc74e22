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
      const { annotations, originals } = mapTagged(nb.annotations, op.id, (ids) =>
        ids.filter((id) => id !== op.id),
      )
      return {
        notebook: { ...nb, tags: nb.tags.filter((t) => t.id !== op.id), annotations },
        inverse: [{ type: 'restore', tags: [{ tag: item, index }], annotations: originals }],
      }
    }
    case 'mergeTags': {
      if (op.fromId === op.intoId)
        throw new GlossaError('tag/merge-self', 'A tag cannot be merged into itself.')
      const from = mustFind(nb.tags, op.fromId, 'tag')
      mustFind(nb.tags, op.intoId, 'tag')
      const { annotations, originals } = mapTagged(nb.annotations, op.fromId, (ids) => [
        ...new Set(ids.map((id) => (id === op.fromId ? op.intoId : id))),
      ])
      return {
        notebook: { ...nb, tags: nb.tags.filter((t) => t.id !== op.fromId), annotations },
        inverse: [{ type: 'restore', tags: [{ tag: from.item, index: from.index }], annotations: originals }],
      }
    }
    case 'putFacet': {
      const index = nb.facets.findIndex((f) => f.key === op.facet.key)
      const inverse: Op[] =
        index < 0
          ? [{ type: 'deleteFacet', key: op.facet.key }]
          : [{ type: 'putFacet', facet: nb.facets[index] }]
      const facets = index < 0 ? [...nb.facets, op.facet] : replaceAt(nb.facets, index, op.facet)
      return { notebook: { ...nb, facets }, inverse }
    }
    case 'deleteFacet': {
      const facet = nb.facets.find((f) => f.key === op.key)
      if (!facet) throw new GlossaError('not-found', `No facet “${op.key}” in this notebook.`)
      // Tags in the facet keep their names; the facet only loses its display name and color.
      return {
        notebook: { ...nb, facets: nb.facets.filter((f) => f.key !== op.key) },
        inverse: [{ type: 'putFacet', facet }],
      }
    }
  }
}

/** Rewrites tagIds of every passage carrying tagId; returns the originals for the inverse. */
function mapTagged(
  all: Annotation[],
  tagId: string,
  f: (ids: string[]) => string[],
): { annotations: Annotation[]; originals: Annotation[] } {
  const originals: Annotation[] = []
  const annotations = all.map((a) => {
    if (!a.tagIds.includes(tagId)) return a
    originals.push(a)
    return { ...a, tagIds: f(a.tagIds) }
  })
  return { annotations, originals }
}
