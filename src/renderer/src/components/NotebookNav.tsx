import { COMMANDS, shortcutLabel } from '../commands/registry'
import { navigate } from '../state/route'
import { ui, useUi } from '../state/ui-store'
import { useNotebook } from '../state/use-session'
import { AddSourceDialog } from './AddSourceDialog'
import { NavLinkTools } from './links/NavLinkTools'
import { NavViews } from './analyst/NavViews'
import { NavNotes } from './notes/NavNotes'
import { SourceMenu } from './SourceMenu'
import { Editable } from './Editable'

export function NotebookNav({
  activeSourceId,
  activeNoteId,
}: {
  activeSourceId?: string
  activeNoteId?: string
}) {
  const notebook = useNotebook()
  const adding = useUi((s) => s.panel === 'add-source')
  return (
    <nav className="nav" aria-label="Notebook contents">
      <div className="nav-tools">
        <button
          className="button small"
          onClick={() => ui.set({ panel: 'tags' })}
          title="Manage tags and facets"
        >
          Tags
        </button>
        <NavLinkTools />
      </div>
      <div className="nav-section-head">
        <h2 className="nav-heading">Sources</h2>
        <Editable>
          <button
            className="button small"
            onClick={() => ui.set({ panel: 'add-source' })}
            title={`Add source (${shortcutLabel(COMMANDS['add-source'])})`}
          >
            Add source
          </button>
        </Editable>
      </div>
      <ul className="nav-list">
        {notebook.sources.map((s) => (
          <li key={s.id} className="nav-row">
            <button
              className="nav-item"
              aria-current={s.id === activeSourceId ? 'page' : undefined}
              onClick={() => {
                ui.set({ graphOpen: false })
                navigate({ screen: 'notebook', notebookId: notebook.id, sourceId: s.id })
              }}
            >
              <span className="nav-item-title">{s.title}</span>
              {s.origin && <span className="nav-item-meta">{s.origin}</span>}
            </button>
            <SourceMenu source={s} />
          </li>
        ))}
      </ul>
      <NavNotes activeNoteId={activeNoteId} />
      <NavViews />
      {adding && <AddSourceDialog onClose={() => ui.set({ panel: null })} />}
    </nav>
  )
}
