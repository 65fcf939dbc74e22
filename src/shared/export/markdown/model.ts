// What every layout needs to know about the passages: where each is in its source's current
// text (¶ number and which match of its quote from there), its Obsidian block id, a stable
// order, and the links touching it — computed once, in time linear in the notebook.
//
// Block ids: one per passage (`^p-<id>`, on its own line after the passage's quote), one per
// note page in the single-file layout (`^n-<id>`). Obsidian allows [A-Za-z0-9-] and compares
// ids ignoring case, so other characters become `-` and a clash gets `-2`, `-3`, ….
import { plainText } from '../../plain-text'
import type { Annotation, Endpoint, Link, Notebook, NotePage, Relation, Source, Tag } from '../../schema'
import { passageViewFieldsOf, type PassageViewFields } from '../../views/export-fields'
import { blockAt, matchNumber, textblockStarts } from './text-blocks'
import { obsidianTags } from './tags'

export interface Passage {
  ann: Annotation
  source: Source
  /** Anchored and its quote found in the current text; otherwise listed as orphaned. */
  anchored: boolean
  start: number
  end: number
  /** 1-based index of the text block holding the first character (0 when orphaned). */
  block: number
  /** Which match of the quote, counting from the start of that text block (1 = the first). */
  match: number
  blockId: string
  /** Filled in by shortOf(). */
  short: string
  /** The short quote as a wikilink alias (passages.ts), once it is needed. */
  alias?: string
  tags: Tag[]
  /** Position in the export's passage order (link rows sort by it). */
  rank: number
}

export interface Model {
  nb: Notebook
  /** Per source (notebook order): anchored passages by position, id as tiebreak. */
  anchored: Map<string, Passage[]>
  /** Per source: orphaned passages by id. */
  orphans: Map<string, Passage[]>
  byId: Map<string, Passage>
  notes: Map<string, { note: NotePage; blockId: string; rank: number }>
  relations: Map<string, Relation>
  /** Tag id → Obsidian tag (tags.ts). */
  tagNames: Map<string, string>
  /** Links touching each passage or note, by endKey(). */
  linksOf: Map<string, Link[]>
  /** Grade, dates, entities and corroboration of a passage (the analyst's views), made when it is written. */
  views: (a: Annotation) => PassageViewFields
}

export function shortQuote(exact: string, max = 48): string {
  // Only the start matters; a quote can be 20,000 characters long.
  const head = exact.length > max * 4 ? exact.slice(0, max * 4) : exact
  const flat = head.replace(/\s+/g, ' ').trim()
  if (head !== exact && flat.length <= max) return shortQuote(exact.slice(0, max * 64), max)
  if (flat.length <= max) return flat
  const cut = flat.lastIndexOf(' ', max)
  return flat.slice(0, cut > max / 2 ? cut : max).trimEnd() + '…'
}

/** Where the quote is now: the stored position if it still matches, else the nearest copy. */
function locate(text: string, ann: Annotation): [number, number] | null {
  const { exact } = ann.target.quote
  const { start } = ann.target.position
  if (text.startsWith(exact, start)) return [start, start + exact.length]
  let best = -1
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    if (best < 0 || Math.abs(i - start) < Math.abs(best - start)) best = i
    if (i > start) break // later copies are only further away
  }
  return best < 0 ? null : [best, best + exact.length]
}

/** A passage's tags in notebook order, each once, unknown ids left out. */
function tagsOf(ids: readonly string[], tags: readonly Tag[], order: Map<string, number>): Tag[] {
  if (ids.length === 0) return []
  const at: number[] = []
  for (const id of ids) {
    const i = order.get(id)
    if (i !== undefined && !at.includes(i)) at.push(i)
  }
  if (at.length > 1) at.sort((x, y) => x - y)
  return at.map((i) => tags[i])
}

/** The short quote shown as a link's text, made when first needed (most passages are never linked). */
export function shortOf(p: Passage): string {
  return p.short || (p.short = shortQuote(p.ann.target.quote.exact))
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export function buildModel(nb: Notebook): Model {
  const tagOrder = new Map(nb.tags.map((t, i) => [t.id, i]))
  const used = new Set<string>()
  const uniqueId = (prefix: string, id: string): string => {
    const base = prefix + id.replace(/[^A-Za-z0-9-]/g, '-')
    let out = base
    for (let n = 2; used.has(out.toLowerCase()); n++) out = `${base}-${n}`
    used.add(out.toLowerCase())
    return out
  }
  const bySource = new Map<string, Annotation[]>()
  for (const a of nb.annotations) {
    const list = bySource.get(a.sourceId)
    if (list) list.push(a)
    else bySource.set(a.sourceId, [a])
  }
  const anchored = new Map<string, Passage[]>()
  const orphans = new Map<string, Passage[]>()
  const all: Passage[] = []
  for (const source of nb.sources) {
    const anns = bySource.get(source.id) ?? []
    const here: Passage[] = []
    const lost: Passage[] = []
    if (anns.length > 0) {
      const text = plainText(source.doc)
      const { starts, ends } = textblockStarts(source.doc)
      for (const ann of anns) {
        const at = ann.status === 'anchored' ? locate(text, ann) : null
        const block = at ? blockAt(ends, at[0]) : 0
        const p: Passage = {
          ann,
          source,
          anchored: at !== null && block > 0,
          start: at?.[0] ?? 0,
          end: at?.[1] ?? 0,
          block,
          match: 0,
          blockId: '',
          short: '',
          tags: tagsOf(ann.tagIds, nb.tags, tagOrder),
          rank: 0,
        }
        if (p.anchored) {
          p.match = matchNumber(text, ann.target.quote.exact, starts[block - 1], p.start)
          here.push(p)
        } else lost.push(p)
      }
    }
    here.sort((a, b) => a.start - b.start || byId(a.ann, b.ann))
    lost.sort((a, b) => byId(a.ann, b.ann))
    anchored.set(source.id, here)
    orphans.set(source.id, lost)
    all.push(...here)
  }
  for (const source of nb.sources) all.push(...orphans.get(source.id)!)
  // Ids in export order, anchored first, so an orphan added later never renames a block.
  all.forEach((p, i) => {
    p.rank = i
    p.blockId = uniqueId('p-', p.ann.id)
  })
  const notes = new Map(
    nb.notes.map((note, i) => [note.id, { note, blockId: uniqueId('n-', note.id), rank: all.length + i }]),
  )
  return {
    nb,
    anchored,
    orphans,
    byId: new Map(all.map((p) => [p.ann.id, p])),
    notes,
    relations: new Map(nb.relations.map((r) => [r.id, r])),
    tagNames: obsidianTags(nb.tags),
    linksOf: indexLinks(nb.links),
    views: passageViewFieldsOf(nb),
  }
}

/** `annotation:<id>` or `note:<id>`: a passage and a note page may share an id. */
export const endKey = (e: Endpoint): string => `${e.kind}:${e.id}`

function indexLinks(links: readonly Link[]): Map<string, Link[]> {
  const index = new Map<string, Link[]>()
  const add = (key: string, link: Link): void => {
    const list = index.get(key)
    if (list) list.push(link)
    else index.set(key, [link])
  }
  for (const link of links) {
    const from = endKey(link.from)
    const to = endKey(link.to)
    add(from, link)
    if (to !== from) add(to, link)
  }
  return index
}
