// Entities in the text: where the sources name them (by name or alias, folded), which
// aliases two entities share, and the passages and note pages about each.
import { plainText } from '../plain-text'
import type { Annotation, Entity, Notebook, NotePage } from '../schema'
import { foldName, foldWithMap } from './fold'

export interface Mention {
  entityId: string
  sourceId: string
  start: number
  end: number
  /** The words as the source spells them. */
  text: string
  /** The name it was found under is also another entity's: confirm which one is meant. */
  ambiguous: boolean
}

/** Folded name → the ids of the entities known by it. */
export function nameIndex(entities: readonly Entity[]): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const e of entities) {
    for (const name of [e.name, ...e.aliases]) {
      const key = foldName(name)
      if (!key) continue
      const ids = index.get(key) ?? []
      if (!ids.includes(e.id)) ids.push(e.id)
      index.set(key, ids)
    }
  }
  return index
}

/** For each entity, the names it shares with other entities, and with which (flagged in the UI). */
export function aliasConflicts(
  entities: readonly Entity[],
): Map<string, { name: string; others: string[] }[]> {
  const byId = new Map(entities.map((e) => [e.id, e]))
  const conflicts = new Map<string, { name: string; others: string[] }[]>()
  for (const [key, ids] of nameIndex(entities)) {
    if (ids.length < 2) continue
    for (const id of ids) {
      const e = byId.get(id)!
      const name = [e.name, ...e.aliases].find((n) => foldName(n) === key) ?? key
      const list = conflicts.get(id) ?? []
      list.push({ name, others: ids.filter((o) => o !== id) })
      conflicts.set(id, list)
    }
  }
  return conflicts
}

const WORD = /[\p{L}\p{N}]/u

/** Every place `text` names an entity, longest name first where two overlap. */
export function mentionsIn(text: string, index: Map<string, string[]>, sourceId = ''): Mention[] {
  const { folded, from } = foldWithMap(text)
  const found: Mention[] = []
  for (const [key, ids] of index) {
    for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
      const end = at + key.length
      if ((at > 0 && WORD.test(folded[at - 1])) || (end < folded.length && WORD.test(folded[end]))) continue
      const start = from[at]
      const stop = from[end - 1] + (text.codePointAt(from[end - 1])! > 0xffff ? 2 : 1)
      for (const entityId of ids)
        found.push({
          entityId,
          sourceId,
          start,
          end: stop,
          text: text.slice(start, stop),
          ambiguous: ids.length > 1,
        })
    }
  }
  // "Baghdad International Airport" also contains "Baghdad": keep the longer name only.
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  return found.filter(
    (m) =>
      !found.some(
        (o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start,
      ),
  )
}

/** Mentions across every source, by entity id. */
export function mentionsByEntity(nb: Notebook, texts: ReadonlyMap<string, string>): Map<string, Mention[]> {
  const index = nameIndex(nb.entities ?? [])
  const out = new Map<string, Mention[]>()
  for (const source of nb.sources) {
    const text = texts.get(source.id) ?? plainText(source.doc)
    for (const m of mentionsIn(text, index, source.id)) {
      const list = out.get(m.entityId) ?? []
      list.push(m)
      out.set(m.entityId, list)
    }
  }
  return out
}

/** The entities a passage is about: named in its quote or its note. */
export function entitiesOfPassage(a: Annotation, index: Map<string, string[]>): Set<string> {
  const text = `${a.target.quote.exact}\n${a.note ? plainText(a.note) : ''}`
  return new Set(mentionsIn(text, index).map((m) => m.entityId))
}

export function passagesAbout(nb: Notebook, entityId: string): Annotation[] {
  const index = nameIndex(nb.entities ?? [])
  return nb.annotations.filter((a) => entitiesOfPassage(a, index).has(entityId))
}

export function notesAbout(nb: Notebook, entityId: string): NotePage[] {
  const index = nameIndex(nb.entities ?? [])
  return nb.notes.filter((n) =>
    mentionsIn(`${n.title}\n${plainText(n.doc)}`, index).some((m) => m.entityId === entityId),
  )
}

/** A mention is "confirmed" when a passage covers it. */
export function isConfirmed(m: Mention, passages: readonly Annotation[]): boolean {
  return passages.some(
    (a) =>
      a.sourceId === m.sourceId &&
      a.status === 'anchored' &&
      a.target.position.start <= m.start &&
      a.target.position.end >= m.end,
  )
}
