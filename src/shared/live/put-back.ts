// "Use this value" for a merge conflict (docs/LIVE.md): the value that lost a concurrent
// write is put back as an ordinary operation, so the reducer checks it against the notebook as
// it is now (a tag name taken since is refused with the reason) and undo takes it back.
import { OpSchema, type Op } from '../ops'
import type { Notebook } from '../schema'
import type { Conflict } from './conflicts'
import { keyOf, type Collection } from './layout'

const UPDATE_OP: Partial<Record<Collection, Op['type']>> = {
  sources: 'updateSource',
  annotations: 'updateAnnotation',
  tags: 'updateTag',
  relations: 'updateRelation',
  notes: 'updateNote',
  entities: 'updateEntity',
}

export type PutBack = { op: Op } | { reason: string }

/** The operation that gives conflict `c`'s field its lost value again, or why there is none. */
export function putBackOp(c: Conflict, nb: Notebook): PutBack {
  const entity = (nb[c.collection] as object[] | undefined)?.find((e) => keyOf(c.collection, e) === c.key)
  if (!entity) return { reason: 'It has been deleted since.' }
  const current = (entity as Record<string, unknown>)[c.field]
  if (JSON.stringify(current) === JSON.stringify(c.lost)) return { reason: 'It has that value now.' }
  const candidate =
    c.collection === 'facets'
      ? { type: 'putFacet', facet: { ...entity, [c.field]: c.lost } }
      : { type: UPDATE_OP[c.collection], id: c.key, patch: { [c.field]: c.lost } }
  const parsed = OpSchema.safeParse(candidate)
  // An update's patch drops fields it does not know: a field it cannot set is not put back.
  const patch = parsed.success && 'patch' in parsed.data ? (parsed.data.patch as object) : null
  if (!parsed.success || (patch && !(c.field in patch)))
    return { reason: `Its ${c.field} cannot be set back from here.` }
  return { op: parsed.data }
}
