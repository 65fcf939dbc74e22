import { lazy, Suspense, useEffect } from 'react'
import { Toasts } from './components/Toasts'
import { LibraryScreen } from './screens/LibraryScreen'
import { useRoute } from './state/route'

// The notebook screen (TipTap, ProseMirror, the search index, the analyst's views) is most of
// the app's code. Loading it apart lets the library paint first on a cold start (#16); it is
// fetched while the library sits idle, so opening a notebook does not wait for it.
const loadNotebookScreen = () => import('./screens/NotebookScreen')
const NotebookScreen = lazy(() => loadNotebookScreen().then((m) => ({ default: m.NotebookScreen })))

export function App() {
  const route = useRoute()
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200))
    idle(() => void loadNotebookScreen())
  }, [])
  return (
    <>
      {route.screen === 'library' ? (
        <LibraryScreen />
      ) : (
        <Suspense fallback={<div className="center-message muted">Opening notebook…</div>}>
          <NotebookScreen key={route.notebookId} route={route} />
        </Suspense>
      )}
      <Toasts />
    </>
  )
}
