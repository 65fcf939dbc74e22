// A dialog asking for one value — a title (new notebook, rename a notebook, source or note) or
// another single field (a link's address): refuses an empty or invalid value, shows the error
// the action throws, and stays open until it succeeds. A value over the limit is refused with
// the limit said, never cut: the field has no maxLength, which would drop the end of a paste.
import { useId, useState } from 'react'
import { LIMITS } from '@shared/limits'
import { errorMessage } from '../api/client'
import { CharacterCount, tooLongMessage } from './CharacterCount'
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
  /** In characters as the schema counts them (code points). */
  maxLength?: number
  /** A reason to refuse the trimmed value, or null to accept it. */
  validate?: (value: string) => string | null
  onSubmit: (value: string) => void | Promise<void>
  onClose: () => void
}

const TOO_LONG = '\u0000too long' // not a message: stands for tooLong's current one

export function TitleDialog({
  title,
  initial = '',
  submitLabel,
  emptyMessage = 'A title cannot be empty.',
  fieldLabel = 'Title',
  inputType = 'text',
  placeholder,
  maxLength = LIMITS.titleLength,
  validate,
  onSubmit,
  onClose,
}: TitleDialogProps) {
  const [value, setValue] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const countId = useId()
  const tooLong = tooLongMessage(`The ${fieldLabel.toLowerCase()}`, value, maxLength)
  // A "too long" refusal follows the value: its numbers change as it is shortened, and it goes
  // once the value fits.
  const shown = error === TOO_LONG ? tooLong : error

  const submit = async () => {
    if (!value.trim()) return setError(emptyMessage)
    if (tooLong) return setError(TOO_LONG)
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
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={shown || tooLong ? true : undefined}
            aria-describedby={countId}
          />
        </label>
        <CharacterCount id={countId} value={value} max={maxLength} />
        <FieldError error={shown} />
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
