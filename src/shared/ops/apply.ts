// The reducer: applies operations immutably (unchanged entities keep their identity, which
// the search index relies on) and returns the operations that undo them.
import { GlossaError } from '../errors'
import type { Notebook } from '../schema'
import { applyAnnotationOp } from './annotations'
import { applyDateOp } from './dates'
import { applyEntityOp } from './entities'
import { applyGradeOp } from './grades'
import { assertIntegrity } from './integrity'
import { applyLinkOp } from './links'
import { applyNoteOp } from './notes'
import { applyRestore } from './restore'
import type { Op } from './schema'
import { applySourceOp } from './sources'
import { applyRetag, applyTagOp } from './tags'

export interface Applied {
  notebook: Notebook
  /** Apply these (in order) to undo. */
  inverse: Op[]
}

export function applyOp(nb: Notebook, op: Op, at: string): Applied {
  switch (op.type) {
    case 'renameNotebook':
      return {
        notebook: { ...nb, title: op.title.trim() },
        inverse: [{ type: 'renameNotebook', title: nb.title }],
      }
    case 'addSource':
    case 'updateSource':
    case 'deleteSource':
      return applySourceOp(nb, op, at)
    case 'addAnnotation':
    case 'updateAnnotation':
    case 'deleteAnnotation':
      return applyAnnotationOp(nb, op, at)
    case 'addTag':
    case 'updateTag':
    case 'deleteTag':
    case 'mergeTags':
    case 'putFacet':
    case 'deleteFacet':
      return applyTagOp(nb, op)
    case 'addRelation':
    case 'updateRelation':
    case 'deleteRelation':
    case 'addLink':
    case 'deleteLink':
      return applyLinkOp(nb, op)
    case 'addNote':
    case 'updateNote':
    case 'deleteNote':
      return applyNoteOp(nb, op, at)
    case 'restore':
      return applyRestore(nb, op)
    case 'putPassageDate':
    case 'removePassageDate':
    case 'setSourcePublished':
    case 'setSourceDateRejected':
      return applyDateOp(nb, op, at)
    case 'setPassageGrade':
    case 'setSourceReliability':
      return applyGradeOp(nb, op, at)
    case 'addEntity':
    case 'updateEntity':
    case 'deleteEntity':
      return applyEntityOp(nb, op)
    case 'retag':
      return applyRetag(nb, op)
  }
}

/**
 * Applies a batch atomically: if one operation is refused, none is applied. The batch as a
 * whole must leave every reference valid (see integrity.ts), whatever its operations did.
 */
export function applyOps(nb: Notebook, ops: readonly Op[], at: string): Applied {
  let current = nb
  const inverses: Op[][] = []
  for (const op of ops) {
    const r = applyOp(current, op, at)
    current = r.notebook
    inverses.push(r.inverse)
  }
  assertIntegrity(nb, current)
  return { notebook: { ...current, updatedAt: at }, inverse: inverses.reverse().flat() }
}

export function mustFind<T extends { id: string }>(
  items: readonly T[],
  id: string,
  what: string,
): { item: T; index: number } {
  const index = items.findIndex((i) => i.id === id)
  if (index < 0) throw new GlossaError('not-found', `No ${what} with id “${id}” in this notebook.`)
  return { item: items[index], index }
}

export function assertNew(items: readonly { id: string }[], id: string, what: string): void {
  if (items.some((i) => i.id === id))
    throw new GlossaError('conflict', `A ${what} with id “${id}” already exists.`)
}

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const next = items.slice()
  next[index] = item
  return next
}

export function insertAt<T>(items: readonly T[], index: number, item: T): T[] {
  const next = items.slice()
  next.splice(Math.min(index, next.length), 0, item)
  return next
}

/** Splits items into those kept and those removed, each removed one with its index (for restore). */
export function removeWhere<T>(
  items: readonly T[],
  remove: (item: T) => boolean,
): { kept: T[]; removed: { item: T; index: number }[] } {
  const kept: T[] = []
  const removed: { item: T; index: number }[] = []
  items.forEach((item, index) => (remove(item) ? removed.push({ item, index }) : kept.push(item)))
  return { kept, removed }
}
