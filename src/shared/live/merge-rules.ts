// The core's rules after a merge that each side made independently (docs/LIVE.md). Each side's
// edits passed the reducer; their union may not: a link to a passage deleted on the other side,
// one tag name created on both. The fixes are ordinary operations (repairOps' and three only a
// merge or a foreign replica can need), deterministic so every replica makes the same ones, and
// applied with applyOps so the integrity check passes judgement on the result.
import { applyOps, type Op } from '../ops'
import { normalizeTagName } from '../ops/tag-names'
import { integrityProblems } from '../ops/integrity'
import { repairOps } from '../ops/repair'
import { count } from '../plural'
import type { Link, Notebook } from '../schema'

export interface MergeRepair {
  notebook: Notebook
  ops: Op[]
  notices: string[]
}

/**
 * Brings a merged notebook up to the core's rules. `at` defaults to the notebook's own
 * updatedAt, so two replicas repairing the same merge make byte-identical repairs.
 */
export function repairMerge(nb: Notebook, at = nb.updatedAt): MergeRepair {
  const notices: string[] = []
  const ops: Op[] = []
  let current = nb
  const step = (stepOps: Op[]) => {
    try {
      if (stepOps.length) current = applyOps(current, stepOps, at).notebook
      ops.push(...stepOps)
    } catch {
      // One fix in the way of another (a normalized name taking one that moves later): one at a time.
      for (const op of stepOps) {
        try {
          current = applyOps(current, [op], at).notebook
          ops.push(op)
        } catch {
          // left for the final check to report
        }
      }
    }
  }
  step(uniqueNameOps(current, notices))
  const repair = repairOps(current, at)
  step(repair.ops)
  notices.push(...repair.notices)
  step(linkOps(current, notices))
  // Each entity and the notebook's own fields were validated as they were projected (their
  // schemas are NotebookSchema's parts); parsing the whole notebook again would cost 1.9 s per
  // update at 20,000 passages. What only the whole can break is integrity.
  const problems = integrityProblems(current)
  if (problems.length) throw new Error(`A merged notebook could not be repaired: ${problems[0]}`)
  // A repair that changed nothing keeps the notebook (and its updatedAt) as it was.
  return { notebook: ops.length ? current : nb, ops, notices }
}

/**
 * Tags (and relations) created with one name on two sides: the smaller id keeps the name, each
 * other gets " (2)", " (3)", … — the first that is free. Names that are not normalized (a
 * replica from elsewhere) are normalized first.
 */
function uniqueNameOps(nb: Notebook, notices: string[]): Op[] {
  const ops: Op[] = []
  const taken = new Set<string>()
  const renamed: string[] = []
  for (const tag of [...nb.tags].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    let name: string
    try {
      name = normalizeTagName(tag.name)
    } catch {
      name = `tag-${tag.id}`.slice(0, 120)
    }
    const unique = freeName(name, taken)
    taken.add(unique.toLowerCase())
    if (unique !== tag.name) {
      ops.push({ type: 'updateTag', id: tag.id, patch: { name: unique } })
      if (unique.toLowerCase() !== name.toLowerCase()) renamed.push(`“${name}” → “${unique}”`)
    }
  }
  if (renamed.length)
    notices.push(`Tags with the same name were created on two sides at once; renamed ${renamed.join(', ')}.`)
  const relationsTaken = new Set<string>()
  for (const r of [...nb.relations].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const unique = freeName(r.name.trim(), relationsTaken, 60)
    relationsTaken.add(unique.toLowerCase())
    if (unique !== r.name) {
      ops.push({ type: 'updateRelation', id: r.id, patch: { name: unique } })
      notices.push(`Two relations were both named “${r.name.trim()}”; one is now “${unique}”.`)
    }
  }
  return ops
}

function freeName(name: string, taken: Set<string>, max = 120): string {
  if (!taken.has(name.toLowerCase())) return name
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`
    const candidate = name.slice(0, max - suffix.length) + suffix
    if (!taken.has(candidate.toLowerCase())) return candidate
  }
}

/** Links to themselves (a foreign replica) and the second of two equal links (made on both sides). */
function linkOps(nb: Notebook, notices: string[]): Op[] {
  const seen = new Map<string, Link>()
  const remove: string[] = []
  let self = 0
  for (const l of [...nb.links].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (l.from.kind === l.to.kind && l.from.id === l.to.id) {
      self++
      remove.push(l.id)
      continue
    }
    const key = `${l.from.kind}:${l.from.id}>${l.to.kind}:${l.to.id}@${l.relationId}`
    if (seen.has(key)) remove.push(l.id)
    else seen.set(key, l)
  }
  if (remove.length - self)
    notices.push(`${count(remove.length - self, 'link')} made on two sides at once kept once.`)
  if (self) notices.push(`Removed ${count(self, 'link')} joining a passage to itself.`)
  return remove.map((id): Op => ({ type: 'deleteLink', id }))
}
