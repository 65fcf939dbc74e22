// Markdown → TipTap JSON via a real CommonMark + GFM parser (remark), then a walk over mdast.
// Raw HTML is never rendered as markup: block-level HTML goes through the sanitizing HTML path
// (so its visible text survives), inline HTML tags are dropped (the text between them is
// ordinary Markdown text and is kept).
import type { Nodes, Parents, Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { DocNode } from '@shared/schema'
import {
  BlockSink,
  codeBlock,
  headingLevel,
  listItem,
  MAX_NESTING,
  safeHref,
  withMark,
  type Mark,
} from './doc-builder'
import { htmlToBlocks, STRIPPED } from './html'

interface Ctx {
  marks: Mark[]
  depth: number
  /** Link reference definitions ([x]: url), by normalized identifier. */
  defs: Map<string, string>
  /** Inside a paragraph, heading or table cell. */
  inline?: boolean
  /** Open inline raw tags like <script> whose text must go too; shared by a block's children. */
  hidden: { depth: number }
}

export function markdownToDoc(content: string): DocNode {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(content)
  const defs = new Map<string, string>()
  collectDefinitions(tree, defs)
  return { type: 'doc', content: blocksOf(tree, { marks: [], depth: 0, defs, hidden: { depth: 0 } }) }
}

/** Definitions are top-level or inside containers (blockquote, list item), never in phrasing. */
function collectDefinitions(node: Root | Nodes, defs: Map<string, string>): void {
  if (node.type === 'definition' && !defs.has(node.identifier)) defs.set(node.identifier, node.url)
  else if (
    node.type === 'root' ||
    node.type === 'blockquote' ||
    node.type === 'list' ||
    node.type === 'listItem' ||
    node.type === 'footnoteDefinition'
  )
    node.children.forEach((c) => collectDefinitions(c, defs))
}

/** `prefix` (a task checkbox, say) joins the first paragraph, which does not flush before it. */
function blocksOf(parent: Parents, ctx: Ctx, prefix = ''): DocNode[] {
  const sink = new BlockSink()
  sink.text(prefix, [])
  for (const child of parent.children) walk(child, ctx, sink)
  sink.flush()
  return sink.blocks
}

function walk(node: Nodes, ctx: Ctx, sink: BlockSink): void {
  if (ctx.hidden.depth > 0 && ctx.inline && node.type !== 'html') return
  const all = (c: Ctx = ctx): void => {
    if ('children' in node) for (const child of node.children) walk(child, c, sink)
  }
  const marked = (mark: Mark): void => all({ ...ctx, marks: withMark(ctx.marks, mark) })
  const nested = ctx.depth < MAX_NESTING
  const deeper = { ...ctx, depth: ctx.depth + 1 }
  // An unclosed inline <script> hides text only up to the end of its block.
  const inline = { ...ctx, inline: true, hidden: { depth: 0 } }
  switch (node.type) {
    case 'text':
      return sink.text(node.value, ctx.marks)
    case 'strong':
      return marked({ type: 'bold' })
    case 'emphasis':
      return marked({ type: 'italic' })
    case 'delete':
      return marked({ type: 'strike' })
    case 'inlineCode':
      return sink.text(node.value, withMark(ctx.marks, { type: 'code' }))
    case 'break':
      return sink.hardBreak()
    case 'link':
    case 'linkReference': {
      const href = safeHref(node.type === 'link' ? node.url : ctx.defs.get(node.identifier))
      return href ? marked({ type: 'link', attrs: { href } }) : all()
    }
    case 'image':
    case 'imageReference':
      return sink.text(node.alt ?? '', ctx.marks)
    case 'footnoteReference':
      return sink.text(`[${node.label ?? node.identifier}]`, ctx.marks)
    case 'html':
      if (ctx.inline) return hideInline(node.value, ctx.hidden)
      return htmlToBlocks(node.value).forEach((b) => sink.block(b))
    case 'paragraph':
    case 'tableCell':
      all(inline)
      return sink.flush()
    case 'heading':
      return sink.within({ type: 'heading', attrs: { level: headingLevel(node.depth) } }, () => all(inline))
    case 'code':
      return sink.block(codeBlock(node.value))
    case 'thematicBreak':
      return sink.block({ type: 'horizontalRule' })
    case 'blockquote': {
      if (!nested) return all()
      const content = blocksOf(node, deeper)
      return sink.block(content.length ? { type: 'blockquote', content } : null)
    }
    case 'list': {
      if (!nested) return all()
      const items = node.children.flatMap(
        (item) => listItem(blocksOf(item, deeper, taskPrefix(item.checked))) ?? [],
      )
      const start =
        node.ordered && node.start != null && node.start !== 1 ? { attrs: { start: node.start } } : {}
      return sink.block(
        items.length ? { type: node.ordered ? 'orderedList' : 'bulletList', ...start, content: items } : null,
      )
    }
    case 'listItem':
      sink.text(taskPrefix(node.checked), [])
      return all()
    case 'footnoteDefinition':
      sink.text(`[${node.label ?? node.identifier}] `, [])
      return all()
    case 'table':
      sink.flush()
      return node.children.forEach((row) =>
        sink.row(
          row.children.map((cell) => {
            const cellSink = new BlockSink()
            walk(cell, deeper, cellSink)
            return cellSink
          }),
        ),
      )
    case 'definition':
      return
    default:
      all()
  }
}

/** Task list state is content, so it stays visible as text. */
function taskPrefix(checked: boolean | null | undefined): string {
  return checked == null ? '' : checked ? '[x] ' : '[ ] '
}

/** Inline raw HTML is one complete tag per node (CommonMark guarantees it), so its name is
 * at the start. The tag itself is dropped; an opened <script>/<style>/… hides what follows. */
function hideInline(html: string, hidden: { depth: number }): void {
  const tag = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(html)
  if (!tag || !STRIPPED.includes(tag[2].toLowerCase()) || html.endsWith('/>')) return
  hidden.depth = tag[1] ? Math.max(0, hidden.depth - 1) : hidden.depth + 1
}
