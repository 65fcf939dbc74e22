// A long Markdown file parsed a part at a time, giving the tree a single parse gives. micromark
// is quadratic in the number of block quotes in one document (each closing container moves the
// document's whole event list: micromark/lib/initialize/document.js, EditMap.consume): 2,000
// passages took 18 s, 4,000 took 69 s, and an export of 20,000 would take the better part of an
// hour. Parsed in parts of a few dozen blocks each, the same file is linear.
//
// A part boundary is a line that nothing before it can reach into: it starts a heading (`#`) or a
// block quote (`>`) at the line's start, follows a blank line, and is outside a fenced code block.
// After a blank line, a paragraph, table, quote or indented code has ended, and a list ends at a
// line that is neither indented nor a list item. What can reach further — link reference and
// footnote definitions (used anywhere in the file), HTML blocks that run to an end marker,
// Obsidian's %% comments, an indented fence (a list item's?) — makes the whole file one part.
import type { Node, Root } from 'mdast'
import { parseMarkdown } from './parse'

/** Parts are cut at boundaries once they hold this many characters (a few dozen passages). */
const PART_CHARS = 16_384

const REACHES_FAR = /\[[^\]\n]*\]:|^[ \t>]*<(?:script|pre|style|textarea|!|\?)|%%/im
const FENCE = /^([ \t]*)(`{3,}|~{3,})(.*)$/

/** Offsets where the file may be cut, each at the start of a line (the first part's start excluded). */
export function partStarts(markdown: string, partChars = PART_CHARS): number[] {
  if (markdown.length <= partChars || REACHES_FAR.test(markdown)) return []
  const starts: number[] = []
  let fence: { char: string; length: number } | null = null
  let blank = false
  let last = 0
  let pos = 0
  let frontMatter = markdown.startsWith('---\n') || markdown.startsWith('---\r\n')
  if (frontMatter) pos = markdown.indexOf('\n') + 1
  while (pos < markdown.length) {
    let end = markdown.indexOf('\n', pos)
    if (end < 0) end = markdown.length
    const line = markdown.slice(pos, end)
    if (frontMatter) {
      if (/^---\r?$/.test(line)) frontMatter = false
    } else {
      const f = FENCE.exec(line)
      // An indented fence may be a list item's, closed by the item's end rather than by a fence:
      // not worth telling apart here.
      if (f && f[1] !== '') return []
      if (fence) {
        // A closing fence: the same character, at least as long, nothing after it but spaces.
        if (f && f[2][0] === fence.char && f[2].length >= fence.length && f[3].trim() === '') fence = null
      } else if (f && !(f[2][0] === '`' && f[3].includes('`'))) fence = { char: f[2][0], length: f[2].length }
      else if (blank && (line[0] === '#' || line[0] === '>') && pos - last >= partChars) {
        starts.push(pos)
        last = pos
      }
      blank = !fence && line.trim() === ''
    }
    pos = end + 1
  }
  // An unclosed front matter or fence runs to the end of the file: one part.
  return frontMatter ? [] : starts
}

/** Moves a parsed part's positions to where the part sits in the whole file. */
function shift(node: Node, lines: number, offset: number): void {
  const p = node.position
  if (p) {
    p.start.line += lines
    p.end.line += lines
    if (p.start.offset !== undefined) p.start.offset += offset
    if (p.end.offset !== undefined) p.end.offset += offset
  }
  const children = (node as { children?: Node[] }).children
  if (children) for (const child of children) shift(child, lines, offset)
}

/** The same tree as parseMarkdown(markdown), positions included, in time linear in the file.
 * `onPart` is told the offset parsed up to after each part (the import's progress). */
export function parseMarkdownInParts(
  markdown: string,
  partChars = PART_CHARS,
  onPart?: (parsedTo: number) => void,
): Root {
  const starts = partStarts(markdown, partChars)
  if (starts.length === 0) {
    const whole = parseMarkdown(markdown)
    onPart?.(markdown.length)
    return whole
  }
  const bounds = [0, ...starts, markdown.length]
  let root: Root | null = null
  let line = 0
  for (let i = 0; i + 1 < bounds.length; i++) {
    const text = markdown.slice(bounds[i], bounds[i + 1])
    const part = parseMarkdown(text)
    if (!root) root = part
    else {
      for (const child of part.children) shift(child, line, bounds[i])
      root.children.push(...part.children)
    }
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) line++
    onPart?.(bounds[i + 1])
  }
  root!.position = {
    start: { line: 1, column: 1, offset: 0 },
    end: parseEnd(markdown, line),
  }
  return root!
}

/** The end point of the whole file, as a single parse reports it. */
function parseEnd(markdown: string, lines: number): { line: number; column: number; offset: number } {
  const lastLine = markdown.lastIndexOf('\n')
  return { line: lines + 1, column: markdown.length - lastLine, offset: markdown.length }
}
