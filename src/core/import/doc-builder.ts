// Helpers shared by the Markdown and HTML mappers. Both walk a syntax tree and feed text, marks
// and finished blocks into a BlockSink, which owns every ProseMirror validity rule in one place:
// no empty text nodes, no inline content directly under a block container, collapsed whitespace.
import type { DocNode } from '@shared/schema'

export interface Mark {
  type: 'bold' | 'italic' | 'strike' | 'code' | 'link'
  attrs?: { href: string }
}

/** Lists and blockquotes nested deeper than this are flattened: hostile input must not be able
 * to build a tree the editor (or a recursive walk) chokes on. */
export const MAX_NESTING = 24

/** Add a mark; an inner mark of the same type replaces the outer one (innermost link wins). */
export function withMark(marks: readonly Mark[], mark: Mark): Mark[] {
  return [...marks.filter((m) => m.type !== mark.type), mark]
}

/** TipTap's code mark excludes every other mark, so a combination would fail schema checks.
 * Dropping code (cosmetic) rather than the others keeps link targets and emphasis. */
function finalMarks(marks: readonly Mark[]): Mark[] {
  const kept = marks.length > 1 ? marks.filter((m) => m.type !== 'code') : marks
  return kept.map((m) => (m.attrs ? { type: m.type, attrs: { href: m.attrs.href } } : { type: m.type }))
}

/** An href the editor may keep, or null. Mirrors the URL parser's leniency (it strips tabs and
 * newlines anywhere and C0/space at the ends) so " java\tscript:" cannot sneak past. */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const url = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
  if (url.length === 0 || url.length > 2048) return null
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase()
  return scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? url : null
}

export function headingLevel(depth: number): number {
  return Math.min(3, Math.max(1, Math.floor(depth) || 1))
}

/** A code block, or null when it would hold no visible text. */
export function codeBlock(text: string): DocNode | null {
  const value = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '')
  return value.trim() ? { type: 'codeBlock', content: [{ type: 'text', text: value }] } : null
}

/** listItem content is "paragraph block*" in StarterKit; an item with nothing readable is dropped. */
export function listItem(blocks: DocNode[]): DocNode | null {
  const [first, ...rest] = blocks
  if (!first) return null
  if (first?.type === 'paragraph') return { type: 'listItem', content: blocks }
  if (first?.type === 'heading')
    return { type: 'listItem', content: [{ type: 'paragraph', content: first.content }, ...rest] }
  return { type: 'listItem', content: [{ type: 'paragraph' }, ...blocks] }
}

/** Collapse whitespace as a browser does for normal flow text, trim block and line edges, drop
 * empty text nodes and edge hard breaks, and merge neighbours with equal marks. */
function normalizeInline(nodes: DocNode[]): DocNode[] {
  const out: DocNode[] = []
  const last = (): DocNode | undefined => out[out.length - 1]
  const trimEnd = (): void => {
    for (let n = last(); n?.type === 'text'; n = last()) {
      n.text = n.text!.replace(/ +$/, '')
      if (n.text) return
      out.pop()
    }
  }
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      trimEnd()
      out.push(node)
      continue
    }
    let text = (node.text ?? '').replace(/[ \t\n\r\f]+/g, ' ')
    const prev = last()
    if (!prev || prev.type === 'hardBreak' || prev.text!.endsWith(' ')) text = text.replace(/^ /, '')
    if (!text) continue
    const sameMarks = prev?.type === 'text' && JSON.stringify(prev.marks) === JSON.stringify(node.marks)
    if (sameMarks) prev.text += text
    else out.push({ ...node, text })
  }
  trimEnd()
  while (out[0]?.type === 'hardBreak') out.shift()
  while (last()?.type === 'hardBreak') out.pop()
  return out.some((n) => n.type === 'text') ? out : []
}

/** Collects the blocks of one container (doc, list item, blockquote). */
export class BlockSink {
  readonly blocks: DocNode[] = []
  private inline: DocNode[] = []
  private textblock: DocNode = { type: 'paragraph' }

  text(value: string, marks: readonly Mark[]): void {
    if (!value) return
    this.inline.push(
      marks.length ? { type: 'text', text: value, marks: finalMarks(marks) } : { type: 'text', text: value },
    )
  }

  hardBreak(): void {
    this.inline.push({ type: 'hardBreak' })
  }

  /** Wrap pending inline content in the current textblock (stray text never sits under doc). */
  flush(): void {
    const content = normalizeInline(this.inline)
    this.inline = []
    if (content.length) this.blocks.push({ ...this.textblock, content })
  }

  block(node: DocNode | null): void {
    this.flush()
    if (node) this.blocks.push(node)
  }

  /** Run `fill` with inline content going into `textblock` (e.g. a heading) instead of a paragraph. */
  within(textblock: DocNode, fill: () => void): void {
    this.flush()
    const saved = this.textblock
    this.textblock = textblock
    fill()
    this.flush()
    this.textblock = saved
  }

  /** A table row flattened to one paragraph: each cell's inline content joined by " | ". */
  row(cells: BlockSink[]): void {
    this.flush()
    const inline = cells.map((cell) => (cell.flush(), inlineOf(cell.blocks)))
    if (!inline.some((c) => c.length)) return
    inline.forEach((c, i) => this.inline.push(...(i ? [{ type: 'text', text: ' | ' }] : []), ...c))
    this.flush()
  }
}

/** The inline content of some blocks, textblocks separated by a space (for table cells). */
function inlineOf(blocks: DocNode[]): DocNode[] {
  return blocks.flatMap((b, i) => {
    const inner =
      b.type === 'paragraph' || b.type === 'heading' || b.type === 'codeBlock'
        ? (b.content ?? [])
        : inlineOf(b.content ?? [])
    return i ? [{ type: 'text', text: ' ' }, ...inner] : inner
  })
}
