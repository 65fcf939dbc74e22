// What a link (or a `[[` reference) can point at: passages of the whole notebook, matched on
// their quote, note and tag names, and note pages matched on title and text. Every word of the
// query must occur (case, accents and hamza/ʿayn marks folded, as in Ctrl+K). The best
// matches come first: a quote (or title) equal to the query, then starting with it, then
// containing it, then containing all its words, then matches in notes and tags; the shorter
// quote first among those starting with or containing the query; else reading order.
import { sortPassages } from '@shared/filter'
import { shortQuote } from '@shared/links'
import { plainText } from '@shared/plain-text'
import type { Annotation, Endpoint, Notebook, NotePage, Tag } from '@shared/schema'
import { foldText } from '@shared/search/fold'

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

/** How well a head (quote or title) matches: lower is better; null when its body must decide. */
export function headRank(head: string, query: string, words: string[]): number | null {
  if (query === '' || head === query) return 0
  if (head.startsWith(query)) return 1
  if (head.includes(query)) return 2
  if (words.every((w) => head.includes(w))) return 3
  return null
}
const BODY_RANK = 4

export function findTargets(nb: Notebook, query: string, options: FindOptions = {}): LinkTarget[] {
  const { limit = 30, notes = true } = options
  const q = foldText(query)
  const words = q.split(' ').filter(Boolean)
  const tagsById = new Map(nb.tags.map((t) => [t.id, t]))
  const sourceTitle = new Map(nb.sources.map((s) => [s.id, s.title]))
  const ranked: { rank: number; length: number; order: number; target: LinkTarget }[] = []
  let order = 0
  const consider = (head: string, body: () => string, target: () => LinkTarget) => {
    const rank =
      headRank(head, q, words) ?? (words.every((w) => `${head}\n${body()}`.includes(w)) ? BODY_RANK : null)
    // Among quotes that start with (or contain) the query, the shorter is the closer match.
    const length = rank === 1 || rank === 2 ? head.length : 0
    if (rank !== null) ranked.push({ rank, length, order: order++, target: target() })
  }
  for (const a of sortPassages(nb, nb.annotations.slice())) {
    const text = passageText(a)
    consider(
      text.quote,
      () => `${text.note}\n${tagText(a, tagsById)}`,
      () => ({
        endpoint: { kind: 'annotation', id: a.id },
        title: `“${shortQuote(a.target.quote.exact, 90)}”`,
        detail: sourceTitle.get(a.sourceId) ?? '',
      }),
    )
  }
  if (notes) {
    for (const n of nb.notes) {
      const text = noteText(n)
      consider(
        text.title,
        () => text.body,
        () => ({ endpoint: { kind: 'note', id: n.id }, title: n.title, detail: 'Note page' }),
      )
    }
  }
  // Then passages in reading order, then note pages.
  ranked.sort((x, y) => x.rank - y.rank || x.length - y.length || x.order - y.order)
  return ranked.slice(0, limit).map((r) => r.target)
}

// Folded texts are cached per (immutable) passage and note object; tags are looked up afresh
// so a renamed tag is found by its new name.
const passageTexts = new WeakMap<Annotation, { quote: string; note: string }>()
const noteTexts = new WeakMap<NotePage, { title: string; body: string }>()

function passageText(a: Annotation): { quote: string; note: string } {
  let text = passageTexts.get(a)
  if (!text) {
    text = { quote: foldText(a.target.quote.exact), note: a.note ? foldText(plainText(a.note)) : '' }
    passageTexts.set(a, text)
  }
  return text
}

const tagTexts = new WeakMap<Tag, string>()

function tagText(a: Annotation, tagsById: Map<string, Tag>): string {
  const folded = (t: Tag) => {
    let text = tagTexts.get(t)
    if (text === undefined) tagTexts.set(t, (text = foldText(`${t.name} ${t.label}`)))
    return text
  }
  return a.tagIds
    .map((id) => tagsById.get(id))
    .filter((t): t is Tag => Boolean(t))
    .map(folded)
    .join('\n')
}

function noteText(n: NotePage): { title: string; body: string } {
  let text = noteTexts.get(n)
  if (!text) {
    text = { title: foldText(n.title), body: foldText(plainText(n.doc)) }
    noteTexts.set(n, text)
  }
  return text
}
