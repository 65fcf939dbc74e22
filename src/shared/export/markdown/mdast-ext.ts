// Obsidian-flavoured syntax as custom mdast nodes, serialized by remark-stringify handlers.
// Text inside every node still goes through the serializer's `safe` escaping; only the
// syntax markers (`==`, `^id`, `[[…]]`, `#tag`) are written by the handlers, and their
// variable parts are restricted to character sets that cannot form other Markdown.
import type { Literal, Node, Parent, PhrasingContent, Root } from 'mdast'
import type { Handle, Unsafe } from 'mdast-util-to-markdown'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'

/** `==text==`: the union of the passages over one run of text. */
export interface Highlight extends Parent {
  type: 'highlight'
  children: PhrasingContent[]
}
/** Obsidian block id `^p-…` (value without the caret); [A-Za-z0-9-] only. */
export interface BlockId extends Literal {
  type: 'blockId'
}
/** `[[target|alias]]`; both parts are sanitized by `wikiLink()` below. */
export interface WikiLink extends Node {
  type: 'wikiLink'
  target: string
  alias: string
}
/** `#phase/1`; value sanitized by `hashtag()` below. */
export interface Hashtag extends Literal {
  type: 'hashtag'
}

declare module 'mdast' {
  interface PhrasingContentMap {
    highlight: Highlight
    blockId: BlockId
    wikiLink: WikiLink
    hashtag: Hashtag
  }
  interface RootContentMap {
    highlight: Highlight
    blockId: BlockId
    wikiLink: WikiLink
    hashtag: Hashtag
  }
}
declare module 'mdast-util-to-markdown' {
  interface ConstructNameMap {
    highlight: 'highlight'
  }
}

// Characters that break a wikilink ([ ] | # ^), start HTML or autolinks (< >), or escape (\).
const WIKI_UNSAFE = /[[\]|#^<>\\`\u0000-\u001f\u007f]+/g

export function wikiLink(target: string, alias: string): WikiLink {
  const clean = (s: string): string => s.replace(WIKI_UNSAFE, ' ').replace(/\s+/g, ' ').trim()
  // The target keeps its own `#^id` anchor part: split it off, clean the file part only.
  const hash = target.indexOf('#')
  const file = hash < 0 ? target : target.slice(0, hash)
  const rest = target.slice(hash + 1)
  const anchor =
    hash < 0
      ? ''
      : rest.startsWith('^')
        ? '#^' + rest.slice(1).replace(/[^A-Za-z0-9-]/g, '-')
        : '#' + clean(rest)
  return { type: 'wikiLink', target: clean(file) + anchor, alias: clean(alias) }
}

/** Obsidian tags: letters, digits, `_`, `-`, `/`; anything else (spaces, `<`, `=`…) → `-`. */
export function hashtag(tagName: string): Hashtag {
  const value = tagName.normalize('NFC').replace(/[^\p{L}\p{N}_/-]+/gu, '-')
  return { type: 'hashtag', value: value || '-' }
}

const highlight: Handle = (node: Highlight, _parent, state, info) => {
  const exit = state.enter('highlight')
  const inner = state.containerPhrasing(node, { ...info, before: '=', after: '=' })
  exit()
  return '==' + inner + '=='
}
// A block id that is a paragraph of its own (after a heading, code block or quote) needs
// no separating space.
const blockId: Handle = (node: BlockId, parent) =>
  (parent && parent.children.length === 1 ? '^' : ' ^') + node.value.replace(/[^A-Za-z0-9-]/g, '-')
const wiki: Handle = (node: WikiLink) => '[[' + node.target + (node.alias ? '|' + node.alias : '') + ']]'
const tag: Handle = (node: Hashtag) => '#' + node.value

const notInSpans = [
  'autolink',
  'destinationLiteral',
  'destinationRaw',
  'reference',
  'titleQuote',
  'titleApostrophe',
] as const
const unsafe: Unsafe[] = [
  // `=` inside a highlight would end it early; `==` in plain text would start one.
  { character: '=', inConstruct: 'highlight' },
  { character: '=', after: '=', inConstruct: 'phrasing', notInConstruct: [...notInSpans] },
  { character: '=', before: '=', inConstruct: 'phrasing', notInConstruct: [...notInSpans] },
  // ` ^word` at the end of a line (or alone on it) is a block id, ` #word` a tag in Obsidian.
  { atBreak: true, character: '^' },
  { character: '^', before: '[ \\t]', inConstruct: 'phrasing', notInConstruct: [...notInSpans] },
  {
    character: '#',
    before: '(?:^|[ \\t])',
    after: '[^\\s#]',
    inConstruct: 'phrasing',
    notInConstruct: [...notInSpans],
  },
]

const processor = unified()
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    fences: true,
    listItemIndent: 'one',
    handlers: { highlight, blockId, wikiLink: wiki, hashtag: tag },
    unsafe,
  })
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])

export function toMarkdown(root: Root): string {
  return processor.stringify(root)
}
