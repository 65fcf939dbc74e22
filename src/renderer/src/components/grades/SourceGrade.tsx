// A source's reliability (Admiralty A–F, with the reason) and its publication date, the
// reference for "next year" in its text — shown under its title, edited in a dialog.
import { useState } from 'react'
import type { Source } from '@shared/schema'
import { formatDate } from '@shared/views/dates/partial-date'
import { parseDateInput } from '@shared/views/dates/parse-input'
import { RELIABILITY, type Reliability } from '@shared/views/grades'
import { useRun } from '../../state/use-run'
import { Dialog } from '../Dialog'
import { FieldError } from '../FieldError'

export function SourceGrade({ source }: { source: Source }) {
  const [open, setOpen] = useState(false)
  const r = source.reliability
  return (
    <p className="source-grade small-text">
      {r ? (
        <span className="badge" title={r.reason}>
          Reliability {r.reliability} — {RELIABILITY[r.reliability].toLowerCase()}
        </span>
      ) : (
        <span className="muted">Reliability not graded</span>
      )}{' '}
      <span className="muted">
        · {source.published ? `published ${formatDate(source.published)}` : 'no publication date'}
      </span>{' '}
      <button className="button small ghost" onClick={() => setOpen(true)}>
        Grade source
      </button>
      {open && <SourceGradeDialog source={source} onClose={() => setOpen(false)} />}
    </p>
  )
}

function SourceGradeDialog({ source, onClose }: { source: Source; onClose: () => void }) {
  const { error, setError, run } = useRun()
  const [letter, setLetter] = useState<string>(source.reliability?.reliability ?? '')
  const [reason, setReason] = useState(source.reliability?.reason ?? '')
  const [published, setPublished] = useState(source.published ?? '')
  const save = () => {
    let date: string | null = null
    if (published.trim()) {
      const parsed = parseDateInput(published)
      if (!parsed.ok) return setError(parsed.message)
      if (parsed.value.from === null || parsed.value.from !== parsed.value.to)
        return setError('A publication date is one day, month or year, not a period.')
      date = parsed.value.from
    }
    const ok = run(
      [
        {
          type: 'setSourceReliability',
          id: source.id,
          reliability: letter ? { reliability: letter as Reliability, reason: reason.trim() } : null,
        },
        { type: 'setSourcePublished', id: source.id, published: date },
      ],
      'Grade source',
    )
    if (ok) onClose()
  }
  return (
    <Dialog
      title="Grade source"
      onClose={onClose}
      footer={
        <>
          <button className="button" onClick={onClose}>
            Cancel
          </button>
          <button className="button primary" onClick={save}>
            Save
          </button>
        </>
      }
    >
      <label className="field">
        <span>Reliability</span>
        <select value={letter} onChange={(e) => setLetter(e.target.value)}>
          <option value="">Not graded</option>
          {(Object.keys(RELIABILITY) as Reliability[]).map((l) => (
            <option key={l} value={l}>
              {l} — {RELIABILITY[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Reason</span>
        <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label className="field">
        <span>Publication date</span>
        <input value={published} placeholder="2024-09-27" onChange={(e) => setPublished(e.target.value)} />
      </label>
      <FieldError error={error} />
    </Dialog>
  )
}
