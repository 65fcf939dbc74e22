// Would undoing an operation overwrite work done after it? Undo applies the inverse the reducer
// returned; those inverses are field-level (an update restores only the fields it changed, a
// tag deletion puts back only that tag), so most later edits are untouched. What remains is
// when the same field, or an entity the inverse would delete, changed since: then the undo is
// refused with a reason instead of silently reverting that later work.
import type { Notebook } from '../schema'
import type { Op } from './schema'

type Collection = 'sources' | 'annotations' | 'tags' | 'relations' | 'links' | 'notes'
const WHAT: Record<Collection, string> = {
  sources: 'source',
  annotations: 'passage',
  tags: 'tag',
  relations: 'relation',
  links: 'link',
  notes: 'note',
}

/**
 * Why applying `inverse` to `now` would overwrite a change made after `after` (the notebook as
 * the operation left it), or null when it would not.
 */
export function laterEditConflict(inverse: readonly Op[], after: Notebook, now: Notebook): string | null {
  for (const op of inverse) {
    const reason = conflictOf(op, after, now)
    if (reason) return reason
  }
  return null
}

function conflictOf(op: Op, after: Notebook, now: Notebook): string | null {
  switch (op.type) {
    case 'renameNotebook':
      return now.title === after.title ? null : 'the notebook was renamed since'
    case 'updateSource':
      return fieldsChanged('sources', op.id, Object.keys(op.patch), after, now)
    case 'updateAnnotation':
      return fieldsChanged('annotations', op.id, Object.keys(op.patch), after, now)
    case 'updateTag':
      return fieldsChanged('tags', op.id, Object.keys(op.patch), after, now)
    case 'updateRelation':
      return fieldsChanged('relations', op.id, Object.keys(op.patch), after, now)
    case 'updateNote':
      return fieldsChanged('notes', op.id, Object.keys(op.patch), after, now)
    case 'deleteSource':
      return (
        entityChanged('sources', op.id, after, now) ??
        dependentsChanged(
          after.annotations.filter((a) => a.sourceId === op.id),
          now.annotations.filter((a) => a.sourceId === op.id),
          'its passages',
        )
      )
    case 'deleteAnnotation':
      return entityChanged('annotations', op.id, after, now) ?? linksChanged('annotation', op.id, after, now)
    case 'deleteNote':
      return entityChanged('notes', op.id, after, now) ?? linksChanged('note', op.id, after, now)
    case 'deleteTag': {
      const carried = (nb: Notebook) => nb.annotations.filter((a) => a.tagIds.includes(op.id))
      return (
        entityChanged('tags', op.id, after, now) ??
        dependentsChanged(carried(after), carried(now), 'which passages carry it')
      )
    }
    case 'deleteRelation': {
      const using = (nb: Notebook) => nb.links.filter((l) => l.relationId === op.id)
      return (
        entityChanged('relations', op.id, after, now) ??
        dependentsChanged(using(after), using(now), 'its links')
      )
    }
    case 'deleteLink':
      return entityChanged('links', op.id, after, now)
    default:
      // restore, retag, putFacet, deleteFacet, adds: they put back what was removed and touch
      // nothing that could have been edited since.
      return null
  }
}

function find(nb: Notebook, collection: Collection, id: string): Record<string, unknown> | undefined {
  return (nb[collection] as { id: string }[]).find((x) => x.id === id) as Record<string, unknown> | undefined
}

function fieldsChanged(
  collection: Collection,
  id: string,
  fields: string[],
  after: Notebook,
  now: Notebook,
): string | null {
  const before = find(after, collection, id)
  const current = find(now, collection, id)
  if (!current) return `the ${WHAT[collection]} was deleted since`
  if (!before || before === current) return null
  const changed = fields.filter((f) => !sameValue(before[f], current[f]))
  return changed.length ? `the ${WHAT[collection]}’s ${changed.join(' and ')} changed since` : null
}

function entityChanged(collection: Collection, id: string, after: Notebook, now: Notebook): string | null {
  const before = find(after, collection, id)
  const current = find(now, collection, id)
  if (!current || !before || sameValue(before, current)) return null
  return `the ${WHAT[collection]} was edited since`
}

function linksChanged(
  kind: 'annotation' | 'note',
  id: string,
  after: Notebook,
  now: Notebook,
): string | null {
  const touching = (nb: Notebook) =>
    nb.links.filter(
      (l) => (l.from.kind === kind && l.from.id === id) || (l.to.kind === kind && l.to.id === id),
    )
  return dependentsChanged(touching(after), touching(now), 'its links')
}

function dependentsChanged(before: readonly object[], now: readonly object[], what: string): string | null {
  if (before.length === now.length && before.every((x, i) => x === now[i] || sameValue(x, now[i])))
    return null
  return `${what} changed since`
}

/** Identity first (unchanged values keep it), then structure, ignoring timestamps. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  return JSON.stringify(a, dropTimes) === JSON.stringify(b, dropTimes)
}
function dropTimes(key: string, value: unknown): unknown {
  return key === 'updatedAt' ? undefined : value
}
