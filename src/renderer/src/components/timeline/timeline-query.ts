// The timeline's own search box: words match an entry's label and date words (accents and
// hamza folded), operators (tag:, grade:, source:, is:) narrow the passages as in Ctrl+K.
import type { Notebook } from '@shared/schema'
import { compileFilter } from '@shared/search/filters'
import { hasFilters, parseQuery } from '@shared/search/query'
import { foldName } from '@shared/views/fold'
import type { TimelineEntry } from '@shared/views/timeline'

export function timelineMatcher(
  nb: Notebook,
  query: string,
): { matches: (e: TimelineEntry) => boolean; errors: string[] } {
  const q = parseQuery(query)
  const words = [...q.terms, ...q.phrases].map(foldName).filter(Boolean)
  const filter = hasFilters(q.filters)
    ? compileFilter(q.filters, {
        sources: nb.sources,
        tags: new Map(nb.tags.map((t) => [t.id, t])),
        annotations: new Map(nb.annotations.map((a) => [a.id, a])),
      })
    : null
  const passages = new Map(nb.annotations.map((a) => [a.id, a]))
  return {
    errors: q.errors ?? [],
    matches: (e) => {
      if (filter) {
        const a = e.passageId ? passages.get(e.passageId) : undefined
        if (!a || !filter.passage(a)) return false
      }
      const text = foldName(`${e.label} ${e.phrase}`)
      return words.every((w) => text.includes(w))
    },
  }
}
