// The left nav's section for the analyst's views.
import { navigate, useRoute, type AnalystView } from '../../state/route'
import { ui } from '../../state/ui-store'
import { useNotebook } from '../../state/use-session'

const VIEWS: { view: AnalystView; label: string; title: string }[] = [
  { view: 'timeline', label: 'Timeline', title: 'Dated passages in time, by facet' },
  { view: 'places', label: 'Places', title: 'The places the sources name, on a map' },
  { view: 'entities', label: 'Entities', title: 'Places, people and organizations' },
]

export function NavViews() {
  const notebook = useNotebook()
  const route = useRoute()
  const current = route.screen === 'notebook' ? route.view : undefined
  return (
    <>
      <h2 className="nav-heading">Analysis</h2>
      <ul className="nav-list">
        {VIEWS.map(({ view, label, title }) => (
          <li key={view} className="nav-row">
            <button
              className="nav-item"
              aria-current={current === view ? 'page' : undefined}
              title={title}
              onClick={() => {
                ui.set({ graphOpen: false })
                navigate({ screen: 'notebook', notebookId: notebook.id, view })
              }}
            >
              <span className="nav-item-title">{label}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}
