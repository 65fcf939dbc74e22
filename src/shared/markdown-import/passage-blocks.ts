// Finds the parts of an export again in the block list of a file (export/markdown/passages.ts
// writes them): a passage starts at a block quote followed by a paragraph that is only a
// block id; its meta paragraph starts with where it is and a glossa:// link; its note runs to
// the next passage or heading. Escaped user text can produce none of these shapes.
import type { Heading, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { parseDeepLink, type DeepLink } from '../export/deep-link'

export interface LinkRow {
  /** '→': this end is the link's start; '←': its end. */
  arrow: '→' | '←'
  relation: string
  target: string
  comment: string
}

export interface Meta {
  link: DeepLink
  /** "¶ 3" → 3, "¶ 3, match 2" → 2; orphaned → 0. */
  block: number
  match: number
  rows: LinkRow[]
  tags: string[]
  /** A trailing ` ^id` (note pages in the single-file layout). */
  blockId: string | null
}

export interface PassageBlock {
  quote: string
  blockId: string
  meta: Meta | null
  note: RootContent[]
}

/** Plain text of phrasing content, Obsidian nodes written back as typed. */
export function plain(nodes: readonly PhrasingContent[]): string {
  let out = ''
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value
    else if (n.type === 'break') out += '\n'
    else if (n.type === 'html') out += /^<br\s*\/?>$/i.test(n.value) ? '\n' : n.value
    else if (n.type === 'hashtag') out += '#' + n.value
    else if (n.type === 'blockId') out += '^' + n.value
    else if (n.type === 'highlightMarker') out += '=='
    else if (n.type === 'wikiLink') out += `[[${n.target}${n.alias !== null ? '|' + n.alias : ''}]]`
    else if ('children' in n) out += plain(n.children as PhrasingContent[])
  }
  return out
}

export const headingText = (h: Heading): string => plain(h.children)

/** The paragraph is nothing but a block id: `^p-a1`. */
export function soleBlockId(node: RootContent | undefined): string | null {
  if (node?.type !== 'paragraph') return null
  const kids = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''))
  return kids.length === 1 && kids[0].type === 'blockId' ? kids[0].value : null
}

/** The first glossa:// link of a paragraph's top level, and the nodes before it. */
export function glossaLink(node: RootContent | undefined): DeepLink | null {
  if (node?.type !== 'paragraph') return null
  const link = node.children.find((c) => c.type === 'link')
  return link?.type === 'link' ? parseDeepLink(link.url) : null
}

function lines(p: Paragraph): PhrasingContent[][] {
  const out: PhrasingContent[][] = [[]]
  for (const c of p.children) {
    if (c.type === 'break') out.push([])
    else out[out.length - 1].push(c)
  }
  return out
}

function linkRow(line: PhrasingContent[]): LinkRow | null {
  const at = line.findIndex((n) => n.type === 'wikiLink')
  if (at < 0) return null
  const head = plain(line.slice(0, at))
  const m = /^(.*) (→|←) $/s.exec(head)
  if (!m) return null
  const wiki = line[at] as Extract<PhrasingContent, { type: 'wikiLink' }>
  const tail = plain(line.slice(at + 1))
  return {
    arrow: m[2] as '→' | '←',
    relation: m[1],
    target: wiki.target,
    comment: tail.startsWith(' — ') ? tail.slice(3) : '',
  }
}

const onlyTags = (line: PhrasingContent[]): boolean =>
  line.some((n) => n.type === 'hashtag') &&
  line.every((n) => n.type === 'hashtag' || (n.type === 'text' && n.value.trim() === ''))

export function readMeta(node: RootContent | undefined): Meta | null {
  const link = glossaLink(node)
  if (!link || node?.type !== 'paragraph') return null
  const all = lines(node)
  // A trailing ` ^id` closes the paragraph (note pages in the single file).
  let blockId: string | null = null
  const last = all[all.length - 1]
  const tail = last[last.length - 1]
  if (tail?.type === 'blockId') {
    blockId = tail.value
    last.pop()
    // The space before ` ^id` belongs to the id, not to the line.
    const before = last[last.length - 1]
    if (before?.type === 'text') before.value = before.value.replace(/ $/, '')
  }
  const cite = plain(
    all[0].slice(
      0,
      all[0].findIndex((n) => n.type === 'link'),
    ),
  )
  const where = /^¶ (\d+)(?:, match (\d+))? · $/.exec(cite)
  const meta: Meta = {
    link,
    block: where ? Number(where[1]) : 0,
    match: where?.[2] ? Number(where[2]) : where ? 1 : 0,
    rows: [],
    tags: [],
    blockId,
  }
  for (const line of all.slice(1)) {
    const row = linkRow(line)
    if (row) meta.rows.push(row)
    else if (onlyTags(line)) for (const n of line) if (n.type === 'hashtag') meta.tags.push(n.value)
  }
  return meta
}

/** A passage starts here: a block quote, then a paragraph that is only a block id. */
export const passageStarts = (blocks: readonly RootContent[], i: number): boolean =>
  blocks[i]?.type === 'blockquote' && soleBlockId(blocks[i + 1]) !== null

/** The quote of a passage's block quote: its paragraphs' text, line ends as "\n". */
function quoteText(node: Nodes): string {
  if (node.type !== 'blockquote') return ''
  return node.children
    .map((c) =>
      c.type === 'paragraph'
        ? plain(c.children)
        : c.type === 'html' && /^(?:<br\s*\/?>)+$/i.test(c.value)
          ? '\n'.repeat(c.value.match(/<br/gi)!.length)
          : '',
    )
    .join('\n')
}

/** Passages in `blocks`; a note runs to the next passage or a heading at `stopDepth` or above. */
export function readPassages(blocks: readonly RootContent[], stopDepth: number): PassageBlock[] {
  const out: PassageBlock[] = []
  const stops = (k: number): boolean => {
    const b = blocks[k]
    return passageStarts(blocks, k) || (b.type === 'heading' && b.depth <= stopDepth)
  }
  let i = 0
  while (i < blocks.length) {
    if (!passageStarts(blocks, i)) {
      i++
      continue
    }
    const quote = quoteText(blocks[i])
    const blockId = soleBlockId(blocks[i + 1])!
    let j = i + 2
    const meta = readMeta(blocks[j])
    if (meta) j++
    const start = j
    while (j < blocks.length && !stops(j)) j++
    out.push({ quote, blockId, meta, note: blocks.slice(start, j) as RootContent[] })
    i = j
  }
  return out
}

/** Index of the next heading at `depth` or above (shallower) from `from`, or the end. */
export function nextHeading(blocks: readonly RootContent[], from: number, depth: number): number {
  for (let i = from; i < blocks.length; i++) {
    const b = blocks[i]
    if (b.type === 'heading' && b.depth <= depth) return i
  }
  return blocks.length
}
