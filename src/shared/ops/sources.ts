import { GlossaError } from '../errors'
import { plainText, textHash } from '../plain-text'
import { LIMITS, type Notebook, type Source } from '../schema'
import { assertNew, insertAt, mustFind, removeWhere, replaceAt, type Applied } from './apply'
import type { OpOf } from './schema'

type SourceOp = OpOf<'addSource'> | OpOf<'updateSource'> | OpOf<'deleteSource'>

export function applySourceOp(nb: Notebook, op: SourceOp, at: string): Applied {
  switch (op.type) {
    case 'addSource': {
      assertNew(nb.sources, op.source.id, 'source')
      const index = op.index ?? nb.sources.length
      return {
        notebook: { ...nb, sources: insertAt(nb.sources, index, withTextHash(op.source)) },
        inverse: [{ type: 'deleteSource', id: op.source.id }],
      }
    }
    case 'updateSource': {
      const { item, index } = mustFind(nb.sources, op.id, 'source')
      const patch = definedOnly(op.patch)
      // Field-level: the inverse restores only what this operation changed.
      const previous = Object.fromEntries(Object.keys(patch).map((k) => [k, item[k as keyof typeof patch]]))
      const changed = { ...item, ...patch, updatedAt: at }
      const next = patch.doc ? withTextHash(changed) : changed
      return {
        notebook: { ...nb, sources: replaceAt(nb.sources, index, next) },
        inverse: [{ type: 'updateSource', id: op.id, patch: previous }],
      }
    }
    case 'deleteSource': {
      const { item, index } = mustFind(nb.sources, op.id, 'source')
      const annotations = removeWhere(nb.annotations, (a) => a.sourceId === op.id)
      const gone = new Set(annotations.removed.map(({ item: a }) => a.id))
      const links = removeWhere(nb.links, (l) => touches(l, gone))
      return {
        notebook: {
          ...nb,
          sources: nb.sources.filter((s) => s.id !== op.id),
          annotations: annotations.kept,
          links: links.kept,
        },
        inverse: [
          {
            type: 'restore',
            sources: [{ source: item, index }],
            annotations: annotations.removed.map(({ item: annotation, index: at }) => ({
              annotation,
              index: at,
            })),
            links: links.removed.map(({ item: link, index: at }) => ({ link, index: at })),
          },
        ],
      }
    }
  }
}

/**
 * The source with its text hash computed here, never taken from the caller: passages decide
 * whether to re-anchor by comparing hashes, so a wrong one would silently misplace them.
 */
export function withTextHash(source: Source): Source {
  const text = plainText(source.doc)
  assertTextSize(text.length)
  const hash = textHash(text)
  return hash === source.textHash ? source : { ...source, textHash: hash }
}

function assertTextSize(chars: number): void {
  if (chars > LIMITS.sourceTextChars) {
    throw new GlossaError(
      'source/too-large',
      `This source has ${chars.toLocaleString('en')} characters of text; the limit is ${LIMITS.sourceTextChars.toLocaleString('en')}.`,
    )
  }
}

export function touches(
  link: { from: { kind: string; id: string }; to: { kind: string; id: string } },
  annotationIds: Set<string>,
): boolean {
  return (
    (link.from.kind === 'annotation' && annotationIds.has(link.from.id)) ||
    (link.to.kind === 'annotation' && annotationIds.has(link.to.id))
  )
}

export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>
}
