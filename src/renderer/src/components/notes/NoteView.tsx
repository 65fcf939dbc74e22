// A note page: its title and text in the middle, what it references and links to on the right.
import { useEffect, useState } from 'react'
import type { NotePage } from '@shared/schema'
import { NotePageEditor } from '../../editor/NotePageEditor'
import { errorMessage } from '../../api/client'
import { toastStore } from '../../state/toasts'
import { useNotebook, useSession } from '../../state/use-session'
import { NoteMargin } from './NoteMargin'

export function NoteView({ noteId }: { noteId: string }) {
  const nb = useNotebook()
  const note = nb.notes.find((n) => n.id === noteId)
  if (!note) {
    return (
      <main className="reader-empty" aria-label="Note">
        <div className="empty-state">
          <h2>This note page no longer exists</h2>
          <p>It was deleted. Undo (Ctrl+Z) brings it back.</p>
        </div>
      </main>
    )
  }
  return (
    <>
      <main className="reader note-view" aria-label="Note">
        <article className="reader-page">
          <NoteTitle note={note} />
          <NotePageEditor note={note} />
        </article>
      </main>
      <NoteMargin note={note} />
    </>
  )
}

const isUntitled = (n: NotePage) => /^Untitled note( \d+)?$/.test(n.title) && n.createdAt === n.updatedAt

function NoteTitle({ note }: { note: NotePage }) {
  const session = useSession()
  const [title, setTitle] = useState(note.title)
  useEffect(() => setTitle(note.title), [note.title])
  const commit = () => {
    const next = title.trim()
    if (!next || next === note.title) return setTitle(note.title)
    try {
      session.run([{ type: 'updateNote', id: note.id, patch: { title: next } }], { label: 'Rename note' })
    } catch (e) {
      toastStore.show(errorMessage(e), { tone: 'error' })
      setTitle(note.title)
    }
  }
  return (
    <input
      className="note-title"
      aria-label="Note title"
      value={title}
      maxLength={300}
      // A page just made with "New note" is named first.
      autoFocus={isUntitled(note)}
      onFocus={(e) => isUntitled(note) && e.currentTarget.select()}
      onChange={(e) => setTitle(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur()
        if (e.key === 'Escape') setTitle(note.title)
      }}
    />
  )
}
