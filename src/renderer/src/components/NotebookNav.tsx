import { navigate } from '../state/route'
import { useNotebook } from '../state/use-session'

export function NotebookNav({ activeSourceId, activeNoteId }: { activeSourceId?: string; activeNoteId?: string }) {
  const notebook = useNotebook()
  return (
    <nav className="nav" aria-label="Notebook contents">
      <h2 className="nav-heading">Sources</h2>
      <ul className="nav-list">
        {notebook.sources.map((s) => (
          <li key={s.id}>
            <button
              className="nav-item"
              aria-current={s.id === activeSourceId ? 'page' : undefined}
              onClick={() => navigate({ screen: 'notebook', notebookId: notebook.id, sourceId: s.id })}
            >
              <span className="nav-item-title">{s.title}</span>
              <span className="nav-item-meta">{s.origin}</span>
            </button>
          </li>
        ))}
      </ul>
      {notebook.notes.length > 0 && (
        <>
          <h2 className="nav-heading">Notes</h2>
          <ul className="nav-list">
            {notebook.notes.map((n) => (
              <li key={n.id}>
                <button className="nav-item" aria-current={n.id === activeNoteId ? 'page' : undefined} onClick={() => navigate({ screen: 'notebook', notebookId: notebook.id, noteId: n.id })}>
                  <span className="nav-item-title">{n.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  )
}
