// Corroboration: how many independent sources agree or disagree with a passage, from the
// "supports" and "contradicts" links between passages. Sources are independent when their
// origins differ (two apnews.com articles count once); the passage's own origin never counts.
import type { Notebook, Source } from '../schema'

export interface Corroboration {
  /** Independent origins with a passage that supports this one (or that this one supports). */
  supports: string[]
  contradicts: string[]
}

const RELATIONS = { supports: 'supports', contradicts: 'contradicts' } as const

/** The independence key of a source: its origin without "www.", or its id when it has none. */
export function originKey(source: Pick<Source, 'id' | 'origin'>): string {
  const origin = source.origin
    .trim()
    .toLowerCase()
    .replace(/^www\./, '')
  return origin || `source:${source.id}`
}

/** Corroboration of every passage that has any, by passage id (one pass over the links). */
export function corroborationIndex(nb: Notebook): Map<string, Corroboration> {
  const sourceOf = new Map(nb.annotations.map((a) => [a.id, a.sourceId]))
  const keyOf = new Map(nb.sources.map((s) => [s.id, originKey(s)]))
  const sets = new Map<string, { supports: Set<string>; contradicts: Set<string> }>()
  const add = (passageId: string, otherId: string, kind: keyof typeof RELATIONS) => {
    const own = keyOf.get(sourceOf.get(passageId) ?? '')
    const other = keyOf.get(sourceOf.get(otherId) ?? '')
    if (!own || !other || own === other) return
    const entry = sets.get(passageId) ?? { supports: new Set(), contradicts: new Set() }
    entry[kind].add(other)
    sets.set(passageId, entry)
  }
  for (const link of nb.links) {
    const kind =
      link.relationId === RELATIONS.supports
        ? 'supports'
        : link.relationId === RELATIONS.contradicts
          ? 'contradicts'
          : null
    if (!kind || link.from.kind !== 'annotation' || link.to.kind !== 'annotation') continue
    // Agreement and disagreement are mutual: both ends count the other's source.
    add(link.from.id, link.to.id, kind)
    add(link.to.id, link.from.id, kind)
  }
  const out = new Map<string, Corroboration>()
  for (const [id, s] of sets)
    out.set(id, { supports: [...s.supports].sort(), contradicts: [...s.contradicts].sort() })
  return out
}

/** "2 sources agree · 1 disagrees", or "" when nothing corroborates or contradicts it. */
export function corroborationLabel(c: Corroboration | undefined): string {
  if (!c) return ''
  const parts: string[] = []
  if (c.supports.length)
    parts.push(`${c.supports.length} ${c.supports.length === 1 ? 'source agrees' : 'sources agree'}`)
  if (c.contradicts.length)
    parts.push(
      `${c.contradicts.length} ${c.contradicts.length === 1 ? 'source disagrees' : 'sources disagree'}`,
    )
  return parts.join(' · ')
}
