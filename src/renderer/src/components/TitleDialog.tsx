// A dialog asking for one title (new notebook, rename a notebook, source or note): refuses an
// empty title, shows the error the action throws, and stays open until it succeeds.
import { useState } from 'react'
import { errorMessage } from '../api/client'
import { Dialog } from './Dialog'

interface TitleDialogProps {
  title: string
  initial?: string
  submitLabel: string
  emptyMessage?: string
  onSubmit: (value: string) => void | Promise<void>
  onClose: () => void
}

export function TitleDialog({
  title,
  initial = '',
  submitLabel,
  emptyMessage = 'A title cannot be empty.',
  onSubmit,
  onClose,
}: TitleDialogProps) {
  const [value, setValue] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (!value.trim()) return setError(emptyMessage)
    setBusy(true)
    try {
      await onSubmit(value.trim())
      onClose()
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label className="field">
          <span>Title</span>
          <input
            autoFocus
            value={value}
            maxLength={300}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <div className="dialog-footer">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
