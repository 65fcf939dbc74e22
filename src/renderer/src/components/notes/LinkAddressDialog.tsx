// Asks for a link's address in the app (Electron has no window.prompt): web and e-mail
// addresses only, with the reason shown when another is typed.
import { useState } from 'react'
import { isSafeLinkHref } from '@shared/urls'
import { Dialog } from '../Dialog'

interface LinkAddressDialogProps {
  onSubmit: (href: string) => void
  onClose: () => void
}

export function LinkAddressDialog({ onSubmit, onClose }: LinkAddressDialogProps) {
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = () => {
    const href = value.trim()
    if (!isSafeLinkHref(href)) return setError('Links can go to web pages (https://…) or e-mail (mailto:…).')
    onSubmit(href)
    onClose()
  }
  return (
    <Dialog title="Add link" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <label className="field">
          <span>Link address</span>
          <input
            autoFocus
            type="url"
            placeholder="https://…"
            value={value}
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
          <button type="submit" className="button primary">
            Add link
          </button>
        </div>
      </form>
    </Dialog>
  )
}
