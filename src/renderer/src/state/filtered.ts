// The passages matching the tag filter, computed once per (notebook, filter) pair: the margin
// lists them and the reader dims the others, and both ask on every filter change. Results are
// kept per tag set until the notebook changes, so turning a tag off and on again, or going
// back to an earlier combination, costs nothing at 20,000 passages (docs/PERFORMANCE.md).
import { filterPassages } from '@shared/filter'
import type { Annotation, Notebook } from '@shared/schema'
import type { TagFilter } from './ui-store'

interface Filtered {
  passages: Annotation[]
  ids: Set<string>
}

/** Tag sets remembered for one notebook version; the oldest goes first. */
const KEEP = 16
let cache: { nb: Notebook; byFilter: Map<string, Filtered> } | null = null

const keyOf = (f: TagFilter): string => `${f.mode}|${f.untagged ? 1 : 0}|${f.tagIds.join(',')}`

export function filtered(nb: Notebook, filter: TagFilter): Filtered {
  if (cache?.nb !== nb) cache = { nb, byFilter: new Map() }
  const key = keyOf(filter)
  let hit = cache.byFilter.get(key)
  if (!hit) {
    const passages = filterPassages(nb, filter)
    hit = { passages, ids: new Set(passages.map((a) => a.id)) }
    if (cache.byFilter.size >= KEEP) cache.byFilter.delete(cache.byFilter.keys().next().value!)
    cache.byFilter.set(key, hit)
  }
  return hit
}
