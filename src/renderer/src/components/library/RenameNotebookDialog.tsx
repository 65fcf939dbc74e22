import { useState } from 'react'
import type { NotebookSummary } from '../../../../shared/schema'
import { errorMessage } from '../../api/client'
import { Dialog } from '../Dialog'
import { rename } from './library-actions'

export function RenameNotebookDialog({ notebook, onClose, reload }: { notebook: NotebookSummary; onClose: () => void; reload: () => Promise<void> }) {
  const [title, setTitle] = useState(notebook.title)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (!title.trim()) return setError('Give the notebook a title.')
    setBusy(true)
    try {
      await rename(notebook, title.trim(), reload)
      onClose()
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }
  return (
    <Dialog title="Rename notebook" onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); void submit() }}>
        <label className="field">
          <span>Title</span>
          <input autoFocus value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} aria-invalid={error ? true : undefined} />
        </label>
        {error && <p role="alert" className="field-error">{error}</p>}
        <div className="dialog-footer">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button primary" disabled={busy}>Rename</button>
        </div>
      </form>
    </Dialog>
  )
}
