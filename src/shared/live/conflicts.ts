// Where a merge had to pick one value (two renames of one tag): the field's last writer wins,
// by Yjs's rules, the same on every replica. The value that lost is not thrown away: the replica
// that sees it replaced records it in the doc's `conflicts` list, which every replica shares,
// and the window says which value was kept and which lost (docs/LIVE.md).
import * as Y from 'yjs'
import { z } from 'zod'
import { COLLECTIONS, CONFLICTS, type Collection } from './layout'

export const ConflictSchema = z.object({
  collection: z.enum(COLLECTIONS),
  key: z.string().max(200),
  field: z.string().max(100),
  kept: z.unknown(),
  lost: z.unknown(),
  /** The lost write's Yjs id ("client:clock"): the same conflict seen by two replicas is one. */
  lostId: z.string().max(60),
})
export type Conflict = z.infer<typeof ConflictSchema>

/** The list keeps this many, newest last. */
export const MAX_CONFLICTS = 200

/**
 * Whether the value a Y.Map key holds now overwrote one its writer never saw: each write
 * records the write it came after (its origin); a concurrent one came after an older write.
 */
export function lostWrite(map: Y.Map<unknown>, key: string): { lost: unknown; lostId: string } | null {
  const winner = map._map.get(key)
  const loser = winner?.left
  if (!winner || !loser || !loser.deleted) return null
  if (winner.origin && Y.compareIDs(winner.origin, loser.lastId)) return null
  const content = loser.content.getContent()
  return { lost: content[content.length - 1], lostId: `${loser.id.client}:${loser.id.clock}` }
}

/** Adds conflicts not yet recorded (by lostId) to the doc's list; returns those added. */
export function recordConflicts(doc: Y.Doc, found: Conflict[]): Conflict[] {
  const list = doc.getArray<Conflict>(CONFLICTS)
  const known = new Set(readConflicts(doc).map((c) => c.lostId))
  const fresh = found.filter((c) => !known.has(c.lostId) && known.add(c.lostId))
  if (!fresh.length) return []
  list.push(fresh)
  if (list.length > MAX_CONFLICTS) list.delete(0, list.length - MAX_CONFLICTS)
  return fresh
}

/** The recorded conflicts that are well-formed (another replica may have written anything). */
export function readConflicts(doc: Y.Doc): Conflict[] {
  return doc
    .getArray<unknown>(CONFLICTS)
    .toArray()
    .flatMap((c) => {
      const parsed = ConflictSchema.safeParse(c)
      return parsed.success ? [parsed.data] : []
    })
}

export type { Collection }
