// The notebook's referential rules, checked once at the end of every batch of operations:
// every passage is on an existing source and carries existing tags (each once), every link
// joins two things that exist with an existing relation, and never a thing to itself. No
// operation, `restore` included, can leave the notebook otherwise.
//
// The check is incremental because it runs on every keystroke batch of a note: entities keep
// their identity when unchanged, so only what a batch replaced is looked at, unless something
// was removed (then everything that could point at it is).
import { GlossaError } from '../errors'
import type { Annotation, Endpoint, Link, Notebook } from '../schema'

interface Diff<T> {
  changed: T[]
  removed: boolean
}

/** Throws a GlossaError naming the first broken rule in `after` that `before` did not already have. */
export function assertIntegrity(before: Notebook, after: Notebook): void {
  const sources = diff(before.sources, after.sources)
  const tags = diff(before.tags, after.tags)
  const passages = diff(before.annotations, after.annotations)
  const notes = diff(before.notes, after.notes)
  const relations = diff(before.relations, after.relations)
  const links = diff(before.links, after.links)
  const passagesToCheck = sources.removed || tags.removed ? after.annotations : passages.changed
  for (const a of passagesToCheck) checkPassage(after, a)
  const linksToCheck = passages.removed || notes.removed || relations.removed ? after.links : links.changed
  for (const l of linksToCheck) checkLink(after, l)
}

/** Every broken rule in a notebook (a file written by hand or by an older, laxer Glossa). */
export function integrityProblems(nb: Notebook): string[] {
  const problems: string[] = []
  const collect = (check: () => void) => {
    try {
      check()
    } catch (error) {
      problems.push((error as Error).message)
    }
  }
  for (const a of nb.annotations) collect(() => checkPassage(nb, a))
  for (const l of nb.links) collect(() => checkLink(nb, l))
  return problems
}

function checkPassage(nb: Notebook, a: Annotation): void {
  if (!idsOf(nb.sources).has(a.sourceId))
    fail(`Passage “${a.id}” would be left on a source that does not exist (“${a.sourceId}”).`)
  const tags = idsOf(nb.tags)
  const missing = a.tagIds.find((id) => !tags.has(id))
  if (missing !== undefined) fail(`Passage “${a.id}” would carry a tag that does not exist (“${missing}”).`)
  if (new Set(a.tagIds).size !== a.tagIds.length) fail(`Passage “${a.id}” would carry one tag twice.`)
}

function checkLink(nb: Notebook, l: Link): void {
  if (!endpointExists(nb, l.from) || !endpointExists(nb, l.to))
    fail(`Link “${l.id}” would point to a passage or note that does not exist.`)
  if (!idsOf(nb.relations).has(l.relationId))
    fail(`Link “${l.id}” would use a relation that does not exist (“${l.relationId}”).`)
  if (l.from.kind === l.to.kind && l.from.id === l.to.id)
    fail(`Link “${l.id}” would join a passage to itself.`)
}

function endpointExists(nb: Notebook, end: Endpoint): boolean {
  return idsOf(end.kind === 'annotation' ? nb.annotations : nb.notes).has(end.id)
}

function fail(message: string): never {
  throw new GlossaError('integrity', `${message} The change was not applied.`)
}

// Id sets cached per (immutable) array: one build per array version, shared by every check.
const idCache = new WeakMap<readonly { id: string }[], Set<string>>()
function idsOf(items: readonly { id: string }[]): Set<string> {
  let ids = idCache.get(items)
  if (!ids) {
    ids = new Set(items.map((i) => i.id))
    idCache.set(items, ids)
  }
  return ids
}

/**
 * What a batch replaced or added, and whether it removed anything. Fast path: same ids in the
 * same places (edits) or only appended ones (adds) need one identity comparison per entry.
 */
function diff<T extends { id: string }>(before: readonly T[], after: readonly T[]): Diff<T> {
  if (before === after) return { changed: [], removed: false }
  const changed: T[] = []
  const shared = Math.min(before.length, after.length)
  let aligned = after.length >= before.length
  for (let i = 0; aligned && i < shared; i++) {
    if (after[i] === before[i]) continue
    if (after[i].id !== before[i].id) aligned = false
    else changed.push(after[i])
  }
  if (aligned) return { changed: changed.concat(after.slice(before.length)), removed: false }
  const previous = new Set(before)
  const now = idsOf(after)
  return { changed: after.filter((x) => !previous.has(x)), removed: before.some((x) => !now.has(x.id)) }
}
