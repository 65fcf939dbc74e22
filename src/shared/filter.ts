// Passage filtering for the facet panel, and the per-facet tag counts it displays.
// Pure functions over the notebook: cheap enough (one pass over the passages) to run on
// every notebook change without caching.
import type { Annotation, Facet, Notebook, Tag } from './schema'

export interface TagFilter {
  tagIds: string[]
  mode: 'and' | 'or'
  untagged: boolean
}

export interface FacetGroup {
  facet: Facet | { key: string; name: string }
  tags: { tag: Tag; count: number }[]
}

/** Key of the group with the tags that have no facet segment. */
export const OTHER_FACET_KEY = ''

/** The facet a tag name belongs to: its first path segment, or null for "plain" tags. */
export function tagFacetKey(name: string): string | null {
  const slash = name.indexOf('/')
  return slash > 0 ? name.slice(0, slash) : null
}

/**
 * The declared facet of a tag name, matched without regard to case: tag names are unique
 * case-insensitively, so "Actor/x" and "actor/y" are in one facet, not two.
 */
export function facetOf<F extends { key: string }>(facets: readonly F[], name: string): F | undefined {
  const key = tagFacetKey(name)?.toLowerCase()
  return key === undefined ? undefined : facets.find((f) => f.key.toLowerCase() === key)
}

/**
 * A passage counts as untagged when none of its tag ids resolve to an existing tag, so a
 * dangling id left by a deleted tag does not hide the passage from "untagged".
 */
export function isUntagged(
  a: Annotation,
  tagIds: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): boolean {
  return !a.tagIds.some((id) => tagIds.has(id))
}

/**
 * Passages in reading order: source order in the notebook, then position in the source (sorts
 * `passages` in place, stable). The keys are read once per passage rather than per comparison:
 * a filter change at 20,000 passages sorts thousands of them (docs/PERFORMANCE.md).
 */
export function sortPassages(nb: Pick<Notebook, 'sources'>, passages: Annotation[]): Annotation[] {
  const order = new Map(nb.sources.map((s, i) => [s.id, i]))
  const rank = new Float64Array(passages.length)
  const start = new Float64Array(passages.length)
  const index = new Uint32Array(passages.length)
  passages.forEach((a, i) => {
    rank[i] = order.get(a.sourceId) ?? Number.MAX_SAFE_INTEGER
    start[i] = a.target.position.start
    index[i] = i
  })
  index.sort((i, j) => rank[i] - rank[j] || start[i] - start[j] || i - j)
  const sorted = Array.from(index, (i) => passages[i])
  for (let i = 0; i < sorted.length; i++) passages[i] = sorted[i]
  return passages
}

export function filterPassages(nb: Notebook, filter: TagFilter): Annotation[] {
  const selected = new Set(filter.tagIds)
  if (selected.size === 0 && !filter.untagged) return sortPassages(nb, nb.annotations.slice())
  const known = new Set(nb.tags.map((t) => t.id))
  const matchesTags = (a: Annotation): boolean => {
    if (selected.size === 0) return false
    if (filter.mode === 'or') return a.tagIds.some((id) => selected.has(id))
    const own = new Set(a.tagIds)
    for (const id of selected) if (!own.has(id)) return false
    return true
  }
  // "Untagged" is an extra bucket next to the selected tags, hence OR rather than AND.
  const keep = nb.annotations.filter((a) => matchesTags(a) || (filter.untagged && isUntagged(a, known)))
  return sortPassages(nb, keep)
}

/**
 * Numeric collation so "phase/2" sorts before "phase/10". One collator for every comparison:
 * localeCompare with options builds one per call, which made the counts of 1,000 tags take
 * tenths of a second (docs/PERFORMANCE.md).
 */
const BY_NAME = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

export function facetCounts(nb: Notebook): FacetGroup[] {
  const counts = new Map<string, number>()
  for (const a of nb.annotations) {
    // A passage listing a tag twice still counts once.
    for (const id of new Set(a.tagIds)) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  // Grouped by the facet segment in lower case ("Actor/x" and "actor/y" are one facet); an
  // undeclared facet is named as its first tag spells it.
  const byKey = new Map<string, Tag[]>()
  const spelled = new Map<string, string>()
  for (const tag of nb.tags) {
    const segment = tagFacetKey(tag.name)
    const key = segment?.toLowerCase() ?? OTHER_FACET_KEY
    if (segment && !spelled.has(key)) spelled.set(key, segment)
    const list = byKey.get(key)
    if (list) list.push(tag)
    else byKey.set(key, [tag])
  }
  const group = (facet: FacetGroup['facet']): FacetGroup => ({
    facet,
    tags: (byKey.get(facet.key.toLowerCase()) ?? [])
      .slice()
      .sort((a, b) => BY_NAME.compare(a.name, b.name))
      .map((tag) => ({ tag, count: counts.get(tag.id) ?? 0 })),
  })
  const declared = new Set<string>()
  const groups: FacetGroup[] = []
  for (const f of nb.facets) {
    const key = f.key.toLowerCase()
    if (declared.has(key)) continue // a second facet spelled with other case: its tags are listed once
    declared.add(key)
    groups.push(group(f))
  }
  const unknown = [...byKey.keys()].filter((k) => k !== OTHER_FACET_KEY && !declared.has(k)).sort()
  for (const key of unknown) groups.push(group({ key, name: spelled.get(key) ?? key }))
  if (byKey.has(OTHER_FACET_KEY)) groups.push(group({ key: OTHER_FACET_KEY, name: 'Other' }))
  return groups
}
