// The library: every notebook with its source count and last change; damaged files with the
// reason they cannot be opened; "New notebook".
import { useCallback, useEffect, useState } from 'react'
import type { DamagedFile, NotebookSummary } from '../../../shared/schema'
import { api, errorMessage } from '../api/client'
import { NewNotebookDialog } from '../components/NewNotebookDialog'
import { relativeTime } from '../components/relative-time'
import { navigate } from '../state/route'

type Loaded = { notebooks: NotebookSummary[]; damaged: DamagedFile[] }

export function LibraryScreen() {
  const [library, setLibrary] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)

  const load = useCallback(() => {
    api.listNotebooks({}).then(setLibrary, (e) => setError(errorMessage(e)))
  }, [])
  useEffect(load, [load])
  useEffect(() => window.glossa?.onMenuCommand?.((c) => c === 'new-notebook' && setCreating(true)), [])

  return (
    <div className="library">
      <header className="library-header">
        <div>
          <h1 className="brand">Glossa</h1>
          <p className="muted">Your notebooks</p>
        </div>
        <button className="button primary" onClick={() => setCreating(true)}>
          New notebook
        </button>
      </header>
      <main className="library-main">
        {error && <p role="alert" className="error-box">{error}</p>}
        {!library && !error && <p className="muted">Loading…</p>}
        {library && library.notebooks.length === 0 && (
          <div className="empty-state">
            <h2>No notebooks yet</h2>
            <p>Create one to start reading and marking sources.</p>
          </div>
        )}
        {library && library.notebooks.length > 0 && (
          <ul className="notebook-list" aria-label="Notebooks">
            {library.notebooks.map((nb) => (
              <li key={nb.id}>
                <button className="notebook-card" onClick={() => navigate({ screen: 'notebook', notebookId: nb.id })}>
                  <span className="notebook-title">{nb.title}</span>
                  <span className="notebook-meta">
                    {plural(nb.sourceCount, 'source')} · {plural(nb.annotationCount, 'passage')} · changed <time dateTime={nb.updatedAt}>{relativeTime(nb.updatedAt)}</time>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {library && library.damaged.length > 0 && (
          <section className="damaged" aria-labelledby="damaged-heading">
            <h2 id="damaged-heading">Files that could not be opened</h2>
            <p className="muted">Glossa leaves these files exactly as they are.</p>
            <ul>
              {library.damaged.map((d) => (
                <li key={d.file} className="damaged-item">
                  <strong>{d.file}</strong>
                  <span className="damaged-reason">{d.reason}</span>
                  {d.hasBackup && <span className="muted"> A backup exists.</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
      {creating && (
        <NewNotebookDialog
          onClose={() => setCreating(false)}
          onCreated={(nb) => {
            setCreating(false)
            navigate({ screen: 'notebook', notebookId: nb.id })
          }}
        />
      )}
    </div>
  )
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`
}
