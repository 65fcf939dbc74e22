// One row per passage, for spreadsheets: RFC 4180 quoting, CRLF, and a BOM so Excel reads the
// file as UTF-8 (accents, curly quotes) instead of the ANSI code page. Links are grouped by
// passage once, so the export is linear in the number of links (it was quadratic: 13 s at L).
import { plainText } from '../plain-text'
import type { DocNode, Link, Notebook } from '../schema'
import { isoRange, passageViewFields } from '../views/export-fields'
import { shortQuote } from './markdown/index'

// The first seven columns are the original ones (spreadsheets built on them keep working); the
// analyst's come last: the grade ("B2", the letter from the source when the passage has none),
// accepted dates as ISO 8601-2 ("2003", "../2026", "2003/2011"), the entities the passage names,
// and the independent origins that agree or disagree (from supports / contradicts links).
export const CSV_COLUMNS = [
  'source',
  'quote',
  'note',
  'tags',
  'links',
  'created',
  'status',
  'passage_id',
  'source_id',
  'start',
  'end',
  'grade',
  'grade_reason',
  'dates',
  'entities',
  'supported_by',
  'contradicted_by',
] as const

/** A note's plain text, with each passage reference written as its quoted short text. */
function notePlainText(doc: DocNode, quoteOf: (id: string) => string | undefined): string {
  const swap = (node: DocNode): DocNode => {
    if (node.type === 'passageRef') {
      const q = typeof node.attrs?.annotationId === 'string' ? quoteOf(node.attrs.annotationId) : undefined
      return { type: 'text', text: q === undefined ? '(passage no longer exists)' : `“${q}”` }
    }
    return node.content ? { ...node, content: node.content.map(swap) } : node
  }
  return plainText(swap(doc))
}

// A cell a spreadsheet would run as a formula (CSV injection) gets a leading apostrophe.
const FORMULA = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

function cell(value: string): string {
  const v = FORMULA.test(value) ? "'" + value : value
  return NEEDS_QUOTES.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v
}

export function exportCsv(nb: Notebook): string {
  const sources = new Map(nb.sources.map((s) => [s.id, s]))
  const anns = new Map(nb.annotations.map((a) => [a.id, a]))
  const notes = new Map(nb.notes.map((n) => [n.id, n]))
  const relations = new Map(nb.relations.map((r) => [r.id, r]))
  const tagNames = new Map(nb.tags.map((t) => [t.id, t.name]))
  const tagOrder = new Map(nb.tags.map((t, i) => [t.id, i]))
  const quotes = new Map<string, string>()
  const quoteOf = (id: string): string | undefined => {
    let q = quotes.get(id)
    if (q === undefined) {
      const a = anns.get(id)
      if (!a) return undefined
      quotes.set(id, (q = shortQuote(a.target.quote.exact)))
    }
    return q
  }
  const endLabel = (kind: string, id: string): string =>
    kind === 'note' ? `note “${notes.get(id)?.title ?? '?'}”` : `“${quoteOf(id) ?? '?'}”`

  const byPassage = new Map<string, Link[]>()
  const sorted = [...nb.links].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  for (const l of sorted)
    for (const end of l.from.id === l.to.id && l.from.kind === l.to.kind ? [l.from] : [l.from, l.to])
      if (end.kind === 'annotation') {
        const list = byPassage.get(end.id)
        if (list) list.push(l)
        else byPassage.set(end.id, [l])
      }

  const views = passageViewFields(nb)
  const order = new Map(nb.sources.map((s, i) => [s.id, i]))
  const rank = (a: { status: string }): number => (a.status === 'orphaned' ? 1 : 0)
  const rows = [...nb.annotations]
    // Source order, then anchored passages by position before orphans, id as tiebreak.
    .sort(
      (a, b) =>
        (order.get(a.sourceId) ?? 0) - (order.get(b.sourceId) ?? 0) ||
        rank(a) - rank(b) ||
        a.target.position.start - b.target.position.start ||
        (a.id < b.id ? -1 : 1),
    )
    .map((a) => {
      const links: string[] = []
      for (const l of byPassage.get(a.id) ?? []) {
        const rel = relations.get(l.relationId)
        if (l.from.kind === 'annotation' && l.from.id === a.id)
          links.push(`${rel?.name ?? l.relationId} → ${endLabel(l.to.kind, l.to.id)}`)
        if (l.to.kind === 'annotation' && l.to.id === a.id)
          links.push(`${rel?.inverse ?? l.relationId} ← ${endLabel(l.from.kind, l.from.id)}`)
      }
      const orphan = a.status === 'orphaned'
      const v = views.get(a.id)!
      return [
        sources.get(a.sourceId)?.title ?? '',
        a.target.quote.exact,
        a.note ? notePlainText(a.note, quoteOf) : '',
        a.tagIds
          .filter((id) => tagNames.has(id))
          .sort((x, y) => tagOrder.get(x)! - tagOrder.get(y)!)
          .map((id) => tagNames.get(id))
          .join('; '),
        links.join('; '),
        a.createdAt,
        a.status,
        a.id,
        a.sourceId,
        // An orphan's stored position points at text that is no longer there: left empty.
        orphan ? '' : String(a.target.position.start),
        orphan ? '' : String(a.target.position.end),
        v.grade,
        v.gradeReason,
        v.dates.map((d) => isoRange(d.value)).join('; '),
        v.entities.join('; '),
        v.supportedBy.join('; '),
        v.contradictedBy.join('; '),
      ]
        .map(cell)
        .join(',')
    })
  return '\uFEFF' + [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n'
}
