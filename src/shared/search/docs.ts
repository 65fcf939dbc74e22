// What goes into the search index: one small document per source block, passage, note
// page and tag, plus the block splitter and the identity diff used for incremental updates.
import { isTextblockType, plainText } from '../plain-text'
import type { Annotation, DocNode, NotePage, Tag } from '../schema'
import type { SearchKind } from './query'

/** Indexed fields; MiniSearch reads them straight off the object. */
export interface IndexDoc {
  /** Internal id, prefixed by kind: ids of different collections may collide. */
  id: string
  kind: SearchKind
  /** The id reported in results (annotation / note / tag id, `${sourceId}:${blockIndex}`). */
  ref: string
  sourceId?: string
  /** Note page title; tag name and label. */
  title: string
  /** Passage quote. */
  quote: string
  /** Passage note. */
  note: string
  /** Source block text. */
  body: string
  /** Note page text; tag description. */
  text: string
  /** Passages only: one opaque token per tag id (see tags.ts), space-separated. */
  tags: string
  /** Source blocks only: where the block starts in the source's plain text. */
  offset?: number
  /** Its short id in the postings once indexed (-1 before); not a field MiniSearch reads. */
  short: number
}

export const FIELDS = ['title', 'quote', 'note', 'body', 'text', 'tags'] as const
export type Field = (typeof FIELDS)[number]
export type TextField = Exclude<Field, 'tags'>

/**
 * Each kind has fields of its own, because MiniSearch keeps postings per field: a query
 * restricted to passages (tag:, is:) then never walks the large source-block postings.
 */
export const KIND_FIELDS: Record<SearchKind, TextField[]> = {
  source: ['body'],
  passage: ['quote', 'note'],
  note: ['title', 'text'],
  tag: ['title', 'text'],
}

export interface Block {
  text: string
  offset: number
  index: number
}

/**
 * The text blocks of a document with their offsets in plainText(doc). Walks the tree with
 * the same rule as plainText (blocks joined by "\n", hard breaks are "\n"), so
 * `plain.slice(b.offset, b.offset + b.text.length) === b.text` holds (unit-tested).
 */
export function textBlocks(doc: DocNode): Block[] {
  const blocks: Block[] = []
  let pos = 0
  let current: Block | null = null
  const walk = (node: DocNode): void => {
    if (node.type === 'text' || node.type === 'hardBreak') {
      const t = node.type === 'text' ? (node.text ?? '') : '\n'
      // Stray inline content outside a text block still occupies plain-text characters.
      if (!current) blocks.push((current = { text: '', offset: pos, index: blocks.length }))
      current.text += t
      pos += t.length
      return
    }
    if (isTextblockType(node.type)) {
      if (blocks.length > 0) pos += 1
      blocks.push((current = { text: '', offset: pos, index: blocks.length }))
      for (const child of node.content ?? []) walk(child)
      return
    }
    for (const child of node.content ?? []) walk(child)
  }
  walk(doc)
  return blocks
}

/**
 * Every document is made by this one literal, all fields in one order: one object shape for
 * all kinds. `{ ...NO_TEXT, body }` (a spread, then a field overwritten) was ~20 µs a document,
 * 0.3 s for the 14,300 blocks at L.
 */
function indexDoc(
  id: string,
  kind: SearchKind,
  ref: string,
  sourceId: string | undefined,
  text: { title?: string; quote?: string; note?: string; body?: string; text?: string; tags?: string },
  offset?: number,
): IndexDoc {
  return {
    id,
    kind,
    ref,
    sourceId,
    title: text.title ?? '',
    quote: text.quote ?? '',
    note: text.note ?? '',
    body: text.body ?? '',
    text: text.text ?? '',
    tags: text.tags ?? '',
    offset,
    short: -1,
  }
}

export function blockDoc(sourceId: string, b: Block, seq: number): IndexDoc {
  return indexDoc(
    `s:${sourceId}:${seq}`,
    'source',
    `${sourceId}:${b.index}`,
    sourceId,
    { body: b.text },
    b.offset,
  )
}

export function passageDoc(a: Annotation, token: (tagId: string) => string): IndexDoc {
  const note = a.note ? plainText(a.note) : ''
  const tags = a.tagIds.length === 0 ? '' : a.tagIds.map(token).join(' ')
  return indexDoc(`p:${a.id}`, 'passage', a.id, a.sourceId, { quote: a.target.quote.exact, note, tags })
}

export function noteDoc(n: NotePage): IndexDoc {
  return indexDoc(`n:${n.id}`, 'note', n.id, undefined, { title: n.title, text: plainText(n.doc) })
}

export function tagDoc(t: Tag): IndexDoc {
  const title = t.label ? `${t.name} ${t.label}` : t.name
  return indexDoc(`t:${t.id}`, 'tag', t.id, undefined, { title, text: t.description })
}

export interface Diff<T> {
  /** [previous version or undefined when new, next version] */
  changed: [T | undefined, T][]
  removed: T[]
}

/**
 * Compares two versions of a collection by object identity and brings `byId` up to date.
 * Walks both arrays in step, so an edit, insertion or deletion costs one identity check per
 * item and no hashing; only items out of step (inserted or moved) go through `byId` and a
 * set, which keeps a moved item from being mistaken for a deleted one. Ids must be unique.
 */
export function diffById<T extends { id: string }>(
  prev: readonly T[],
  next: readonly T[],
  byId: Map<string, T>,
): Diff<T> {
  const diff: Diff<T> = { changed: [], removed: [] }
  if (prev === next) return diff
  if (prev.length === 0 && byId.size === 0) {
    // A first build: everything is new (no set of out-of-step ids to fill and test).
    for (const item of next) {
      byId.set(item.id, item)
      diff.changed.push([undefined, item])
    }
    return diff
  }
  const skipped: T[] = []
  const outOfStep = new Set<string>()
  let i = 0
  for (let j = 0; j < next.length;) {
    const item = next[j]
    const here = prev[i]
    if (here === item || (here !== undefined && here.id === item.id)) {
      if (here !== item) diff.changed.push([here, item])
      i++
      j++
    } else if (here !== undefined && (prev[i + 1] === item || prev[i + 1]?.id === item.id)) {
      skipped.push(here) // probably deleted; confirmed below unless it shows up elsewhere
      i++
    } else {
      const old = byId.get(item.id)
      outOfStep.add(item.id)
      if (old !== item) diff.changed.push([old, item])
      j++
    }
  }
  for (; i < prev.length; i++) skipped.push(prev[i])
  for (const old of skipped) if (!outOfStep.has(old.id)) diff.removed.push(old)
  for (const old of diff.removed) byId.delete(old.id)
  for (const [, item] of diff.changed) byId.set(item.id, item)
  return diff
}
