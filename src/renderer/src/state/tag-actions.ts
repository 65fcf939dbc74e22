// Tagging passages and managing tags, through undoable operations.
import { nanoid } from 'nanoid'
import type { Op } from '@shared/ops'
import { assertUniqueTagName, normalizeTagName } from '@shared/ops'
import type { Notebook, Tag } from '@shared/schema'
import { distinctColor } from '@shared/tag-colors'
import type { NotebookSession } from './session'

/** A new tag takes a color no other tag of its facet has (while the palette lasts). */
export function colorForNewTag(nb: Notebook, name: string): string {
  return distinctColor(nb, name)
}

/** Validates a name for a new tag; throws GlossaError with a message for the user. */
export function newTag(nb: Notebook, rawName: string): Tag {
  const name = normalizeTagName(rawName)
  assertUniqueTagName(nb.tags, name)
  return { id: nanoid(12), name, label: '', color: colorForNewTag(nb, name), description: '' }
}

export function addTagToPassage(
  session: NotebookSession,
  passageId: string,
  tag: Tag | { create: string },
): void {
  const nb = session.notebook
  const passage = nb.annotations.find((a) => a.id === passageId)
  if (!passage) return
  const ops: Op[] = []
  let tagId: string
  if ('create' in tag) {
    const created = newTag(nb, tag.create)
    ops.push({ type: 'addTag', tag: created })
    tagId = created.id
  } else tagId = tag.id
  if (passage.tagIds.includes(tagId)) return
  // Field-level (retag), so undoing this never reverts other tag changes made since.
  ops.push({ type: 'retag', changes: [{ id: passageId, add: { tagId, index: passage.tagIds.length } }] })
  session.run(ops, { label: 'Tag passage' })
}

export function removeTagFromPassage(session: NotebookSession, passageId: string, tagId: string): void {
  const passage = session.notebook.annotations.find((a) => a.id === passageId)
  if (!passage || !passage.tagIds.includes(tagId)) return
  session.run([{ type: 'retag', changes: [{ id: passageId, remove: tagId }] }], { label: 'Untag passage' })
}

export function tagCounts(nb: Notebook): Map<string, number> {
  const counts = new Map<string, number>()
  for (const a of nb.annotations) for (const id of a.tagIds) counts.set(id, (counts.get(id) ?? 0) + 1)
  return counts
}

/** How a tag is shown: its label if it has one, else its name. */
export function tagDisplay(tag: Tag): string {
  return tag.name
}
