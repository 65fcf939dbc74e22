// A dialog asking for one value — a title (new notebook, rename a notebook, source or note) or
// another single field (a link's address): refuses an empty or invalid value, shows the error
// the action throws, and stays open until it succeeds.
import { useState } from 'react'
import { errorMessage } from '../api/client'
import { Dialog } from './Dialog'
import { FieldError } from './FieldError'

interface TitleDialogProps {
  title: string
  initial?: string
  submitLabel: string
  emptyMessage?: string
  /** The field's label; "Title" unless asking for something else. */
  fieldLabel?: string
  inputType?: 'text' | 'url'
  placeholder?: string
  maxLength?: number
  /** A reason to refuse the trimmed value, or null to accept it. */
  validate?: (value: string) => string | null
  onSubmit: (value: string) => void | Promise<void>
  onClose: () => void
}

export function TitleDialog({
  title,
  initial = '',
  submitLabel,
  emptyMessage = 'A title cannot be empty.',
  fieldLabel = 'Title',
  inputType = 'text',
  placeholder,
  maxLength = 300,
  validate,
  onSubmit,
  onClose,
}: TitleDialogProps) {
  const [value, setValue] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (!value.trim()) return setError(emptyMessage)
    const refused = validate?.(value.trim())
    if (refused) return setError(refused)
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
          <span>{fieldLabel}</span>
          <input
            autoFocus
            type={inputType}
            placeholder={placeholder}
            value={value}
            maxLength={maxLength}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <FieldError error={error} />
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
