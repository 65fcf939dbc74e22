// What a link (or a `[[` reference) can point at: passages of the whole notebook, matched on
// their quote, note and tag names, and note pages matched on title and text. A plain
// case-insensitive filter: every word of the query must occur somewhere in the passage.
import { sortPassages } from '@shared/filter'
import { shortQuote } from '@shared/links'
import { plainText } from '@shared/plain-text'
import type { Annotation, Endpoint, Notebook, NotePage, Tag } from '@shared/schema'

export interface LinkTarget {
  endpoint: Endpoint
  /** “short quote” or the note's title. */
  title: string
  /** Where it is: the source's title, or "Note page". */
  detail: string
}

export interface FindOptions {
  limit?: number
  /** Include note pages (the link picker) or not (`[[` references point at passages only). */
  notes?: boolean
}

export function findTargets(nb: Notebook, query: string, options: FindOptions = {}): LinkTarget[] {
  const { limit = 30, notes = true } = options
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const matches = (hay: string) => words.every((w) => hay.includes(w))
  const tagsById = new Map(nb.tags.map((t) => [t.id, t]))
  const sourceTitle = new Map(nb.sources.map((s) => [s.id, s.title]))
  const out: LinkTarget[] = []
  for (const a of sortPassages(nb, nb.annotations.slice())) {
    if (out.length >= limit) return out
    if (!matches(passageHaystack(a, tagsById))) continue
    out.push({
      endpoint: { kind: 'annotation', id: a.id },
      title: `“${shortQuote(a.target.quote.exact, 90)}”`,
      detail: sourceTitle.get(a.sourceId) ?? '',
    })
  }
  if (!notes) return out
  for (const n of nb.notes) {
    if (out.length >= limit) break
    if (matches(noteHaystack(n)))
      out.push({ endpoint: { kind: 'note', id: n.id }, title: n.title, detail: 'Note page' })
  }
  return out
}

// Haystacks are cached per (immutable) passage and note object; tags are looked up afresh so
// a renamed tag is found by its new name.
const passageText = new WeakMap<Annotation, string>()
const noteText = new WeakMap<NotePage, string>()

function passageHaystack(a: Annotation, tagsById: Map<string, Tag>): string {
  let text = passageText.get(a)
  if (text === undefined) {
    text = `${a.target.quote.exact}\n${a.note ? plainText(a.note) : ''}`.toLowerCase()
    passageText.set(a, text)
  }
  const tags = a.tagIds.map((id) => tagsById.get(id)).filter((t): t is Tag => Boolean(t))
  return tags.length
    ? `${text}\n${tags
        .map((t) => `${t.name} ${t.label}`)
        .join('\n')
        .toLowerCase()}`
    : text
}

function noteHaystack(n: NotePage): string {
  let text = noteText.get(n)
  if (text === undefined) {
    text = `${n.title}\n${plainText(n.doc)}`.toLowerCase()
    noteText.set(n, text)
  }
  return text
}
