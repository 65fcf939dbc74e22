// TipTap inline content → one Markdown paragraph (or heading) body, as a string whose only raw
// newlines are hard breaks. Marks are flattened to runs and rebuilt as well-nested delimiters,
// so a highlight cutting through bold text still nests: highlights outermost, then links, then
// bold, italic, strikethrough, with code spans innermost.
//
// Spaces at the edge of a bold/italic/struck/highlighted run move outside its delimiters
// (`** a**` is not bold in CommonMark); where a delimiter still could not open or close (it sits
// between a letter and punctuation), the letter outside is written as a character reference,
// which is what CommonMark leaves for that case.
import type { DocNode } from '../../schema'
import { entity, escapeText, isPunctuation, isWhitespace } from './escape'

export interface InlineOptions {
  /** Sorted, non-overlapping [start, end) ranges to mark `==…==`, in this block's offsets. */
  highlights?: readonly (readonly [number, number])[]
  /** Markdown for a `passageRef` node (already escaped). */
  ref: (annotationId: string) => string
  heading?: boolean
}

type Run =
  | { kind: 'text'; text: string; marks: string[]; code: boolean; at: number; hl: boolean }
  | { kind: 'break' }
  | { kind: 'ref'; id: string }

type Tok =
  { k: 'text'; s: string } | { k: 'delim'; s: string; open: boolean } | { k: 'raw'; s: string } | { k: 'br' }

// Only links a reader can safely follow survive; `javascript:` and friends lose the link.
const SAFE_URL = /^(?:https?:|mailto:)/i
const RANK: Record<string, number> = { strong: 1, emphasis: 2, delete: 3 }
const rank = (mark: string): number => RANK[mark] ?? 0 // links (rank 0) are outermost
const DELIM: Record<string, string> = { strong: '**', emphasis: '*', delete: '~~' }

function markKeys(node: DocNode): { marks: string[]; code: boolean } {
  const marks: string[] = []
  let code = false
  for (const m of node.marks ?? []) {
    if (m.type === 'bold') marks.push('strong')
    else if (m.type === 'italic') marks.push('emphasis')
    else if (m.type === 'strike') marks.push('delete')
    else if (m.type === 'code') code = true
    else if (m.type === 'link') {
      const href = typeof m.attrs?.href === 'string' ? m.attrs.href.trim() : ''
      if (SAFE_URL.test(href)) marks.push('link\u0000' + href)
    }
  }
  return { marks: marks.sort((a, b) => rank(a) - rank(b)), code }
}

function flatten(nodes: readonly DocNode[], out: Run[], at: { n: number }): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = node.text ?? ''
      if (!text) continue
      const { marks, code } = markKeys(node)
      const prev = out[out.length - 1]
      // Neighbours with the same marks are one run (ProseMirror would have merged them).
      if (prev?.kind === 'text' && prev.code === code && sameMarks(prev.marks, marks)) prev.text += text
      else out.push({ kind: 'text', text, marks, code, at: at.n, hl: false })
      at.n += text.length
    } else if (node.type === 'hardBreak') {
      out.push({ kind: 'break' })
      at.n += 1
    } else if (node.type === 'passageRef' && typeof node.attrs?.annotationId === 'string') {
      out.push({ kind: 'ref', id: node.attrs.annotationId })
    } else if (node.content) flatten(node.content, out, at)
  }
}

const sameMarks = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((m, i) => m === b[i])

/** Cuts text runs at highlight boundaries and flags the highlighted pieces. */
function highlight(runs: Run[], ranges: readonly (readonly [number, number])[]): Run[] {
  if (ranges.length === 0) return runs
  const out: Run[] = []
  let r = 0
  for (const run of runs) {
    if (run.kind !== 'text') {
      out.push(run)
      continue
    }
    const end = run.at + run.text.length
    while (r < ranges.length && ranges[r][1] <= run.at) r++
    let pos = run.at
    for (let i = r; i < ranges.length && ranges[i][0] < end && pos < end; i++) {
      const a = Math.max(ranges[i][0], pos)
      const b = Math.min(ranges[i][1], end)
      if (a > pos) out.push({ ...run, text: run.text.slice(pos - run.at, a - run.at), at: pos, hl: false })
      if (b > a) out.push({ ...run, text: run.text.slice(a - run.at, b - run.at), at: a, hl: true })
      pos = Math.max(pos, b)
    }
    if (pos < end) out.push({ ...run, text: run.text.slice(pos - run.at), at: pos, hl: false })
  }
  return out
}

/** A code span whose content reads back exactly (backticks and edge spaces padded). */
function codeSpan(text: string): string {
  let longest = 0
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length)
  const fence = '`'.repeat(longest + 1)
  const pad =
    text.startsWith('`') ||
    text.endsWith('`') ||
    (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '')
  return pad ? `${fence} ${text} ${fence}` : fence + text + fence
}

/** A link destination that reads back as `url`: <…> when it has spaces or brackets. */
function destination(url: string): string {
  const escaped = url.replace(/[\\<>]/g, '\\$&')
  return /[\s()<>]/.test(url) ? `<${escaped}>` : escaped.replace(/&/g, '\\&')
}

/** How many runs from `i` on carry `mark`. */
function span(runs: Run[], i: number, mark: string): number {
  let n = 0
  for (let j = i; j < runs.length; j++) {
    const r = runs[j]
    if (r.kind !== 'text' || !r.marks.includes(mark)) break
    n++
  }
  return n
}

/**
 * Greedy nesting: the mark that goes on longest is opened first, so no mark is closed and
 * opened again between two runs (`***a*~~b~~**` style runs read back as something else).
 */
function build(runs: Run[], opts: InlineOptions, out: Tok[]): void {
  let i = 0
  while (i < runs.length) {
    const run = runs[i]
    let mark: string | undefined
    if (run.kind === 'text' && run.marks.length > 0) {
      let best = 0
      for (const m of run.marks) {
        const n = run.marks.length === 1 ? 1 : span(runs, i, m)
        if (n > best) [best, mark] = [n, m]
      }
    }
    if (mark === undefined) {
      if (run.kind === 'break') out.push({ k: 'br' })
      else if (run.kind === 'ref') out.push({ k: 'raw', s: opts.ref(run.id) })
      else leaf(run, out)
      i++
      continue
    }
    let j = i
    const group: Run[] = []
    for (; j < runs.length; j++) {
      const r = runs[j]
      if (r.kind !== 'text' || !r.marks.includes(mark)) break
      group.push({ ...r, marks: r.marks.filter((m) => m !== mark) })
    }
    i = j
    if (mark.startsWith('link\u0000')) {
      out.push({ k: 'raw', s: '[' })
      build(group, opts, out)
      out.push({ k: 'raw', s: `](${destination(mark.slice(5))})` })
      continue
    }
    const [lead, inner, trail] = edgeSpace(group)
    build(lead, opts, out)
    if (inner.length > 0) {
      out.push({ k: 'delim', s: DELIM[mark], open: true })
      build(inner, opts, out)
      out.push({ k: 'delim', s: DELIM[mark], open: false })
    }
    build(trail, opts, out)
  }
}

/** Splits leading and trailing plain white space (not code) off a marked group. */
function edgeSpace(group: Run[]): [Run[], Run[], Run[]] {
  const lead: Run[] = []
  const trail: Run[] = []
  const inner = group.map((r) => ({ ...r }))
  while (inner.length > 0) {
    const first = inner[0]
    if (first.kind !== 'text' || first.code) break
    const rest = first.text.replace(/^\s+/u, '')
    if (rest.length === first.text.length) break
    lead.push({ ...first, text: first.text.slice(0, first.text.length - rest.length), marks: [] })
    if (rest) {
      first.text = rest
      break
    }
    inner.shift()
  }
  while (inner.length > 0) {
    const last = inner[inner.length - 1]
    if (last.kind !== 'text' || last.code) break
    const rest = last.text.replace(/\s+$/u, '')
    if (rest.length === last.text.length) break
    trail.unshift({ ...last, text: last.text.slice(rest.length), marks: [] })
    if (rest) {
      last.text = rest
      break
    }
    inner.pop()
  }
  return [lead, inner, trail]
}

/**
 * A text or code run. A highlighted one is wrapped in `==` here, innermost, so a highlight that
 * starts or ends inside bold text never cuts the bold in two; white space at its edges stays
 * outside the `==` (Obsidian does not highlight `== a ==`).
 */
function leaf(run: Extract<Run, { kind: 'text' }>, out: Tok[]): void {
  if (!run.hl) {
    out.push(run.code ? { k: 'raw', s: codeSpan(run.text) } : { k: 'text', s: run.text })
    return
  }
  const core = run.code ? run.text : run.text.trim()
  if (run.code || core === run.text) {
    out.push({ k: 'raw', s: '==' }, run.code ? { k: 'raw', s: codeSpan(core) } : { k: 'text', s: core }, {
      k: 'raw',
      s: '==',
    })
    return
  }
  const start = run.text.indexOf(core)
  if (start > 0) out.push({ k: 'text', s: run.text.slice(0, start) })
  if (core) out.push({ k: 'raw', s: '==' }, { k: 'text', s: core }, { k: 'raw', s: '==' })
  if (start + core.length < run.text.length) out.push({ k: 'text', s: run.text.slice(start + core.length) })
}

const firstCodePoint = (s: string): string => String.fromCodePoint(s.codePointAt(0)!)
function lastCodePoint(s: string): string {
  const code = s.charCodeAt(s.length - 1)
  return code >= 0xdc00 && code <= 0xdfff && s.length > 1 ? s.slice(-2) : s.slice(-1)
}
// CommonMark parsers (micromark) classify UTF-16 code units: half of an emoji is "other".
const firstUnit = (s: string): string => s[0]
const lastUnit = (s: string): string => s[s.length - 1]
type Side = 'space' | 'punct' | 'other'
const side = (c: string | undefined): Side =>
  c === undefined || isWhitespace(c) ? 'space' : isPunctuation(c) ? 'punct' : 'other'

/** Plain text with no marks, breaks or references: most source paragraphs and notes. */
function plainOnly(nodes: readonly DocNode[]): string | null {
  let text = ''
  for (const node of nodes) {
    if (node.type !== 'text' || (node.marks && node.marks.length > 0)) return null
    text += node.text ?? ''
  }
  return text
}

/**
 * Writes a text block's inline content into `buf`; a hard break continues the next line with
 * `prefix` (the container's: "> ", list indentation). Returns whether anything was written.
 */
export function writeInline(
  nodes: readonly DocNode[],
  opts: InlineOptions,
  buf: string[],
  prefix = '',
): boolean {
  if (!opts.highlights || opts.highlights.length === 0) {
    const text = plainOnly(nodes)
    if (text !== null) {
      if (text) buf.push(escapeText(text, { lineStart: true, lineEnd: true, heading: opts.heading }))
      return text !== ''
    }
  }
  const runs: Run[] = []
  flatten(nodes, runs, { n: 0 })
  const toks: Tok[] = []
  build(highlight(runs, opts.highlights ?? []), opts, toks)
  let first = -1
  let last = -1
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].k === 'br') continue
    if (first < 0) first = i
    last = i
  }
  // A hard break between content is `\` + newline; before or after all content (where
  // CommonMark has no hard break) and in headings it is `<br>`.
  const breaks: boolean[] = new Array(toks.length)
  for (let i = 0; i < toks.length; i++)
    breaks[i] = toks[i].k === 'br' && !opts.heading && i > first && i < last
  const out: string[] = new Array(toks.length)
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]
    if (t.k === 'br') out[i] = breaks[i] ? '\\\n' + prefix : '<br>'
    else if (t.k !== 'text') out[i] = t.s
    else {
      const prev = toks[i - 1]
      const next = toks[i + 1]
      out[i] = escapeText(t.s, {
        lineStart: !prev || (prev.k === 'br' && breaks[i - 1]),
        lineEnd: !next || (next.k === 'br' && breaks[i + 1]),
        heading: opts.heading,
      })
    }
  }
  fixFlanking(toks, out, breaks)
  for (const piece of out) buf.push(piece)
  return toks.length > 0
}

/** The same as a string (headings, titles, quotes in other places). */
export function inlineToMarkdown(nodes: readonly DocNode[], opts: InlineOptions): string {
  const buf: string[] = []
  writeInline(nodes, opts, buf)
  return buf.join('')
}

function charBefore(toks: Tok[], out: string[], breaks: boolean[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) {
    if (toks[j].k === 'br') return breaks[j] ? '\n' : '>'
    if (out[j]) return lastUnit(out[j])
  }
  return undefined
}

function charAfter(toks: Tok[], out: string[], breaks: boolean[], i: number): string | undefined {
  for (let j = i + 1; j < toks.length; j++) {
    if (toks[j].k === 'br') return breaks[j] ? '\n' : '<'
    if (out[j]) return firstUnit(out[j])
  }
  return undefined
}

/**
 * Where a delimiter run could not open or close, write its outside neighbour as a character
 * reference. Adjacent delimiters of one character (a closing `*` and an opening `**`) are one
 * run to a CommonMark parser, so they are judged together, by what is outside them.
 */
function fixFlanking(toks: Tok[], out: string[], breaks: boolean[]): void {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]
    if (t.k !== 'delim') continue
    let j = i
    let opens = false
    let closes = false
    for (; j < toks.length; j++) {
      const u = toks[j]
      if (u.k !== 'delim' || u.s[0] !== t.s[0]) break
      if (u.open) opens = true
      else closes = true
    }
    const last = j - 1
    let before = side(charBefore(toks, out, breaks, i))
    const after = side(charAfter(toks, out, breaks, last))
    // Left-flanking (can open): not before white space, and not before punctuation unless after
    // white space or punctuation. Right-flanking (can close) is the mirror image.
    if (opens && after === 'punct' && before === 'other' && encodeEdge(toks, out, i, -1)) before = 'punct'
    if (closes && before === 'punct' && after === 'other') encodeEdge(toks, out, last, +1)
    i = last
  }
}

function encodeEdge(toks: Tok[], out: string[], i: number, dir: -1 | 1): boolean {
  for (let j = i + dir; j >= 0 && j < toks.length; j += dir) {
    if (!out[j]) continue
    if (toks[j].k !== 'text') return false
    const s = out[j]
    if (dir < 0) {
      const c = lastCodePoint(s)
      out[j] = s.slice(0, s.length - c.length) + entity(c.codePointAt(0)!)
    } else {
      const c = firstCodePoint(s)
      out[j] = entity(c.codePointAt(0)!) + s.slice(c.length)
    }
    return true
  }
  return false
}
