// The Tags panel as a codebook (ATLAS.ti's Code Manager, Taguette's codebook): tags as a tree
// by facet and path segment, with counts, and which tags appear together on passages.
// Pure functions over the notebook, run once per notebook version by the panel.
import { facetCounts, OTHER_FACET_KEY, type FacetGroup } from './filter'
import type { Notebook, Tag } from './schema'

export interface CodeNode {
  /** The path in lower case ("actor/us"): unique in the tree, since tag names ignore case. */
  key: string
  /** The last path segment, as spelled by the first tag that has it. */
  label: string
  /** The full path as spelled ("actor/US"). */
  path: string
  /** The tag named exactly `path`; null for a branch that only groups tags below it. */
  tag: Tag | null
  /** Passages carrying this tag itself. */
  count: number
  /** Distinct passages carrying this tag or any tag below it (a passage counts once). */
  total: number
  children: CodeNode[]
}

export interface CodeGroup {
  facet: FacetGroup['facet']
  /** Tags in the facet, at any depth. */
  tagCount: number
  /** Distinct passages carrying any tag of the facet. */
  total: number
  children: CodeNode[]
}

/** The tree of tags: one group per facet (as the filter panel lists them), then path segments. */
export function codebook(nb: Notebook): CodeGroup[] {
  const groups = facetCounts(nb)
  const nodes = new Map<string, CodeNode>()
  /** Nodes and groups by key: what a passage's tags add to. */
  const totals = new Map<string, { total: number }>()
  /** For each tag id, the keys whose totals it adds to: its own node, its branches, its group. */
  const ancestry = new Map<string, string[]>()
  const result = groups.map((g): CodeGroup => {
    const groupKey = `\u0000${g.facet.key.toLowerCase()}`
    const group: CodeGroup = { facet: g.facet, tagCount: g.tags.length, total: 0, children: [] }
    for (const { tag, count } of g.tags) {
      const segments = tag.name.split('/')
      // Facet tags hang below their facet; the "Other" group holds whole names.
      const skip = g.facet.key === OTHER_FACET_KEY ? 0 : 1
      let siblings = group.children
      const keys = [groupKey]
      for (let depth = skip; depth < segments.length; depth++) {
        const path = segments.slice(0, depth + 1).join('/')
        const key = path.toLowerCase()
        let node = nodes.get(key)
        if (!node) {
          node = { key, label: segments[depth], path, tag: null, count: 0, total: 0, children: [] }
          nodes.set(key, node)
          totals.set(key, node)
          siblings.push(node)
        }
        keys.push(key)
        if (depth === segments.length - 1) Object.assign(node, { tag, count, label: segments[depth], path })
        siblings = node.children
      }
      ancestry.set(tag.id, keys)
    }
    totals.set(groupKey, group)
    return group
  })
  // Totals count distinct passages: `seen` holds the last passage counted for each key, so a
  // passage with two tags in one branch adds one to it, not two.
  const seen = new Map<string, number>()
  nb.annotations.forEach((a, i) => {
    for (const id of a.tagIds) {
      for (const key of ancestry.get(id) ?? []) {
        if (seen.get(key) === i) continue
        seen.set(key, i)
        totals.get(key)!.total++
      }
    }
  })
  return result
}

export interface CoOccurrence {
  a: Tag
  b: Tag
  /** Passages carrying both tags. */
  count: number
}

/**
 * Pairs of tags found together on at least one passage, most frequent first (then by name).
 * Each pair appears once, with `a` the tag that sorts first by name.
 */
export function coOccurrences(nb: Notebook): CoOccurrence[] {
  const byId = new Map(nb.tags.map((t) => [t.id, t]))
  const counts = new Map<string, { a: Tag; b: Tag; count: number }>()
  for (const passage of nb.annotations) {
    const tags = [...new Set(passage.tagIds)]
      .map((id) => byId.get(id))
      .filter((t): t is Tag => t !== undefined)
      .sort(byName)
    for (let i = 0; i < tags.length; i++) {
      for (let j = i + 1; j < tags.length; j++) {
        const key = `${tags[i].id}\u0000${tags[j].id}`
        const pair = counts.get(key)
        if (pair) pair.count++
        else counts.set(key, { a: tags[i], b: tags[j], count: 1 })
      }
    }
  }
  return [...counts.values()].sort((x, y) => y.count - x.count || byName(x.a, y.a) || byName(x.b, y.b))
}

/** The tags found with `tagId` on passages, most frequent first. */
export function coOccurringWith(
  pairs: readonly CoOccurrence[],
  tagId: string,
): { tag: Tag; count: number }[] {
  const out: { tag: Tag; count: number }[] = []
  for (const p of pairs) {
    if (p.a.id === tagId) out.push({ tag: p.b, count: p.count })
    else if (p.b.id === tagId) out.push({ tag: p.a, count: p.count })
  }
  return out
}

const COLLATOR = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })
const byName = (x: Tag, y: Tag) =>
  COLLATOR.compare(x.name, y.name) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
