// The passages matching the tag filter, computed once per (notebook, filter) pair: the margin
// lists them and the reader dims the others, and both ask on every filter change.
import { filterPassages } from '@shared/filter'
import type { Annotation, Notebook } from '@shared/schema'
import type { TagFilter } from './ui-store'

let last: { nb: Notebook; filter: TagFilter; passages: Annotation[]; ids: Set<string> } | null = null

export function filtered(nb: Notebook, filter: TagFilter): { passages: Annotation[]; ids: Set<string> } {
  if (last?.nb !== nb || last.filter !== filter) {
    const passages = filterPassages(nb, filter)
    last = { nb, filter, passages, ids: new Set(passages.map((a) => a.id)) }
  }
  return last
}
