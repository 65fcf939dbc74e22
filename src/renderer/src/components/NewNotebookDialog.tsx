import { useState } from 'react'
import type { NotebookSummary } from '../../../shared/schema'
import { api, errorMessage } from '../api/client'
import { Dialog } from './Dialog'

export function NewNotebookDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (nb: NotebookSummary) => void }) {
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (!title.trim()) return setError('Give the notebook a title.')
    setBusy(true)
    try {
      onCreated(await api.createNotebook({ title }))
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }

  return (
    <Dialog title="New notebook" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label className="field">
          <span>Title</span>
          <input autoFocus value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} aria-invalid={error ? true : undefined} />
        </label>
        {error && <p role="alert" className="field-error">{error}</p>}
        <div className="dialog-footer">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button primary" disabled={busy}>Create notebook</button>
        </div>
      </form>
    </Dialog>
  )
}
