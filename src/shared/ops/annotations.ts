import { GlossaError } from '../errors'
import type { Annotation, Notebook } from '../schema'
import { assertNew, mustFind, removeWhere, replaceAt, type Applied } from './apply'
import type { OpOf } from './schema'
import { definedOnly, touches } from './sources'

type AnnotationOp = OpOf<'addAnnotation'> | OpOf<'updateAnnotation'> | OpOf<'deleteAnnotation'>

export function applyAnnotationOp(nb: Notebook, op: AnnotationOp, at: string): Applied {
  switch (op.type) {
    case 'addAnnotation': {
      assertNew(nb.annotations, op.annotation.id, 'passage')
      mustFind(nb.sources, op.annotation.sourceId, 'source')
      assertTagsExist(nb, op.annotation.tagIds)
      return {
        notebook: { ...nb, annotations: [...nb.annotations, op.annotation] },
        inverse: [{ type: 'deleteAnnotation', id: op.annotation.id }],
      }
    }
    case 'updateAnnotation': {
      const { item, index } = mustFind(nb.annotations, op.id, 'passage')
      const patch = definedOnly(op.patch)
      if (patch.tagIds) {
        patch.tagIds = [...new Set(patch.tagIds)]
        assertTagsExist(nb, patch.tagIds)
      }
      const previous = Object.fromEntries(Object.keys(patch).map((k) => [k, item[k as keyof Annotation]]))
      const next: Annotation = { ...item, ...patch, updatedAt: at }
      return {
        notebook: { ...nb, annotations: replaceAt(nb.annotations, index, next) },
        inverse: [{ type: 'updateAnnotation', id: op.id, patch: previous }],
      }
    }
    case 'deleteAnnotation': {
      const { item, index } = mustFind(nb.annotations, op.id, 'passage')
      const ids = new Set([op.id])
      const links = removeWhere(nb.links, (l) => touches(l, ids))
      return {
        notebook: { ...nb, annotations: nb.annotations.filter((a) => a.id !== op.id), links: links.kept },
        inverse: [
          {
            type: 'restore',
            annotations: [{ annotation: item, index }],
            links: links.removed.map(({ item: link, index: at }) => ({ link, index: at })),
          },
        ],
      }
    }
  }
}

function assertTagsExist(nb: Notebook, tagIds: readonly string[]): void {
  const known = new Set(nb.tags.map((t) => t.id))
  const missing = tagIds.find((id) => !known.has(id))
  if (missing) throw new GlossaError('not-found', `No tag with id “${missing}” in this notebook.`)
}
