// The renderer's history: an undo restores only what its own entry changed, never a later edit
// (refusing with a reason when it would), and a toast's Undo undoes its own entry.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { docFromParagraphs } from '../../../src/shared/plain-text'
import type { Notebook } from '../../../src/shared/schema'
import { notebookWithSource, passage } from '../../helpers/notebook'

const sent: unknown[] = []
vi.mock('../../../src/renderer/src/api/client', () => ({
  api: {
    applyOps: async (batch: unknown) => {
      sent.push(batch)
      return { updatedAt: new Date().toISOString(), saved: true }
    },
  },
  errorMessage: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}))
const { NotebookSession } = await import('../../../src/renderer/src/state/session')

function fixture(): Notebook {
  const { nb, source, text } = notebookWithSource(['Troops leave Ain al-Asad for Harir by September 2025.'])
  return {
    ...nb,
    tags: [
      { id: 't1', name: 'base/harir', label: '', color: '#336699', description: '' },
      { id: 't2', name: 'phase/1', label: '', color: '#993366', description: '' },
    ],
    annotations: [
      passage('a1', source, text, 'Ain al-Asad', { tagIds: ['t1'] }),
      passage('a2', source, text, 'Harir', { tagIds: ['t1', 't2'] }),
    ],
  }
}
const note = (text: string) => docFromParagraphs([text])
const noteOf = (nb: Notebook, id: string) => nb.annotations.find((a) => a.id === id)!.note

beforeEach(() => {
  sent.length = 0
})

describe('undo by entry', () => {
  it('undoing a tag deletion keeps the note typed before and after it (issue #11, case 1)', async () => {
    const session = new NotebookSession(fixture())
    session.run([{ type: 'updateAnnotation', id: 'a1', patch: { note: note('first') } }], { undoable: false })
    session.run([{ type: 'deleteTag', id: 't1' }], { label: 'Delete tag' })
    session.run([{ type: 'updateAnnotation', id: 'a1', patch: { note: note('first and more') } }], {
      undoable: false,
    })
    expect(session.undo()).toBe('Delete tag')
    await session.settled()
    expect(noteOf(session.notebook, 'a1')).toEqual(note('first and more'))
    expect(session.notebook.annotations.map((a) => a.tagIds)).toEqual([['t1'], ['t1', 't2']])
    // What was sent to the core (and so written to disk) restores the tag, not the note.
    expect(JSON.stringify(sent.at(-1))).not.toContain('"first"')
  })

  it('the same holds for a merge', () => {
    const session = new NotebookSession(fixture())
    session.run([{ type: 'mergeTags', fromId: 't2', intoId: 't1' }], { label: 'Merge tags' })
    session.run([{ type: 'updateAnnotation', id: 'a2', patch: { note: note('typed later') } }], {
      undoable: false,
    })
    session.undo()
    expect(noteOf(session.notebook, 'a2')).toEqual(note('typed later'))
    expect(session.notebook.annotations.find((a) => a.id === 'a2')!.tagIds).toEqual(['t1', 't2'])
  })

  it('a toast undoes its own entry, not the one on top (issue #11, case 2)', () => {
    const session = new NotebookSession(fixture())
    const first = session.run([{ type: 'deleteAnnotation', id: 'a1' }], { label: 'Delete passage' })
    session.run([{ type: 'deleteAnnotation', id: 'a2' }], { label: 'Delete passage' })
    expect(session.undoEntry(first!)).toBe('Delete passage')
    expect(session.notebook.annotations.map((a) => a.id)).toEqual(['a1'])
    // Its entry is gone from the history: the next undo brings back the other one.
    session.undo()
    expect(session.notebook.annotations.map((a) => a.id).sort()).toEqual(['a1', 'a2'])
  })

  it('refuses an undo that would overwrite a later edit of the same field, changing nothing', () => {
    const session = new NotebookSession(fixture())
    session.run([{ type: 'updateAnnotation', id: 'a1', patch: { color: '#aa3300' } }], {
      label: 'Recolor passage',
    })
    session.run([{ type: 'updateAnnotation', id: 'a1', patch: { color: '#0033aa' } }], { undoable: false })
    const before = session.notebook
    expect(() => session.undo()).toThrow(/Cannot undo “Recolor passage”: the passage’s color changed since/)
    expect(session.notebook).toBe(before)
  })

  it('refuses to undo marking a passage once a note was written on it', () => {
    const session = new NotebookSession(fixture())
    const added = { ...fixture().annotations[0], id: 'a3', tagIds: [] }
    session.run([{ type: 'addAnnotation', annotation: added }], { label: 'Mark passage' })
    session.run([{ type: 'updateAnnotation', id: 'a3', patch: { note: note('my analysis') } }], {
      undoable: false,
    })
    expect(() => session.undo()).toThrow(/passage was edited since/)
    expect(noteOf(session.notebook, 'a3')).toEqual(note('my analysis'))
  })

  it('redo after undo puts the entry back on the undo stack', () => {
    const session = new NotebookSession(fixture())
    session.run([{ type: 'deleteTag', id: 't2' }], { label: 'Delete tag' })
    session.undo()
    expect(session.redo()).toBe('Delete tag')
    expect(session.notebook.tags.map((t) => t.id)).toEqual(['t1'])
    session.undo()
    expect(session.notebook.tags.map((t) => t.id)).toEqual(['t1', 't2'])
  })
})
