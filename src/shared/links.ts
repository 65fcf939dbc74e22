// Who is connected to what. A passage (or note page) has outgoing links, read with the
// relation's name ("elaborates"), incoming links, read with its inverse ("elaborated by"),
// and note pages that reference it inline (`passageRef` nodes). Ends that no longer exist are
// reported as missing rather than thrown on, and `repairLinkOps` removes such links.
import { shortQuote } from './export/markdown/model'
import type { Op } from './ops'
import type { Annotation, DocNode, Endpoint, Link, Notebook, NotePage, Relation } from './schema'

export { shortQuote }

export interface LinkEnd {
  endpoint: Endpoint
  passage?: Annotation
  note?: NotePage
  /** The passage or note page was deleted (or never existed). */
  missing: boolean
  /** “short quote”, ‘Note title’, or "missing passage" / "missing note". */
  label: string
}
export interface LinkReading {
  link: Link
  relation: Relation | undefined
  direction: 'out' | 'in'
  /** How the link reads from this end: the relation's name outgoing, its inverse incoming. */
  reading: string
  other: LinkEnd
}
export interface LinksOf {
  outgoing: LinkReading[]
  incoming: LinkReading[]
  /** Note pages that reference the passage inline, in notebook order. */
  references: NotePage[]
}

const keyOf = (e: Endpoint): string => `${e.kind}:${e.id}`

/** Reading of a link from one end. A relation missing from the vocabulary still reads sensibly. */
export function readingOf(relation: Relation | undefined, direction: 'out' | 'in'): string {
  if (!relation) return direction === 'out' ? 'linked to' : 'linked from'
  return direction === 'out' ? relation.name : relation.inverse
}

export function endOf(nb: Pick<Notebook, 'annotations' | 'notes'>, endpoint: Endpoint): LinkEnd {
  if (endpoint.kind === 'annotation') {
    const passage = byId(nb.annotations).get(endpoint.id)
    return passage
      ? { endpoint, passage, missing: false, label: `“${shortQuote(passage.target.quote.exact)}”` }
      : { endpoint, missing: true, label: 'missing passage' }
  }
  const note = byId(nb.notes).get(endpoint.id)
  return note
    ? { endpoint, note, missing: false, label: `‘${note.title}’` }
    : { endpoint, missing: true, label: 'missing note' }
}

export function linksOf(
  nb: Pick<Notebook, 'links' | 'annotations' | 'notes' | 'relations'>,
  endpoint: Endpoint,
): LinksOf {
  const own = linkIndex(nb.links).get(keyOf(endpoint)) ?? []
  const relations = new Map(nb.relations.map((r) => [r.id, r]))
  const read = (link: Link, direction: 'out' | 'in'): LinkReading => {
    const relation = relations.get(link.relationId)
    return {
      link,
      relation,
      direction,
      reading: readingOf(relation, direction),
      other: endOf(nb, direction === 'out' ? link.to : link.from),
    }
  }
  const self = keyOf(endpoint)
  return {
    outgoing: own.filter((l) => keyOf(l.from) === self).map((l) => read(l, 'out')),
    incoming: own.filter((l) => keyOf(l.to) === self).map((l) => read(l, 'in')),
    references: endpoint.kind === 'annotation' ? (referenceIndex(nb.notes).get(endpoint.id) ?? []) : [],
  }
}

/** Ids of the passages a note document references, unique, in order of first appearance. */
export function referencedPassageIds(doc: DocNode): string[] {
  const cached = refsByDoc.get(doc)
  if (cached) return cached
  const ids = new Set<string>()
  const walk = (node: DocNode): void => {
    if (node.type === 'passageRef' && typeof node.attrs?.annotationId === 'string')
      ids.add(node.attrs.annotationId)
    node.content?.forEach(walk)
  }
  walk(doc)
  const result = [...ids]
  refsByDoc.set(doc, result)
  return result
}

/** Links whose ends or relation are gone (a hand-edited or damaged file): unsafe to show as is. */
export function brokenLinks(nb: Notebook): Link[] {
  const passages = new Set(nb.annotations.map((a) => a.id))
  const notes = new Set(nb.notes.map((n) => n.id))
  const relations = new Set(nb.relations.map((r) => r.id))
  const exists = (e: Endpoint) => (e.kind === 'annotation' ? passages : notes).has(e.id)
  return nb.links.filter((l) => !exists(l.from) || !exists(l.to) || !relations.has(l.relationId))
}

/** The operations that remove broken links (empty when there are none). */
export function repairLinkOps(nb: Notebook): Op[] {
  return brokenLinks(nb).map((l) => ({ type: 'deleteLink', id: l.id }))
}

/** How many links use each relation. */
export function linkCounts(links: readonly Link[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const l of links) counts.set(l.relationId, (counts.get(l.relationId) ?? 0) + 1)
  return counts
}

// Indexes cached on the (immutable) arrays, so every card asking costs a lookup, not a scan.
/**
 * Passages and note pages by id, one map per array (the reducer keeps an unchanged array's
 * identity): a passage card reads the other end of each of its links, and a scan of 20,000
 * passages per end showed in the profile of a filter change at L.
 */
const idMaps = new WeakMap<readonly { id: string }[], Map<string, unknown>>()
function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  let map = idMaps.get(items) as Map<string, T> | undefined
  if (!map) {
    map = new Map()
    // The first of a duplicated id wins, as `find` did.
    for (const item of items) if (!map.has(item.id)) map.set(item.id, item)
    idMaps.set(items, map)
  }
  return map
}

const linksByArray = new WeakMap<readonly Link[], Map<string, Link[]>>()
const refsByNotes = new WeakMap<readonly NotePage[], Map<string, NotePage[]>>()
const refsByDoc = new WeakMap<DocNode, string[]>()

function linkIndex(links: readonly Link[]): Map<string, Link[]> {
  let index = linksByArray.get(links)
  if (!index) {
    index = new Map()
    for (const l of links) {
      for (const key of new Set([keyOf(l.from), keyOf(l.to)])) {
        const list = index.get(key)
        if (list) list.push(l)
        else index.set(key, [l])
      }
    }
    linksByArray.set(links, index)
  }
  return index
}

function referenceIndex(notes: readonly NotePage[]): Map<string, NotePage[]> {
  let index = refsByNotes.get(notes)
  if (!index) {
    index = new Map()
    for (const note of notes) {
      for (const id of referencedPassageIds(note.doc)) {
        const list = index.get(id)
        if (list) list.push(note)
        else index.set(id, [note])
      }
    }
    refsByNotes.set(notes, index)
  }
  return index
}
