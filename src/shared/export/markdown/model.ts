// What every layout needs to know about the passages: verified positions, the paragraph
// (¶) they start in, their Obsidian block id, and a stable order.
//
// Block ids: Obsidian allows one `^id` per block, so ids are per block, not per passage.
// The block (text block) that holds a passage's first character gets `^p-<id of the first
// passage starting there>`; every later passage starting in the same block shares it.
// Links to a passage therefore land on its paragraph, where the `==highlight==` shows it.
import { isTextblockType, plainText } from '../../plain-text'
import type { Annotation, DocNode, Notebook, Source, Tag } from '../../schema'
import { inlineLength } from './flow'

export interface Passage {
  ann: Annotation
  source: Source
  /** Anchored and its quote found in the current text; otherwise listed as orphaned. */
  anchored: boolean
  start: number
  end: number
  /** 1-based index of the text block holding the first character (0 when orphaned). */
  block: number
  /** Obsidian block id without the caret; only [A-Za-z0-9-]. */
  blockId: string
  short: string
  tags: Tag[]
}

export interface Model {
  nb: Notebook
  /** Sources in notebook order, passages by start position, id as tiebreak; orphans last. */
  passages: Passage[]
  byId: Map<string, Passage>
}

/** [start, end) of each text block in plain-text offsets (same walk as plainText). */
export function textblockRanges(doc: DocNode): [number, number][] {
  const out: [number, number][] = []
  let pos = 0
  const walk = (node: DocNode): void => {
    if (isTextblockType(node.type)) {
      if (out.length > 0) pos += 1
      out.push([pos, pos + inlineLength(node.content)])
      pos += inlineLength(node.content)
    } else for (const child of node.content ?? []) walk(child)
  }
  walk(doc)
  return out
}

export function shortQuote(exact: string, max = 48): string {
  const flat = exact.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.lastIndexOf(' ', max)
  return flat.slice(0, cut > max / 2 ? cut : max).trimEnd() + '…'
}

/** Where the quote is now: the stored position if it still matches, else the nearest copy. */
function locate(text: string, ann: Annotation): [number, number] | null {
  const { exact } = ann.target.quote
  const { start } = ann.target.position
  if (text.slice(start, start + exact.length) === exact) return [start, start + exact.length]
  let best = -1
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    if (best < 0 || Math.abs(i - start) < Math.abs(best - start)) best = i
  }
  return best < 0 ? null : [best, best + exact.length]
}

export function buildModel(nb: Notebook): Model {
  const tags = new Map(nb.tags.map((t) => [t.id, t]))
  const passages: Passage[] = []
  const sourceOrder = new Map(nb.sources.map((s, i) => [s.id, i]))
  const blockIds = new Map<string, string>()
  const usedIds = new Set<string>()
  const uniqueId = (annId: string): string => {
    const base = 'p-' + annId.replace(/[^A-Za-z0-9-]/g, '-')
    let id = base
    for (let n = 2; usedIds.has(id.toLowerCase()); n++) id = `${base}-${n}`
    usedIds.add(id.toLowerCase())
    return id
  }
  for (const source of nb.sources) {
    const text = plainText(source.doc)
    const ranges = textblockRanges(source.doc)
    const anns = nb.annotations.filter((a) => a.sourceId === source.id)
    const located = anns.map((ann) => ({ ann, at: ann.status === 'anchored' ? locate(text, ann) : null }))
    located.sort(
      (x, y) =>
        (x.at?.[0] ?? Infinity) - (y.at?.[0] ?? Infinity) ||
        (x.ann.id < y.ann.id ? -1 : x.ann.id > y.ann.id ? 1 : 0),
    )
    for (const { ann, at } of located) {
      const tagList = nb.tags.filter((t) => ann.tagIds.includes(t.id) && tags.has(t.id))
      const base = { ann, source, short: shortQuote(ann.target.quote.exact), tags: tagList }
      const blockIndex = at ? ranges.findIndex(([s, e]) => e > at[0] && e > s) : -1
      if (!at || blockIndex < 0) {
        passages.push({ ...base, anchored: false, start: 0, end: 0, block: 0, blockId: '' })
        continue
      }
      const key = `${source.id}\u0000${blockIndex}`
      if (!blockIds.has(key)) blockIds.set(key, uniqueId(ann.id))
      passages.push({
        ...base,
        anchored: true,
        start: at[0],
        end: at[1],
        block: blockIndex + 1,
        blockId: blockIds.get(key)!,
      })
    }
  }
  // Orphans get their own id (written on the line after their quote); ids assigned after
  // all anchored ones so adding an orphan never renames an anchored block.
  for (const p of passages) if (!p.anchored) p.blockId = uniqueId(p.ann.id)
  const rankOf = (p: Passage): number => (p.anchored ? 0 : 1)
  passages.sort(
    (a, b) => rankOf(a) - rankOf(b) || sourceOrder.get(a.source.id)! - sourceOrder.get(b.source.id)!,
  )
  return { nb, passages, byId: new Map(passages.map((p) => [p.ann.id, p])) }
}
