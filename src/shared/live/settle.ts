// What the replica that keeps the notebook file does after remote updates (docs/LIVE.md,
// "Rules after a merge"): project the doc, refusing invalid entities; repair what the merge
// broke; and write the refusals and repairs back into the doc, so every replica converges on a
// notebook that keeps every rule. Nothing invalid ever leaves this function.
import type * as Y from 'yjs'
import { count } from '../plural'
import type { Notebook } from '../schema'
import { recordConflicts, type Conflict } from './conflicts'
import { keyOf, META, META_FIELDS, type Collection } from './layout'
import { repairMerge } from './merge-rules'
import type { LiveProjection, Refusal } from './project'
import { rewriteEntity, writeNotebookDiff } from './write'

export interface Settled {
  notebook: Notebook
  /** What was refused or repaired, in sentences for the person at the notebook. */
  notices: string[]
  refused: Refusal[]
}

export const REPAIR_ORIGIN = 'glossa-repair'

const WHAT: Record<Collection, string> = {
  sources: 'source',
  annotations: 'passage',
  facets: 'facet',
  tags: 'tag',
  relations: 'relation',
  links: 'link',
  notes: 'note',
  entities: 'entity',
}

export function settle(doc: Y.Doc, projection: LiveProjection, origin: unknown = REPAIR_ORIGIN): Settled {
  const { notebook, refused } = projection.project()
  const conflicts = projection.takeConflicts()
  // Typing in note bodies only (the usual update from a bound editor): no rule between
  // entities can break, and the repair pass costs a walk over the whole notebook.
  const repair = projection.takeStructural() ? repairMerge(notebook) : { notebook, ops: [], notices: [] }
  const meta = doc.getMap<unknown>(META)
  const badMeta = META_FIELDS.filter((f) => meta.get(f) !== notebook[f])
  let recorded: Conflict[] = []
  if (refused.length || repair.ops.length || badMeta.length || conflicts.length)
    doc.transact(() => {
      recorded = recordConflicts(doc, conflicts)
      // A field of the notebook's own that was not valid: the value the projection kept.
      for (const f of badMeta) meta.set(f, notebook[f])
      for (const r of refused) {
        const kept = r.kept
          ? (notebook[r.collection] as object[] | undefined)?.find((e) => keyOf(r.collection, e) === r.key)
          : undefined
        if (kept) rewriteEntity(doc, r.collection, kept)
        else doc.getMap(r.collection).delete(r.key)
      }
      writeNotebookDiff(doc, notebook, repair.notebook)
    }, origin)
  const notices = refused
    .slice(0, 3)
    .map(
      (r) =>
        `Refused a change to ${WHAT[r.collection]} “${r.key}” that was not valid (${r.reason}); ${r.kept ? 'the last valid version is kept' : 'it was left out'}.`,
    )
  if (refused.length > 3)
    notices.push(`Refused ${count(refused.length - 3, 'more change')} that were not valid.`)
  for (const c of recorded.slice(0, 3)) notices.push(conflictNotice(c, notebook))
  // The repaired notebook is what was just written. Not a projection of the doc: settling in a
  // doc's 'update' handler (live-notebook.ts), the repair's own transaction is nested, and its
  // observers (which tell the projection what changed) run only after this returns — a
  // projection now would miss the repair and hand on a notebook that breaks the rules.
  const settled = repair.ops.length ? repair.notebook : projection.project().notebook
  return { notebook: settled, notices: [...notices, ...repair.notices], refused }
}

/** "Two people changed the name of tag “base/harir” at once: kept “…”; the other was “…”." */
export function conflictNotice(c: Conflict, nb: Notebook): string {
  const entity = (nb[c.collection] as object[] | undefined)?.find((e) => keyOf(c.collection, e) === c.key)
  const label =
    entity && typeof (entity as { name?: unknown }).name === 'string'
      ? (entity as { name: string }).name
      : entity && typeof (entity as { title?: unknown }).title === 'string'
        ? (entity as { title: string }).title
        : c.key
  const show = (v: unknown) => (typeof v === 'string' ? `“${v}”` : JSON.stringify(v))
  return `Two people changed the ${c.field} of ${WHAT[c.collection]} “${label}” at once: kept ${show(c.kept)}; the other was ${show(c.lost)}.`
}
