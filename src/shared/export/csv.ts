// One row per passage, for spreadsheets. papaparse does the RFC 4180 quoting; the BOM makes
// Excel read the file as UTF-8 (accents, curly quotes) instead of the ANSI code page.
import Papa from 'papaparse'
import { plainText } from '../plain-text'
import type { DocNode, Notebook } from '../schema'
import { shortQuote } from './markdown/index'

export const CSV_COLUMNS = ['source', 'quote', 'note', 'tags', 'links', 'created', 'status'] as const

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

export function exportCsv(nb: Notebook): string {
  const sources = new Map(nb.sources.map((s) => [s.id, s]))
  const anns = new Map(nb.annotations.map((a) => [a.id, a]))
  const relations = new Map(nb.relations.map((r) => [r.id, r]))
  const quoteOf = (id: string): string | undefined => {
    const a = anns.get(id)
    return a && shortQuote(a.target.quote.exact)
  }
  const endLabel = (kind: string, id: string): string =>
    kind === 'note' ? `note “${nb.notes.find((n) => n.id === id)?.title ?? '?'}”` : `“${quoteOf(id) ?? '?'}”`

  const links = [...nb.links].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
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
      const cells: string[] = []
      for (const l of links) {
        const rel = relations.get(l.relationId)
        if (l.from.kind === 'annotation' && l.from.id === a.id)
          cells.push(`${rel?.name ?? l.relationId} → ${endLabel(l.to.kind, l.to.id)}`)
        if (l.to.kind === 'annotation' && l.to.id === a.id)
          cells.push(`${rel?.inverse ?? l.relationId} ← ${endLabel(l.from.kind, l.from.id)}`)
      }
      return [
        sources.get(a.sourceId)?.title ?? '',
        a.target.quote.exact,
        a.note ? notePlainText(a.note, quoteOf) : '',
        nb.tags
          .filter((t) => a.tagIds.includes(t.id))
          .map((t) => t.name)
          .join('; '),
        cells.join('; '),
        a.createdAt,
        a.status,
      ]
    })
  // escapeFormulae: a cell starting with = + - @ is prefixed with ' so a spreadsheet
  // never evaluates text from a source as a formula (CSV injection).
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { newline: '\r\n', escapeFormulae: true },
  )
  return '\uFEFF' + csv + '\r\n'
}
