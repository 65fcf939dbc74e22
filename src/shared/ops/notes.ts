import type { Notebook } from '../schema'
import { assertNew, mustFind, removeWhere, replaceAt, type Applied } from './apply'
import type { OpOf } from './schema'
import { definedOnly } from './sources'

type NoteOp = OpOf<'addNote'> | OpOf<'updateNote'> | OpOf<'deleteNote'>

export function applyNoteOp(nb: Notebook, op: NoteOp, at: string): Applied {
  switch (op.type) {
    case 'addNote':
      assertNew(nb.notes, op.note.id, 'note')
      return {
        notebook: { ...nb, notes: [...nb.notes, op.note] },
        inverse: [{ type: 'deleteNote', id: op.note.id }],
      }
    case 'updateNote': {
      const { item, index } = mustFind(nb.notes, op.id, 'note')
      const patch = definedOnly(op.patch)
      const previous = Object.fromEntries(Object.keys(patch).map((k) => [k, item[k as keyof typeof item]]))
      return {
        notebook: { ...nb, notes: replaceAt(nb.notes, index, { ...item, ...patch, updatedAt: at }) },
        inverse: [{ type: 'updateNote', id: op.id, patch: previous }],
      }
    }
    case 'deleteNote': {
      const { item, index } = mustFind(nb.notes, op.id, 'note')
      const touching = (e: { kind: string; id: string }) => e.kind === 'note' && e.id === op.id
      const links = removeWhere(nb.links, (l) => touching(l.from) || touching(l.to))
      return {
        notebook: { ...nb, notes: nb.notes.filter((n) => n.id !== op.id), links: links.kept },
        inverse: [
          {
            type: 'restore',
            notes: [{ note: item, index }],
            links: links.removed.map(({ item: link, index: at }) => ({ link, index: at })),
          },
        ],
      }
    }
  }
}
