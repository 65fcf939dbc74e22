// An operator-only query (`tag:phase`, `is:orphaned`) lists matching passages in reading order
// (source order, then position: sortPassages). At L the most used tag matches ~4,700
// passages and sorting them all to show 50 was most of the query; this keeps the `limit`
// first in a sorted window instead (a passage after the window's last costs one comparison).
import type { Annotation, Notebook } from '../schema'

export function firstPassages(
  nb: Pick<Notebook, 'sources' | 'annotations'>,
  accept: (a: Annotation) => boolean,
  limit: number,
): Annotation[] {
  if (limit <= 0) return []
  const order = new Map(nb.sources.map((s, i) => [s.id, i]))
  const rank = (a: Annotation): number => order.get(a.sourceId) ?? Number.MAX_SAFE_INTEGER
  // Ties keep notebook order (sortPassages is stable): later passages go after equal ones.
  const before = (a: Annotation, b: Annotation): boolean =>
    rank(a) - rank(b) < 0 || (rank(a) === rank(b) && a.target.position.start < b.target.position.start)
  const best: Annotation[] = []
  for (const a of nb.annotations) {
    if (best.length === limit && !before(a, best[limit - 1])) continue
    if (!accept(a)) continue
    let lo = 0
    let hi = best.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (before(a, best[mid])) hi = mid
      else lo = mid + 1
    }
    best.splice(lo, 0, a)
    if (best.length > limit) best.pop()
  }
  return best
}
