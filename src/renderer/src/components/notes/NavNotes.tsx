// The note pages in the left nav: "New note", the list, and each page's rename/delete menu.
import { nanoid } from 'nanoid'
import type { NotePage } from '@shared/schema'
import { navigate } from '../../state/route'
import { showError } from '../../state/toasts'
import { ui } from '../../state/ui-store'
import { useNotebook, useSession } from '../../state/use-session'
import { NoteMenu } from './NoteMenu'

export function untitled(notes: readonly NotePage[]): string {
  const taken = new Set(notes.map((n) => n.title))
  for (let i = 1; ; i++) {
    const title = i === 1 ? 'Untitled note' : `Untitled note ${i}`
    if (!taken.has(title)) return title
  }
}

export function NavNotes({ activeNoteId }: { activeNoteId?: string }) {
  const session = useSession()
  const notebook = useNotebook()
  const open = (noteId: string) => {
    ui.set({ graphOpen: false })
    navigate({ screen: 'notebook', notebookId: notebook.id, noteId })
  }
  const create = () => {
    const now = new Date().toISOString()
    const note: NotePage = {
      id: nanoid(12),
      title: untitled(notebook.notes),
      doc: { type: 'doc', content: [{ type: 'paragraph' }] },
      createdAt: now,
      updatedAt: now,
    }
    try {
      session.run([{ type: 'addNote', note }], { label: 'New note' })
    } catch (e) {
      return showError(e)
    }
    open(note.id)
  }
  return (
    <>
      <div className="nav-section-head">
        <h2 className="nav-heading">Notes</h2>
        <button className="button small" onClick={create}>
          New note
        </button>
      </div>
      <ul className="nav-list">
        {notebook.notes.length === 0 && (
          <li className="muted small-text nav-empty">Pages for your own analysis.</li>
        )}
        {notebook.notes.map((n) => (
          <li key={n.id} className="nav-row">
            <button
              className="nav-item"
              aria-current={n.id === activeNoteId ? 'page' : undefined}
              onClick={() => open(n.id)}
            >
              <span className="nav-item-title">{n.title}</span>
            </button>
            <NoteMenu note={n} />
          </li>
        ))}
      </ul>
    </>
  )
}
