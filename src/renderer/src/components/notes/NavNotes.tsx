// The note pages in the left nav: "New note", the list, and each page's rename/delete menu.
import { COMMANDS, shortcutLabel } from '../../commands/registry'
import { createNotePage, openNotePage } from '../../state/note-actions'
import { useNotebook, useSession } from '../../state/use-session'
import { NoteMenu } from './NoteMenu'
import { Editable } from '../Editable'

export function NavNotes({ activeNoteId }: { activeNoteId?: string }) {
  const session = useSession()
  const notebook = useNotebook()
  return (
    <>
      <div className="nav-section-head">
        <h2 className="nav-heading">Notes</h2>
        <Editable>
          <button
            className="button small"
            onClick={() => createNotePage(session)}
            title={`New note page (${shortcutLabel(COMMANDS['new-note'])})`}
          >
            New note
          </button>
        </Editable>
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
              onClick={() => openNotePage(session, n.id)}
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
