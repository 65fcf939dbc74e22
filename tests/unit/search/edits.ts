// Random edits of a generated notebook, one operation each (scorer.test.ts, snapshot.test.ts).
import type { Op } from '../../../src/shared/ops'
import type { Notebook } from '../../../src/shared/schema'

export interface Edit {
  which: number
  kind: string
  text: string
}

export const EDIT_KINDS = ['delete', 'note', 'quote-tags', 'source', 'note-page', 'tag'] as const

function paragraph(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
}

export function opFor(nb: Notebook, e: Edit): Op {
  const a = nb.annotations[e.which % nb.annotations.length]
  if (e.kind === 'delete') return { type: 'deleteAnnotation', id: a.id }
  if (e.kind === 'note') return { type: 'updateAnnotation', id: a.id, patch: { note: paragraph(e.text) } }
  if (e.kind === 'quote-tags') {
    const tagIds = nb.tags.filter((_, i) => (i + e.which) % 7 === 0).map((t) => t.id)
    return { type: 'updateAnnotation', id: a.id, patch: { tagIds } }
  }
  if (e.kind === 'source') {
    const s = nb.sources[e.which % nb.sources.length]
    const content = s.doc.content!.map((p, i) => (i === e.which % 3 ? paragraph(e.text).content[0] : p))
    return { type: 'updateSource', id: s.id, patch: { doc: { type: 'doc', content } } }
  }
  if (e.kind === 'note-page') {
    const n = nb.notes[e.which % nb.notes.length]
    return { type: 'updateNote', id: n.id, patch: { doc: paragraph(e.text) } }
  }
  const t = nb.tags[e.which % nb.tags.length]
  return { type: 'updateTag', id: t.id, patch: { description: e.text } }
}
