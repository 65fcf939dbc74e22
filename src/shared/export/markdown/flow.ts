// TipTap block content → mdast flow. Offsets follow shared/plain-text.ts exactly (text blocks
// separated by one "\n", hard break = 1 char), so a source's passages can be highlighted by
// their position selectors.
import type { BlockContent, ListItem, PhrasingContent } from 'mdast'
import { isTextblockType } from '../../plain-text'
import type { DocNode } from '../../schema'
import { inlineToMdast } from './inline'

export interface Decoration {
  /** Sorted, merged [start, end) ranges in plain-text offsets. */
  highlights: [number, number][]
  blockId?: string
}

export interface FlowOptions {
  /** Added to every heading level (clamped to 6), to nest the doc under export headings. */
  headingShift: number
  ref: (annotationId: string) => PhrasingContent[]
  /** For a source: what to mark in the `index`-th (1-based) text block, [start, end) of the plain text. */
  decorate?: (start: number, end: number, index: number) => Decoration
}

/** Plain-text length of a text block's inline content (text + hard breaks). */
export function inlineLength(nodes: DocNode[] | undefined): number {
  let n = 0
  for (const node of nodes ?? []) {
    if (node.type === 'text') n += (node.text ?? '').length
    else if (node.type === 'hardBreak') n += 1
    else n += inlineLength(node.content)
  }
  return n
}

export function docToMdast(doc: DocNode, opts: FlowOptions): BlockContent[] {
  const state = { pos: 0, seen: false, index: 0 }
  const idLine = (value: string): BlockContent => ({
    type: 'paragraph',
    children: [{ type: 'blockId', value }],
  })

  const textblock = (node: DocNode): BlockContent[] => {
    if (state.seen) state.pos += 1
    state.seen = true
    const start = state.pos
    const end = start + inlineLength(node.content)
    state.pos = end
    state.index += 1
    const deco = opts.decorate?.(start, end, state.index) ?? { highlights: [] }
    const highlights = deco.highlights
      .filter(([a, b]) => a < end && b > start)
      .map(([a, b]): [number, number] => [Math.max(a, start) - start, Math.min(b, end) - start])
    const children = inlineToMdast(node.content ?? [], { highlights, ref: opts.ref })
    if (node.type === 'codeBlock') {
      const lang = typeof node.attrs?.language === 'string' ? node.attrs.language : null
      const code: BlockContent = {
        type: 'code',
        lang,
        value: (node.content ?? []).map((c) => c.text ?? '').join(''),
      }
      return deco.blockId ? [code, idLine(deco.blockId)] : [code]
    }
    if (node.type === 'heading') {
      const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1
      const depth = Math.min(6, Math.max(1, level + opts.headingShift)) as 1 | 2 | 3 | 4 | 5 | 6
      // Obsidian reads block ids on headings poorly: the id goes on its own line after it.
      const heading: BlockContent = { type: 'heading', depth, children }
      return deco.blockId ? [heading, idLine(deco.blockId)] : [heading]
    }
    if (deco.blockId) children.push({ type: 'blockId', value: deco.blockId })
    // Empty paragraphs still count for offsets and ¶ numbers but write nothing.
    return children.length > 0 ? [{ type: 'paragraph', children }] : []
  }

  const item = (node: DocNode): ListItem => {
    const checked = node.type === 'taskItem' ? node.attrs?.checked === true : null
    return { type: 'listItem', spread: false, checked, children: flow(node.content ?? []) }
  }

  const block = (node: DocNode): BlockContent[] => {
    if (isTextblockType(node.type)) return textblock(node)
    const children = node.content ?? []
    switch (node.type) {
      case 'bulletList':
      case 'taskList':
        return [{ type: 'list', ordered: false, spread: false, children: children.map(item) }]
      case 'orderedList': {
        const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1
        return [{ type: 'list', ordered: true, start, spread: false, children: children.map(item) }]
      }
      case 'blockquote':
        return [{ type: 'blockquote', children: flow(children) }]
      case 'horizontalRule':
        return [{ type: 'thematicBreak' }]
      default:
        // Unknown containers (tables, custom blocks): keep their text blocks, lose the frame.
        return flow(children)
    }
  }

  const flow = (nodes: DocNode[]): BlockContent[] => nodes.flatMap(block)
  return flow(doc.content ?? [])
}
