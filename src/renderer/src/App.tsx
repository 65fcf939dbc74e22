import { Toasts } from './components/Toasts'
import { LibraryScreen } from './screens/LibraryScreen'
import { NotebookScreen } from './screens/NotebookScreen'
import { useRoute } from './state/route'

export function App() {
  const route = useRoute()
  return (
    <>
      {route.screen === 'library' ? (
        <LibraryScreen />
      ) : (
        <NotebookScreen key={route.notebookId} route={route} />
      )}
      <Toasts />
    </>
  )
}
