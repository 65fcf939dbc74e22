// TipTap block content → Markdown, written straight into a buffer of string pieces (joined
// once per file). Offsets follow shared/plain-text.ts exactly (text blocks separated by one
// "\n", hard break = 1 char), so a source's passages can be highlighted by their positions.
//
// What reads back exactly (markdown-import/to-doc.ts is the inverse): paragraphs, headings
// (levels 1–3, shifted), code blocks, bullet/ordered/task lists, blockquotes, horizontal rules,
// hard breaks, bold/italic/strike/code/link marks, passage references. An empty paragraph is
// `&nbsp;` on its own line (CommonMark has no empty paragraph); two lists in a row switch
// markers so they stay two lists. Other containers (tables) keep their text blocks only.
//
// Writing convention: a writer starts right after its line's prefix and ends without a line
// end; every line end it writes inside is followed by `prefix` (the container's "> " or list
// indentation), so containers nest without rewriting their children's text.
import { isTextblockType } from '../../plain-text'
import type { DocNode } from '../../schema'
import { writeInline } from './inline'

export interface BlockOptions {
  /** Added to every heading level (clamped to 6), to nest the document under export headings. */
  headingShift: number
  ref: (annotationId: string) => string
  /** Sources: sorted, merged [start, end) ranges of the passages, in plain-text offsets. */
  highlights?: readonly (readonly [number, number])[]
}

/** Plain-text length of a text block's inline content (text + hard breaks). */
export function inlineLength(nodes: readonly DocNode[] | undefined): number {
  let n = 0
  if (!nodes) return n
  for (const node of nodes) {
    if (node.type === 'text') n += (node.text ?? '').length
    else if (node.type === 'hardBreak') n += 1
    else n += inlineLength(node.content)
  }
  return n
}

export const EMPTY_PARAGRAPH = '&nbsp;'

interface State {
  opts: BlockOptions
  buf: string[]
  pos: number
  seen: boolean
  /** Index of the first highlight range that may still matter (ranges are sorted). */
  hl: number
}

/** A prefix without its trailing spaces, for blank lines ("> " → ">"). */
const bare = (prefix: string): string => prefix.replace(/ +$/, '')

/** Writes `doc`'s blocks into `buf` (blocks separated by blank lines); returns whether any were written. */
export function writeDoc(doc: DocNode, opts: BlockOptions, buf: string[]): boolean {
  const state: State = { opts, buf, pos: 0, seen: false, hl: 0 }
  return writeBlocks(doc.content ?? [], state, '', false) > 0
}

/** The same as one string. */
export function docToMarkdown(doc: DocNode, opts: BlockOptions): string {
  const buf: string[] = []
  writeDoc(doc, opts, buf)
  return buf.join('')
}

/** Flattens unknown containers (tables, custom blocks): their text blocks stay, the frame goes. */
function flat(nodes: readonly DocNode[], out: DocNode[] = []): DocNode[] {
  for (const node of nodes) {
    if (known(node.type)) out.push(node)
    else flat(node.content ?? [], out)
  }
  return out
}
const KNOWN = new Set(['horizontalRule', 'blockquote', 'bulletList', 'taskList', 'orderedList'])
const known = (type: string): boolean => isTextblockType(type) || KNOWN.has(type)

/** Writes blocks separated by a blank line (or a plain line end in a tight list); returns how many. */
function writeBlocks(nodes: readonly DocNode[], state: State, prefix: string, tight: boolean): number {
  const list = nodes.every((n) => known(n.type)) ? nodes : flat(nodes)
  const sep = tight ? '\n' + prefix : '\n' + bare(prefix) + '\n' + prefix
  let prevList = ''
  let alt = false
  for (let i = 0; i < list.length; i++) {
    const node = list[i]
    if (i > 0) state.buf.push(sep)
    const kind = node.type === 'orderedList' ? 'ordered' : node.type.endsWith('List') ? 'bullet' : ''
    // Two lists of one kind in a row would read back as one: alternate the marker.
    alt = kind !== '' && prevList === kind ? !alt : false
    prevList = kind
    if (kind) writeList(node, alt, state, prefix)
    else writeBlock(node, state, prefix)
  }
  return list.length
}

function writeBlock(node: DocNode, state: State, prefix: string): void {
  const buf = state.buf
  if (isTextblockType(node.type)) return writeTextblock(node, state, prefix)
  if (node.type === 'horizontalRule') return void buf.push('***')
  // blockquote
  buf.push('> ')
  if (writeBlocks(node.content ?? [], state, prefix + '> ', false) === 0) buf.push(EMPTY_PARAGRAPH)
}

function writeTextblock(node: DocNode, state: State, prefix: string): void {
  if (state.seen) state.pos += 1
  state.seen = true
  const start = state.pos
  const end = start + inlineLength(node.content)
  state.pos = end
  const { opts, buf } = state
  if (node.type === 'codeBlock') return writeCode(node, buf, prefix)
  const highlights = blockHighlights(state, start, end)
  const content = node.content ?? []
  if (node.type === 'heading') {
    const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1
    const depth = Math.min(6, Math.max(1, level) + opts.headingShift)
    const at = buf.length
    buf.push('#'.repeat(depth) + ' ')
    // An empty heading is just its marks.
    if (!writeInline(content, { highlights, ref: opts.ref, heading: true }, buf)) buf[at] = '#'.repeat(depth)
    return
  }
  if (!writeInline(content, { highlights, ref: opts.ref }, buf, prefix)) buf.push(EMPTY_PARAGRAPH)
}

function blockHighlights(state: State, start: number, end: number): [number, number][] | undefined {
  const ranges = state.opts.highlights
  if (!ranges) return undefined
  while (state.hl < ranges.length && ranges[state.hl][1] <= start) state.hl++
  let out: [number, number][] | undefined
  for (let i = state.hl; i < ranges.length && ranges[i][0] < end; i++)
    (out ??= []).push([Math.max(ranges[i][0], start) - start, Math.min(ranges[i][1], end) - start])
  return out
}

function writeCode(node: DocNode, buf: string[], prefix: string): void {
  const code = (node.content ?? []).map((c) => c.text ?? '').join('')
  let longest = 2
  for (const m of code.matchAll(/^ {0,3}(`{3,})/gm)) longest = Math.max(longest, m[1].length)
  const fence = '`'.repeat(longest + 1)
  const raw = typeof node.attrs?.language === 'string' ? node.attrs.language : ''
  // An info string cannot hold backticks or line ends; a language is one word anyway.
  const lang = /^[^\s`]+$/.test(raw) ? raw : ''
  buf.push(fence + lang)
  const blank = '\n' + bare(prefix)
  if (code !== '') for (const line of code.split('\n')) buf.push(line === '' ? blank : '\n' + prefix + line)
  buf.push('\n' + prefix + fence)
}

function writeList(node: DocNode, alt: boolean, state: State, prefix: string): void {
  const ordered = node.type === 'orderedList'
  const start =
    ordered && typeof node.attrs?.start === 'number'
      ? Math.min(999_999_000, Math.max(0, Math.floor(node.attrs.start)))
      : 1
  const items = node.content ?? []
  // Tight (no blank lines) unless an item's later block would merge into the one before it.
  const loose = items.some((item) => (item.content ?? []).some(mergesInTightList))
  items.forEach((item, i) => {
    if (i > 0) state.buf.push(loose ? '\n' + bare(prefix) + '\n' + prefix : '\n' + prefix)
    let marker = ordered ? `${start + i}${alt ? ')' : '.'} ` : alt ? '* ' : '- '
    const indent = ' '.repeat(ordered ? marker.length : 2)
    if (item.type === 'taskItem' || node.type === 'taskList')
      marker += item.attrs?.checked === true ? '[x] ' : '[ ] '
    state.buf.push(marker)
    if (writeBlocks(item.content ?? [], state, prefix + indent, !loose) === 0) state.buf.push(EMPTY_PARAGRAPH)
  })
}

/**
 * Without a blank line before it, this child of a list item would join the block before it: a
 * paragraph continues a paragraph, an ordered list not starting at 1 cannot interrupt one, a
 * quote continues a quote; and a paragraph of hard breaks only is a `<br>` HTML block, which
 * runs on to the next blank line.
 */
function mergesInTightList(child: DocNode, i: number, all: readonly DocNode[]): boolean {
  if (!known(child.type)) return true
  if (child.type === 'paragraph' && i < all.length - 1 && onlyBreaks(child)) return true
  if (i === 0) return false
  if (child.type === 'paragraph') return true
  if (child.type === 'blockquote') return all[i - 1].type === 'blockquote'
  return child.type === 'orderedList' && child.attrs?.start !== undefined && child.attrs.start !== 1
}

const onlyBreaks = (p: DocNode): boolean =>
  (p.content ?? []).length > 0 && (p.content ?? []).every((c) => c.type === 'hardBreak')
