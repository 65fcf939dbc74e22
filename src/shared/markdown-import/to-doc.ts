// mdast → TipTap JSON, the exact inverse of export/markdown/blocks.ts + inline.ts for what
// they write: an `&nbsp;` paragraph is an empty paragraph, `<br>` a hard break, heading depths
// lose the export's shift, highlight markers (`==`) in a source's text are decoration and go.
// What the export never writes (tables, images, raw HTML, footnotes: an Obsidian user's
// additions) is kept as readable text; nothing becomes markup that the editor cannot show.
import type { Nodes, Parents, PhrasingContent, RootContent } from 'mdast'
import type { DocNode } from '../schema'

type Mark = NonNullable<DocNode['marks']>[number]

export interface ToDocOptions {
  /** The Markdown the tree was parsed from (positions point into it). */
  source: string
  /** Subtracted from heading depths (the export shifted them down). */
  headingShift: number
  /** Drop `==` highlight markers (a source's text) instead of keeping them as text (notes). */
  dropHighlights: boolean
  /** A wikilink's passage id, or null to keep the link as text. */
  resolve: (target: string) => string | null
}

const BR = /^(?:<br\s*\/?>)+$/i

function raw(node: Nodes, source: string): string {
  const { start, end } = node.position ?? {}
  return start?.offset !== undefined && end?.offset !== undefined
    ? source.slice(start.offset, end.offset)
    : ''
}

export function blocksToDoc(nodes: readonly RootContent[], opts: ToDocOptions): DocNode {
  const content = blocks(nodes, opts)
  return content.length > 0 ? { type: 'doc', content } : { type: 'doc', content: [{ type: 'paragraph' }] }
}

export function blocks(nodes: readonly RootContent[], opts: ToDocOptions): DocNode[] {
  const out: DocNode[] = []
  for (const node of nodes) out.push(...block(node, opts))
  return out
}

function textblock(type: 'paragraph' | 'heading', content: DocNode[], attrs?: DocNode['attrs']): DocNode {
  return { type, ...(attrs ? { attrs } : {}), ...(content.length > 0 ? { content } : {}) }
}

function block(node: RootContent, opts: ToDocOptions): DocNode[] {
  switch (node.type) {
    case 'paragraph':
      if (raw(node, opts.source) === '&nbsp;') return [{ type: 'paragraph' }]
      return [textblock('paragraph', inline(node.children, opts))]
    case 'heading': {
      const level = Math.max(1, node.depth - opts.headingShift)
      return [textblock('heading', inline(node.children, opts), { level })]
    }
    case 'html':
      if (BR.test(node.value.trim()))
        return [
          textblock(
            'paragraph',
            node.value.match(/<br\s*\/?>/gi)!.map(() => ({ type: 'hardBreak' })),
          ),
        ]
      return [textblock('paragraph', text(node.value, []))]
    case 'code':
      return [
        {
          type: 'codeBlock',
          attrs: { language: node.lang ?? null },
          ...(node.value ? { content: [{ type: 'text', text: node.value }] } : {}),
        },
      ]
    case 'blockquote':
      return [{ type: 'blockquote', content: blocks(node.children, opts) }]
    case 'thematicBreak':
      return [{ type: 'horizontalRule' }]
    case 'list': {
      const task = node.children.some((item) => typeof item.checked === 'boolean')
      const items = node.children.map((item): DocNode => ({
        type: task ? 'taskItem' : 'listItem',
        ...(task ? { attrs: { checked: item.checked === true } } : {}),
        content: blocks(item.children, opts),
      }))
      if (task) return [{ type: 'taskList', content: items }]
      if (!node.ordered) return [{ type: 'bulletList', content: items }]
      const start = node.start ?? 1
      return [{ type: 'orderedList', ...(start !== 1 ? { attrs: { start } } : {}), content: items }]
    }
    case 'table':
      // A row becomes a paragraph, its cells joined by " | " (the editor has no tables).
      return node.children.map((row) =>
        textblock(
          'paragraph',
          row.children.flatMap((cell, i) => [
            ...(i > 0 ? text(' | ', []) : []),
            ...inline(cell.children, opts),
          ]),
        ),
      )
    case 'yaml':
    case 'definition':
      return []
    case 'footnoteDefinition':
      return blocks(node.children, opts)
    default:
      return 'children' in node ? blocks((node as Parents).children as RootContent[], opts) : []
  }
}

// One order for marks, so equal formatting gives equal JSON (the editor re-sorts them anyway).
const MARK_ORDER: Record<string, number> = { link: 0, bold: 1, italic: 2, strike: 3, code: 4 }

function text(value: string, marks: readonly Mark[]): DocNode[] {
  if (!value) return []
  if (marks.length === 0) return [{ type: 'text', text: value }]
  const sorted = [...marks].sort((a, b) => (MARK_ORDER[a.type] ?? 9) - (MARK_ORDER[b.type] ?? 9))
  return [{ type: 'text', text: value, marks: sorted }]
}

export function inline(nodes: readonly PhrasingContent[], opts: ToDocOptions, marks: Mark[] = []): DocNode[] {
  const out: DocNode[] = []
  const push = (node: DocNode): void => {
    const prev = out[out.length - 1]
    if (node.type === 'text' && prev?.type === 'text' && sameMarks(prev.marks, node.marks))
      prev.text = (prev.text ?? '') + node.text
    else out.push(node)
  }
  const add = (mark: Mark): Mark[] => [...marks.filter((m) => m.type !== mark.type), mark]
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        text(node.value, marks).forEach(push)
        break
      case 'strong':
        inline(node.children, opts, add({ type: 'bold' })).forEach(push)
        break
      case 'emphasis':
        inline(node.children, opts, add({ type: 'italic' })).forEach(push)
        break
      case 'delete':
        inline(node.children, opts, add({ type: 'strike' })).forEach(push)
        break
      case 'inlineCode':
        text(node.value, add({ type: 'code' })).forEach(push)
        break
      case 'break':
        push({ type: 'hardBreak' })
        break
      case 'link': {
        // A bare URL that GFM turned into a link was plain text when written.
        const literal = !/^[[<]/.test(raw(node, opts.source))
        const children = inline(
          node.children,
          opts,
          literal ? marks : add({ type: 'link', attrs: { href: node.url } }),
        )
        children.forEach(push)
        break
      }
      case 'html':
        if (BR.test(node.value.trim()))
          node.value.match(/<br\s*\/?>/gi)!.forEach(() => push({ type: 'hardBreak' }))
        else text(node.value, marks).forEach(push)
        break
      case 'wikiLink': {
        const id = opts.resolve(node.target)
        if (id) push({ type: 'passageRef', attrs: { annotationId: id } })
        else text(raw(node, opts.source) || `[[${node.target}]]`, marks).forEach(push)
        break
      }
      case 'hashtag':
        text('#' + node.value, marks).forEach(push)
        break
      case 'blockId':
        text('^' + node.value, marks).forEach(push)
        break
      case 'highlightMarker':
        if (!opts.dropHighlights) text('==', marks).forEach(push)
        break
      case 'image':
      case 'imageReference':
        text(node.alt ?? '', marks).forEach(push)
        break
      case 'footnoteReference':
        text(`[^${node.label ?? node.identifier}]`, marks).forEach(push)
        break
      default: {
        const other = node as { children?: PhrasingContent[]; value?: unknown }
        if (other.children) inline(other.children, opts, marks).forEach(push)
        else if (typeof other.value === 'string') text(other.value, marks).forEach(push)
      }
    }
  }
  return out
}

function sameMarks(a: DocNode['marks'], b: DocNode['marks']): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length
  return (
    a.length === b.length && a.every((m, i) => m.type === b[i].type && m.attrs?.href === b[i].attrs?.href)
  )
}
