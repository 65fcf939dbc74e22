// Query operators turned into predicates. Evaluated against the live notebook maps rather
// than indexed fields, so status changes and tag renames never require re-indexing to filter.
import { isUntagged } from '../filter'
import type { Annotation, Source, Tag } from '../schema'
import { effectiveGrade, matchesGrade } from '../views/grades'
import type { IndexDoc } from './docs'
import { KINDS, type QueryFilters, type SearchKind } from './query'

export interface FilterContext {
  sources: readonly Source[]
  tags: ReadonlyMap<string, Tag>
  annotations: ReadonlyMap<string, Annotation>
}

export interface CompiledFilter {
  /** The kinds that can pass, so the query only searches their fields. */
  kinds: SearchKind[]
  /** For indexed documents (search hits). */
  doc: (d: IndexDoc) => boolean
  /** For passages (operator-only listing). */
  passage: (a: Annotation) => boolean
}

/** Tag ids named `name` or nested under it ("base" covers "base/ain-al-asad"), case-insensitive. */
export function tagIdsUnder(name: string, tags: ReadonlyMap<string, Tag>): Set<string> {
  const q = name.toLowerCase()
  const ids = new Set<string>()
  for (const t of tags.values()) {
    const n = t.name.toLowerCase()
    if (n === q || n.startsWith(`${q}/`)) ids.add(t.id)
  }
  return ids
}

/**
 * Sources whose id equals, or whose title or origin (the site or file shown under the title,
 * e.g. "apnews.com") contains, any of the given strings.
 */
export function matchingSources(queries: readonly string[], sources: readonly Source[]): Set<string> {
  const lower = queries.map((q) => q.toLowerCase())
  const ids = new Set<string>()
  for (const s of sources) {
    const title = s.title.toLowerCase()
    const origin = s.origin.toLowerCase()
    if (queries.includes(s.id) || lower.some((q) => title.includes(q) || origin.includes(q))) ids.add(s.id)
  }
  return ids
}

/** Null when nothing restricts the results (the hot path skips the callback entirely). */
export function compileFilter(f: QueryFilters, ctx: FilterContext): CompiledFilter | null {
  const kinds = f.kinds ? new Set(f.kinds) : null
  const sources = f.sources.length > 0 ? matchingSources(f.sources, ctx.sources) : null
  const tagSets = f.tags.map((name) => tagIdsUnder(name, ctx.tags))
  // tag:, is:orphaned and is:untagged only make sense for passages.
  const grades = f.grades?.length ? f.grades : null
  const sourceById = grades ? new Map(ctx.sources.map((s) => [s.id, s])) : null
  const passageOnly = tagSets.length > 0 || f.orphaned === true || f.untagged === true || grades !== null
  if (!kinds && !sources && !passageOnly) return null

  const passage = (a: Annotation): boolean => {
    if (kinds && !kinds.has('passage')) return false
    if (sources && !sources.has(a.sourceId)) return false
    if (f.orphaned && a.status !== 'orphaned') return false
    if (f.untagged && !isUntagged(a, ctx.tags)) return false
    if (grades && !grades.every((g) => matchesGrade(g, effectiveGrade(a, sourceById!.get(a.sourceId)))))
      return false
    return tagSets.every((ids) => a.tagIds.some((id) => ids.has(id)))
  }
  const doc = (d: IndexDoc): boolean => {
    if (d.kind === 'passage') {
      const a = ctx.annotations.get(d.ref)
      return a !== undefined && passage(a)
    }
    if (passageOnly || (kinds && !kinds.has(d.kind))) return false
    // source: keeps that source's own blocks next to its passages, and nothing else.
    return !sources || (d.kind === 'source' && d.sourceId !== undefined && sources.has(d.sourceId))
  }
  const possible = KINDS.filter(
    (k) =>
      (!kinds || kinds.has(k)) &&
      (!passageOnly || k === 'passage') &&
      (!sources || k === 'passage' || k === 'source'),
  )
  return { kinds: possible, doc, passage }
}
