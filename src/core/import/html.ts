// HTML → TipTap JSON. Two layers of defence: rehype-sanitize first removes everything outside
// a strict allow-list (dangerous elements with their text, every attribute except a few, unsafe
// URL schemes, comments), then the mapper below only ever emits the editor's allowed node and
// mark types, re-checking link targets itself.
import type { Element, ElementContent, Root, RootContent } from 'hast'
import { toText } from 'hast-util-to-text'
import rehypeParse from 'rehype-parse'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
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

const MARK_TAGS: Record<string, Mark['type']> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  s: 'strike',
  strike: 'strike',
  del: 'strike',
  code: 'code',
  kbd: 'code',
  samp: 'code',
  tt: 'code',
}
/** Harmless elements that break the flow into a new paragraph, as they do in a browser. */
const CONTAINERS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'address',
  'details',
  'summary',
  'dl',
  'dt',
  'dd',
  'li',
  'center',
  'fieldset',
  'legend',
  'hgroup',
  'caption',
])
const STRUCTURE = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'hr',
  'br',
  'img',
  'a',
]
const TABLE = ['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']

/** Elements removed together with their text: executable, embedded or non-content. */
export const STRIPPED = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'svg',
  'math',
  'noscript',
  'template',
  'object',
  'embed',
  'applet',
  'head',
  'title',
  'form',
  'select',
  'textarea',
  'button',
  'canvas',
  'audio',
  'video',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
]

/** Derived from GitHub's defaultSchema but much stricter: tags we do not map are unwrapped
 * (their text kept), tags in `strip` vanish with their text, and almost no attribute survives. */
const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...Object.keys(MARK_TAGS), ...CONTAINERS, ...STRUCTURE, ...TABLE],
  attributes: { a: ['href'], img: ['alt'], ol: ['start'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  strip: STRIPPED,
  clobber: [],
  required: {},
  allowComments: false,
  allowDoctypes: false,
}

function parse(content: string, fragment: boolean): { raw: Root; clean: Root } {
  const raw = unified().use(rehypeParse, { fragment }).parse(content)
  const clean = unified().use(rehypeSanitize, schema).runSync(raw)
  return { raw, clean }
}

/** The document's <title>, looked up only in <head> (parse5 always builds html/head/body). */
function documentTitle(raw: Root): string | null {
  const child = (parent: { children: (RootContent | ElementContent)[] }, tag: string): Element | undefined =>
    parent.children.find((c): c is Element => c.type === 'element' && c.tagName === tag)
  const html = child(raw, 'html')
  const title = html && child(child(html, 'head') ?? html, 'title')
  const text = title ? toText(title).replace(/\s+/g, ' ').trim() : ''
  return text || null
}

export function htmlToDoc(content: string): { doc: DocNode; title: string | null } {
  const { raw, clean } = parse(content, false)
  return { doc: { type: 'doc', content: blocksOf(clean.children, [], 0) }, title: documentTitle(raw) }
}

/** Blocks for an HTML fragment (raw HTML inside Markdown goes through the same sanitizer). */
export function htmlToBlocks(content: string): DocNode[] {
  return blocksOf(parse(content, true).clean.children, [], 0)
}

function blocksOf(children: (RootContent | ElementContent)[], marks: Mark[], depth: number): DocNode[] {
  const sink = new BlockSink()
  for (const child of children) walk(child, marks, depth, sink)
  sink.flush()
  return sink.blocks
}

function walk(node: RootContent | ElementContent, marks: Mark[], depth: number, sink: BlockSink): void {
  if (node.type === 'text') return sink.text(node.value, marks)
  if (node.type !== 'element') return
  const tag = node.tagName
  const all = (m: Mark[] = marks): void => node.children.forEach((c) => walk(c, m, depth, sink))
  const nested = depth < MAX_NESTING
  if (MARK_TAGS[tag]) return all(withMark(marks, { type: MARK_TAGS[tag] }))
  if (tag === 'a') {
    const href = safeHref(node.properties.href)
    return all(href ? withMark(marks, { type: 'link', attrs: { href } }) : marks)
  }
  if (tag === 'br') return sink.hardBreak()
  if (tag === 'img')
    return sink.text(typeof node.properties.alt === 'string' ? node.properties.alt : '', marks)
  if (tag === 'hr') return sink.block({ type: 'horizontalRule' })
  if (/^h[1-6]$/.test(tag))
    return sink.within({ type: 'heading', attrs: { level: headingLevel(Number(tag[1])) } }, all)
  if (tag === 'pre') return sink.block(codeBlock(toText(node)))
  if (tag === 'table') return table(node, marks, depth, sink)
  if (nested && tag === 'blockquote') {
    const content = blocksOf(node.children, marks, depth + 1)
    return sink.block(content.length ? { type: 'blockquote', content } : null)
  }
  if (nested && (tag === 'ul' || tag === 'ol')) return sink.block(list(node, marks, depth + 1))
  if (CONTAINERS.has(tag) || TABLE.includes(tag) || tag === 'blockquote' || tag === 'ul' || tag === 'ol') {
    sink.flush()
    all()
    return sink.flush()
  }
  all()
}

function list(el: Element, marks: Mark[], depth: number): DocNode | null {
  const items: DocNode[] = []
  const add = (item: DocNode | null): void => void (item && items.push(item))
  // Stray content between <li>s (whitespace, or sloppy markup) becomes its own item if readable.
  let stray: ElementContent[] = []
  const flushStray = (): void => {
    add(listItem(blocksOf(stray, marks, depth)))
    stray = []
  }
  for (const child of el.children) {
    if (child.type === 'element' && child.tagName === 'li') {
      flushStray()
      add(listItem(blocksOf(child.children, marks, depth)))
    } else stray.push(child)
  }
  flushStray()
  if (!items.length) return null
  const start = el.properties.start
  const ordered = el.tagName === 'ol'
  const attrs =
    ordered && typeof start === 'number' && Number.isInteger(start) && start >= 0 && start !== 1
      ? { start }
      : undefined
  return { type: ordered ? 'orderedList' : 'bulletList', ...(attrs ? { attrs } : {}), content: items }
}

/** Tables flatten to one paragraph per row, cells joined by " | " (same as Markdown tables). */
function table(el: Element, marks: Mark[], depth: number, sink: BlockSink): void {
  sink.flush()
  for (const child of el.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'tr') {
      const cells = child.children.filter(
        (c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'),
      )
      sink.row(
        cells.map((cell) => {
          const cellSink = new BlockSink()
          cell.children.forEach((c) => walk(c, marks, depth + 1, cellSink))
          return cellSink
        }),
      )
    } else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot')
      table(child, marks, depth, sink)
    else walk(child, marks, depth, sink)
  }
  sink.flush()
}
