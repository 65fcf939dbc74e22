// The library: notebooks (opened or changed most recently first) with rename, duplicate and
// move to trash; import; the data folder; damaged files with restore from backup; the trash.
import { useEffect, useState } from 'react'
import type { NotebookSummary } from '@shared/schema'
import { NewNotebookDialog } from '../components/NewNotebookDialog'
import { DamagedSection } from '../components/library/DamagedSection'
import { DataFolderButton } from '../components/library/DataFolderButton'
import { ImportNotebookButton } from '../components/library/ImportNotebookButton'
import { NotebookCard } from '../components/library/NotebookCard'
import { RenameNotebookDialog } from '../components/library/RenameNotebookDialog'
import { TrashSection } from '../components/library/TrashSection'
import { JoinDialog } from '../components/team/JoinDialog'
import { ThemeSelect } from '../components/ThemeSelect'
import { useLibrary } from '../components/library/use-library'
import '../components/library/library.css'
import { navigate } from '../state/route'

export function LibraryScreen() {
  const { data, error, reload } = useLibrary()
  const [creating, setCreating] = useState(false)
  const [renaming, setRenaming] = useState<NotebookSummary | null>(null)
  const [joining, setJoining] = useState(false)
  useEffect(() => window.glossa?.onMenuCommand?.((c) => c === 'new-notebook' && setCreating(true)), [])

  return (
    <div className="library">
      <header className="library-header">
        <div>
          <h1 className="brand">Glossa</h1>
          <p className="muted">Your notebooks</p>
        </div>
        <div className="library-actions">
          <ThemeSelect />
          <DataFolderButton />
          <ImportNotebookButton reload={reload} />
          <button className="button" onClick={() => setJoining(true)}>
            Join…
          </button>
          <button className="button primary" onClick={() => setCreating(true)}>
            New notebook
          </button>
        </div>
      </header>
      <main className="library-main">
        {error && (
          <p role="alert" className="error-box">
            {error}
          </p>
        )}
        {!data && !error && <p className="muted">Loading…</p>}
        {data && data.notebooks.length === 0 && (
          <div className="empty-state">
            <h2>No notebooks yet</h2>
            <p>Create one to start reading and marking sources, or import a notebook file.</p>
            <button className="button primary" onClick={() => setCreating(true)}>
              New notebook
            </button>
          </div>
        )}
        {data && data.notebooks.length > 0 && (
          <ul className="notebook-list" aria-label="Notebooks">
            {data.notebooks.map((nb) => (
              <NotebookCard key={nb.id} nb={nb} onRename={() => setRenaming(nb)} reload={reload} />
            ))}
          </ul>
        )}
        {data && <DamagedSection damaged={data.damaged} reload={reload} />}
        {data && <TrashSection items={data.trash} reload={reload} />}
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
      {joining && (
        <JoinDialog
          onClose={() => setJoining(false)}
          onJoined={(nb) => {
            setJoining(false)
            navigate({ screen: 'notebook', notebookId: nb.id })
          }}
        />
      )}
      {renaming && (
        <RenameNotebookDialog notebook={renaming} onClose={() => setRenaming(null)} reload={reload} />
      )}
    </div>
  )
}
