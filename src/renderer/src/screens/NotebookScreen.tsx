// A notebook: sources and note pages on the left, the reader in the middle, the passages of
// the open source in the margin on the right.
import { lazy, Suspense, useEffect, useState } from 'react'
import { useShortcuts } from '../commands/useShortcuts'
import { prewarmSearch } from '../state/search-index'
import { savedIndexes } from '../state/saved-indexes'
import { ShortcutsPanel } from '../components/ShortcutsPanel'
import { SearchPalette } from '../components/search/SearchPalette'
import { TagManager } from '../components/tags/TagManager'
import { TagPicker } from '../components/tags/TagPicker'
import { LinksLayer } from '../components/links/LinksLayer'
import { ConfirmHost } from '../components/ConfirmHost'
import { NoteView } from '../components/notes/NoteView'
import { ui, useUi } from '../state/ui-store'
import { closePassageDialog } from '../state/passage-actions'
import { api, errorMessage } from '../api/client'
import { NotebookNav } from '../components/NotebookNav'
import { TopBar } from '../components/TopBar'
import { SourceView } from '../components/SourceView'
import { navigate, type Route } from '../state/route'
import { NotebookSession } from '../state/session'
import { toastStore } from '../state/toasts'
import { SessionContext, useNotebook, useSession } from '../state/use-session'
import { useExternalChanges } from '../state/use-external-changes'
import { followLive } from '../state/live-replica'
import { useDeepLinkedPassage } from './use-deep-linked-passage'

type NotebookRoute = Extract<Route, { screen: 'notebook' }>

// The graph (Cytoscape) and the analyst's views (maps, timeline) load when first opened: the
// notebook's first paint does not wait for code most sessions never run.
const GraphView = lazy(() => import('../components/graph/GraphView').then((m) => ({ default: m.GraphView })))
const AnalystViews = lazy(() =>
  import('../components/analyst/AnalystViews').then((m) => ({ default: m.AnalystViews })),
)
/** Same test as AnalystViews' isAnalystRoute, here so that module stays out of the first load. */
const isAnalystRoute = (route: NotebookRoute): boolean =>
  route.view !== undefined || route.entityId !== undefined
const loading = <main className="reader-empty muted">Loading…</main>

export function NotebookScreen({ route }: { route: NotebookRoute }) {
  const [session, setSession] = useState<NotebookSession | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    ui.reset()
    let cancelled = false
    api.openNotebook({ id: route.notebookId }).then(
      ({ notebook, notices, searchIndexKey }) => {
        if (cancelled) return
        setSession(new NotebookSession(notebook, searchIndexKey))
        for (const notice of notices ?? []) toastStore.show(notice)
      },
      (e) => !cancelled && setError(errorMessage(e)),
    )
    return () => {
      cancelled = true
    }
  }, [route.notebookId])

  if (error) {
    return (
      <div className="center-message">
        <p role="alert" className="error-box">
          {error}
        </p>
        <button className="button" onClick={() => navigate({ screen: 'library' })}>
          Back to the library
        </button>
      </div>
    )
  }
  if (!session) return <div className="center-message muted">Opening notebook…</div>
  return (
    <SessionContext.Provider value={session}>
      <NotebookLayout route={route} />
    </SessionContext.Provider>
  )
}

function NotebookLayout({ route }: { route: NotebookRoute }) {
  const notebook = useNotebook()
  const session = useSession()
  const panel = useUi((s) => s.panel)
  const tagPickerFor = useUi((s) => s.tagPickerFor)
  const graphOpen = useUi((s) => s.graphOpen)
  useShortcuts(session)
  useEffect(() => prewarmSearch(session, savedIndexes), [session])
  useEffect(() => followLive(session), [session])
  useDeepLinkedPassage(session, route.passageId)
  const externalChange = useExternalChanges(session)
  useEffect(() => {
    // Ask before closing the tab while an edit is still on its way to disk.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (session.busy) event.preventDefault()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [session])
  const source =
    notebook.sources.find((s) => s.id === route.sourceId) ??
    (route.noteId || isAnalystRoute(route) ? undefined : notebook.sources[0])
  useEffect(() => {
    document.title = `${notebook.title} — Glossa`
  }, [notebook.title])
  useEffect(() => session.setReading(source?.title), [session, source?.title])

  return (
    <div className="notebook">
      <TopBar />
      <div className="notebook-body">
        <NotebookNav activeSourceId={source?.id} activeNoteId={route.noteId} />
        {graphOpen ? (
          <Suspense fallback={loading}>
            <GraphView />
          </Suspense>
        ) : isAnalystRoute(route) ? (
          <Suspense fallback={loading}>
            <AnalystViews route={route} />
          </Suspense>
        ) : route.noteId ? (
          <NoteView key={route.noteId} noteId={route.noteId} />
        ) : source ? (
          <SourceView key={source.id} source={source} />
        ) : (
          <main className="reader-empty">
            <div className="empty-state">
              <h2>No sources yet</h2>
              <p>
                Paste an article or import a .txt, .md or .html file to start reading and marking passages.
              </p>
              <button className="button primary" onClick={() => ui.set({ panel: 'add-source' })}>
                Add source
              </button>
            </div>
          </main>
        )}
      </div>
      {panel === 'shortcuts' && <ShortcutsPanel onClose={() => ui.set({ panel: null })} />}
      {panel === 'tags' && <TagManager onClose={() => ui.set({ panel: null })} />}
      {panel === 'search' && <SearchPalette onClose={() => ui.set({ panel: null })} />}
      {tagPickerFor && (
        <TagPicker
          passageId={tagPickerFor}
          onClose={() => closePassageDialog(session, { tagPickerFor: null })}
        />
      )}
      <LinksLayer />
      <ConfirmHost />
      {externalChange}
    </div>
  )
}
