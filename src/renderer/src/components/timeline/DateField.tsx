// A date typed by hand (to date a passage or correct a found date): read with the source's
// publication date as reference; what cannot be read is said, and nothing is saved.
import { useId, useState } from 'react'
import type { DateRange, PartialDate } from '@shared/views/dates/partial-date'
import { parseDateInput } from '@shared/views/dates/parse-input'
import { FieldError } from '../FieldError'

export function DateField({
  initial = '',
  published,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: string
  published?: PartialDate
  submitLabel: string
  onSubmit: (value: DateRange, text: string) => void
  onCancel: () => void
}) {
  const [text, setText] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()
  return (
    <form
      className="date-field"
      onSubmit={(e) => {
        e.preventDefault()
        const parsed = parseDateInput(text, published)
        if (!parsed.ok) return setError(parsed.message)
        onSubmit(parsed.value, text.trim())
      }}
    >
      <input
        className="av-input"
        aria-label="Date"
        placeholder="2003, Sep 2025, 2003–2014, until 2026"
        value={text}
        autoFocus
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value)
          setError(null)
        }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <button className="button small primary" type="submit">
        {submitLabel}
      </button>
      <button className="button small" type="button" onClick={onCancel}>
        Cancel
      </button>
      <FieldError error={error} id={errorId} />
    </form>
  )
}
