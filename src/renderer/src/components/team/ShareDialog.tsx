// "Share notebook…": publishes the notebook to a team server and shows its two keys, to give
// to teammates (read-write to edit, read-only to read). Shown again the same way later.
import { useState } from 'react'
import { api, errorMessage } from '../../api/client'
import { Dialog } from '../Dialog'
import { FieldError } from '../FieldError'

export const DEFAULT_TEAM_SERVER = 'ws://127.0.0.1:8765'

export function ShareDialog({ notebookId, onClose }: { notebookId: string; onClose: () => void }) {
  const [serverUrl, setServerUrl] = useState(DEFAULT_TEAM_SERVER)
  const [keys, setKeys] = useState<{ readWrite: string; readOnly: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const share = async () => {
    setBusy(true)
    setError(null)
    try {
      setKeys(await api.shareNotebook({ id: notebookId, serverUrl: serverUrl.trim() }))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      title="Share notebook"
      onClose={onClose}
      footer={
        keys ? (
          <button className="button primary" onClick={onClose}>
            Done
          </button>
        ) : (
          <>
            <button className="button" onClick={onClose}>
              Cancel
            </button>
            <button className="button primary" disabled={busy} onClick={() => void share()}>
              {busy ? 'Sharing…' : 'Share'}
            </button>
          </>
        )
      }
    >
      <label className="field">
        <span>Team server address</span>
        <input
          autoFocus
          value={serverUrl}
          readOnly={keys !== null}
          onChange={(e) => setServerUrl(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
      </label>
      <FieldError error={error} />
      {keys && (
        <>
          <p>Give teammates the server address and a key. They choose “Join…” in their library.</p>
          <KeyField label="Read-write key" value={keys.readWrite} />
          <KeyField label="Read-only key" value={keys.readOnly} />
        </>
      )}
    </Dialog>
  )
}

function KeyField({ label, value }: { label: string; value: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input readOnly value={value} onFocus={(e) => e.target.select()} />
    </label>
  )
}
