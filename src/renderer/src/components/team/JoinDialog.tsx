// "Join…": the local copy of a notebook a teammate shared, from the team server's address and
// a notebook key. A wrong key is refused by the server with its reason; nothing is created.
import { useState } from 'react'
import type { NotebookSummary } from '@shared/schema'
import { api, errorMessage } from '../../api/client'
import { Dialog } from '../Dialog'
import { DEFAULT_TEAM_SERVER } from './ShareDialog'
import { FieldError } from '../FieldError'

export function JoinDialog({
  onClose,
  onJoined,
}: {
  onClose: () => void
  onJoined: (nb: NotebookSummary) => void
}) {
  const [serverUrl, setServerUrl] = useState(DEFAULT_TEAM_SERVER)
  const [key, setKey] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const join = async () => {
    if (!key.trim()) return setError('Paste the notebook key a teammate gave you.')
    setBusy(true)
    setError(null)
    try {
      onJoined(await api.joinNotebook({ serverUrl: serverUrl.trim(), key: key.trim() }))
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }
  return (
    <Dialog title="Join a shared notebook" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void join()
        }}
      >
        <label className="field">
          <span>Team server address</span>
          <input autoFocus value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
        </label>
        <label className="field">
          <span>Notebook key</span>
          <input
            value={key}
            onChange={(e) => setKey(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <FieldError error={error} />
        <div className="dialog-footer">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Joining…' : 'Join'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
