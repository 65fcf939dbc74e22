// One passage as Zotero's "note from annotations" writes one annotation, plus what Glossa knows:
//
//   > the quoted text                              ← its own block quote
//
//   ^p-a1                                          ← its block id, on its own line after the quote
//
//   ¶ 1 · [Open in Glossa](glossa://open/…/passage/a1)\
//   Grade B2 — stated by officials\
//   Dated until Sep 2025 (“through September 2025”)\
//   About Harir, Ain al-Asad\
//   elaborated by ← [[#^p-a3|Baghdad International…]] — a comment\
//   #phase/1 #base/harir                           ← the meta paragraph: where, link back, the
//                                                     analyst's fields, links, tags
//
//   The note, block by block.
//
// A note can never start with a glossa:// link (only http, https and mailto links survive the
// export), so the meta paragraph is found again without guessing; see markdown-import. A
// passage's other fields (color, dates, grade) travel in the front matter's `glossa.passages`:
// the Grade, Dated, About and agreement lines are written from them for a reader, and an import
// reads the front matter (the lines hold no wikilink and no tag, so they are never read as either).
import { deepLink } from '../deep-link'
import type { DocNode, Endpoint, Link, Source } from '../../schema'
import { corroborationLabel } from '../../views/corroboration'
import { formatDate } from '../../views/dates/partial-date'
import { RELIABILITY } from '../../views/grades'
import { writeDoc } from './blocks'
import { escapeText } from './escape'
import { inlineToMarkdown, writeInline } from './inline'
import { endKey, shortOf, type Model, type Passage } from './model'

export interface Ctx {
  model: Model
  layout: 'single' | 'folder'
  /** Folder layout: file stem ("sources/Title") per source id and note id. */
  files: Map<string, string>
  /** Stem of the file being written ('' in the single layout). */
  here: string
}

export const OPEN_LABEL = 'Open in Glossa'

// Obsidian has no escapes inside [[…]]: characters that would end or redirect the link go.
const ALIAS_UNSAFE = /[[\]|#^\\`<>\u0000-\u001f\u007f]+/g

const cleanAlias = (alias: string): string =>
  alias.replace(ALIAS_UNSAFE, ' ').replace(/%{2,}/g, '%').replace(/={2,}/g, '=').replace(/\s+/g, ' ').trim()

export function wikiLink(target: string, alias: string): string {
  const clean = cleanAlias(alias)
  return clean ? `[[${target}|${clean}]]` : `[[${target}]]`
}

/** Wikilink target of a passage's block from the current file. */
function passageTarget(ctx: Ctx, p: Passage): string {
  if (ctx.layout === 'single') return `#^${p.blockId}`
  const stem = ctx.files.get(p.source.id) ?? ''
  return stem === ctx.here ? `#^${p.blockId}` : `${stem}#^${p.blockId}`
}

/** A `passageRef` inside a note: a wikilink to the passage's block, or a plain remark when it is gone. */
export function passageRef(ctx: Ctx, annotationId: string): string {
  const p = ctx.model.byId.get(annotationId)
  return p ? passageLink(ctx, p) : '(passage no longer exists)'
}

/** The wikilink to a passage from the current file (the alias is cleaned once per passage). */
function passageLink(ctx: Ctx, p: Passage): string {
  const alias = p.alias ?? (p.alias = cleanAlias(shortOf(p)))
  const target = passageTarget(ctx, p)
  return alias ? `[[${target}|${alias}]]` : `[[${target}]]`
}

function endpointLink(ctx: Ctx, end: Endpoint): string | null {
  if (end.kind === 'annotation') {
    const p = ctx.model.byId.get(end.id)
    return p ? passageLink(ctx, p) : null
  }
  const n = ctx.model.notes.get(end.id)
  if (!n) return null
  if (ctx.layout === 'single') return wikiLink(`#^${n.blockId}`, n.note.title)
  return wikiLink(ctx.files.get(end.id) ?? '', n.note.title)
}

const rankOf = (ctx: Ctx, e: Endpoint): number =>
  (e.kind === 'annotation' ? ctx.model.byId.get(e.id)?.rank : ctx.model.notes.get(e.id)?.rank) ?? -1

/**
 * One line per link touching `self`: outgoing first, then incoming, each by the other end's
 * place in the export and the relation's place in the notebook. No timestamps and no link ids
 * take part, so an imported export writes the same lines again.
 */
function linkRows(ctx: Ctx, self: Endpoint): string[] {
  const links = ctx.model.linksOf.get(endKey(self))
  if (!links) return NONE
  const rows: Row[] = []
  for (const link of links) {
    if (link.from.kind === self.kind && link.from.id === self.id) addRow(ctx, rows, link, 0)
    if (link.to.kind === self.kind && link.to.id === self.id) addRow(ctx, rows, link, 1)
  }
  if (rows.length > 1)
    rows.sort((a, b) => a.dir - b.dir || a.other - b.other || a.rel - b.rel || cmp(a.comment, b.comment))
  return rows.map((r) => r.line)
}

const NONE: string[] = []
interface Row {
  dir: number
  other: number
  rel: number
  comment: string
  line: string
}

function addRow(ctx: Ctx, rows: Row[], link: Link, dir: 0 | 1): void {
  const other = dir === 0 ? link.to : link.from
  const target = endpointLink(ctx, other)
  if (!target) return
  const rel = ctx.model.relations.get(link.relationId)
  const name = dir === 0 ? (rel?.name ?? link.relationId) : (rel?.inverse ?? link.relationId)
  rows.push({
    dir,
    other: rankOf(ctx, other),
    rel: rel ? ctx.model.nb.relations.indexOf(rel) : -1,
    comment: link.comment,
    line: linkLine(name, dir === 0 ? '→' : '←', target, link),
  })
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function linkLine(name: string, arrow: string, target: string, link: Link): string {
  const head = escapeText(name, { lineStart: true, lineEnd: false }) + ` ${arrow} ` + target
  return link.comment ? `${head} — ${escapeText(link.comment, { lineStart: false, lineEnd: true })}` : head
}

/** The meta paragraph's lines joined by hard breaks (`\` + newline). */
const hardLines = (lines: string[]): string => lines.join('\\\n')

function tagLine(ctx: Ctx, p: Passage): string | null {
  if (p.tags.length === 0) return null
  let line = ''
  for (const t of p.tags) line += (line ? ' #' : '#') + ctx.model.tagNames.get(t.id)
  return line
}

/** The quote as its own block quote: one paragraph, its line ends as hard breaks. */
export function writeQuote(exact: string, buf: string[]): void {
  buf.push('> ')
  if (!exact.includes('\n')) {
    writeInline([{ type: 'text', text: exact }], { ref: noRef }, buf, '> ')
    return
  }
  const content: DocNode[] = []
  exact.split('\n').forEach((line, i) => {
    if (i > 0) content.push({ type: 'hardBreak' })
    if (line) content.push({ type: 'text', text: line })
  })
  writeInline(content, { ref: noRef }, buf, '> ')
}
const noRef = (): string => ''

const lineText = (text: string): string => escapeText(text, { lineStart: false, lineEnd: true })

/**
 * The analyst's fields of a passage as lines for a reader: its own grade (a source's
 * reliability is under the source's title), its accepted dates, the entities it names, and how
 * many independent sources agree or disagree.
 */
function viewLines(ctx: Ctx, p: Passage, buf: string[]): void {
  const v = ctx.model.views(p.ann)
  if (p.ann.grade && v.grade)
    buf.push(`\\\nGrade ${v.grade}` + (v.gradeReason ? ` — ${lineText(v.gradeReason)}` : ''))
  if (v.dates.length > 0) {
    let line = ''
    for (const d of v.dates) line += (line ? '; ' : '') + d.label + (d.text ? ` (“${d.text}”)` : '')
    buf.push('\\\nDated ' + lineText(line))
  }
  if (v.entities.length > 0) buf.push('\\\nAbout ' + lineText(v.entities.join(', ')))
  const agree = corroborationLabel({ supports: v.supportedBy, contradicts: v.contradictedBy })
  if (agree) buf.push('\\\n' + lineText(agree.charAt(0).toUpperCase() + agree.slice(1)))
}

export function writePassage(ctx: Ctx, p: Passage, headingShift: number, buf: string[]): void {
  const where = p.anchored ? `¶ ${p.block}${p.match > 1 ? `, match ${p.match}` : ''}` : 'orphaned'
  writeQuote(p.ann.target.quote.exact, buf)
  buf.push(
    `\n\n^${p.blockId}\n\n${where} · [${OPEN_LABEL}](${deepLink(ctx.model.nb.id, 'passage', p.ann.id)})`,
  )
  viewLines(ctx, p, buf)
  for (const row of linkRows(ctx, { kind: 'annotation', id: p.ann.id })) buf.push('\\\n' + row)
  const tags = tagLine(ctx, p)
  if (tags) buf.push('\\\n' + tags)
  if (p.ann.note) {
    const at = buf.length
    buf.push('\n\n')
    if (!writeDoc(p.ann.note, { headingShift, ref: (id) => passageRef(ctx, id) }, buf)) buf.length = at
  }
}

/** The line under a note page's title: link back, its links, and (single file) its block id. */
export function noteMeta(ctx: Ctx, noteId: string): string {
  const n = ctx.model.notes.get(noteId)!
  const lines = [
    `[${OPEN_LABEL}](${deepLink(ctx.model.nb.id, 'note', noteId)})`,
    ...linkRows(ctx, { kind: 'note', id: noteId }),
  ]
  return hardLines(lines) + (ctx.layout === 'single' ? ` ^${n.blockId}` : '')
}

/**
 * The lines under a source's title: link back and where it came from; then, when known, its
 * publication date and reliability grade (for a reader: an import reads them from the front matter).
 */
export function sourceMeta(ctx: Ctx, source: Source): string {
  const url = source.url && /^https?:\/\/[^\s<>]+$/i.test(source.url) ? source.url : ''
  let line = `[${OPEN_LABEL}](${deepLink(ctx.model.nb.id, 'source', source.id)})`
  if (source.origin) line += ' · ' + escapeText(source.origin, { lineStart: false, lineEnd: !url })
  if (url) line += ` · <${url}>`
  const more: string[] = []
  if (source.published) more.push(`Published ${formatDate(source.published)}`)
  if (source.reliability) {
    const { reliability, reason } = source.reliability
    more.push(
      `Reliability ${reliability} (${RELIABILITY[reliability].toLowerCase()})` +
        (reason ? ` — ${lineText(reason)}` : ''),
    )
  }
  return more.length > 0 ? line + '\\\n' + more.join(' · ') : line
}

/** A heading whose text reads back exactly. */
export function heading(depth: number, text: string): string {
  const md = inlineToMarkdown([{ type: 'text', text }], { ref: () => '', heading: true })
  return '#'.repeat(depth) + (md ? ' ' + md : '')
}
