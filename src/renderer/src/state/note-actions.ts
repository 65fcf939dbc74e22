// Creating a note page (the nav's "New note" and its shortcut).
import { nanoid } from 'nanoid'
import type { NotePage } from '@shared/schema'
import { navigate } from './route'
import type { NotebookSession } from './session'
import { showError } from './toasts'
import { ui } from './ui-store'

/** "Untitled note", else "Untitled note 2", 3, … — the first title not taken. */
export function untitled(notes: readonly NotePage[]): string {
  const taken = new Set(notes.map((n) => n.title))
  for (let i = 1; ; i++) {
    const title = i === 1 ? 'Untitled note' : `Untitled note ${i}`
    if (!taken.has(title)) return title
  }
}

export function openNotePage(session: NotebookSession, noteId: string): void {
  ui.set({ graphOpen: false })
  navigate({ screen: 'notebook', notebookId: session.notebook.id, noteId })
}

/** Adds an empty note page and opens it. */
export function createNotePage(session: NotebookSession): void {
  const now = new Date().toISOString()
  const note: NotePage = {
    id: nanoid(12),
    title: untitled(session.notebook.notes),
    doc: { type: 'doc', content: [{ type: 'paragraph' }] },
    createdAt: now,
    updatedAt: now,
  }
  try {
    session.run([{ type: 'addNote', note }], { label: 'New note' })
  } catch (e) {
    return showError(e)
  }
  openNotePage(session, note.id)
}
