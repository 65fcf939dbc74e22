// On a passage card: its grade (a "Grade" button opening the grading dialog), how many
// independent sources agree or disagree, its dates, and, when the card is selected, the dates
// found in its quote to accept, correct or reject, and a date typed by hand.
import { useMemo, useState } from 'react'
import type { Annotation } from '@shared/schema'
import { corroborationLabel } from '@shared/views/corroboration'
import { formatRange } from '@shared/views/dates/partial-date'
import { passageSuggestions } from '@shared/views/dates/suggestions'
import { effectiveGrade, gradeDescription, gradeLabel } from '@shared/views/grades'
import { useReadOnly } from '../../state/use-session'
import { useNotebook, useSession } from '../../state/use-session'
import { correctDate, decideFound, removeDate } from '../timeline/date-actions'
import { DateField } from '../timeline/DateField'
import { corroborationOf } from './corroboration-cache'
import { PassageGradeDialog } from './GradeDialog'
import './grades.css'

export function PassageAnalysis({ annotation: a, selected }: { annotation: Annotation; selected: boolean }) {
  const session = useSession()
  const nb = useNotebook()
  const source = nb.sources.find((s) => s.id === a.sourceId)
  const readOnly = useReadOnly()
  const [grading, setGrading] = useState(false)
  const [editing, setEditing] = useState<string | null>(null) // a date id, a found phrase, or 'new'
  const label = gradeLabel(a, source)
  const corroboration = corroborationLabel(corroborationOf(nb, a.id))
  const accepted = (a.dates ?? []).filter((d) => d.status === 'accepted')
  const found = useMemo(() => passageSuggestions(a, source), [a, source])
  return (
    <div className="passage-analysis">
      <div className="pa-row">
        {readOnly ? (
          label && (
            <span className="grade-chip" title={`${label}: ${gradeDescription(effectiveGrade(a, source))}`}>
              {label}
            </span>
          )
        ) : (
          <button
            className={`grade-chip${label ? '' : ' empty'}`}
            aria-label={label ? `Grade ${label}` : 'Grade'}
            title={
              label
                ? `${label}: ${gradeDescription(effectiveGrade(a, source))}${a.grade?.reason ? ` — ${a.grade.reason}` : ''}`
                : 'Grade this passage (Admiralty A–F, 1–6)'
            }
            onClick={() => setGrading(true)}
          >
            {label || 'Grade'}
          </button>
        )}
        {corroboration && <span className="badge">{corroboration}</span>}
        {accepted.map((d) => (
          <span
            key={d.id}
            className="badge date-chip"
            title={d.text ? `Found as “${d.text}”` : 'Dated by hand'}
          >
            {formatRange(d.value)}
          </span>
        ))}
        {!selected && found.length > 0 && (
          <span className="badge">{found.length === 1 ? '1 date found' : `${found.length} dates found`}</span>
        )}
      </div>
      {selected && !readOnly && (
        <ul className="pa-dates" aria-label="Dates">
          {accepted.map((d) => (
            <li key={d.id}>
              {editing === d.id ? (
                <DateField
                  initial={d.text || formatRange(d.value)}
                  published={source?.published}
                  submitLabel="Save date"
                  onCancel={() => setEditing(null)}
                  onSubmit={(value) => (setEditing(null), correctDate(session, a.id, d, value))}
                />
              ) : (
                <>
                  <strong>{formatRange(d.value)}</strong>{' '}
                  <button className="button small" onClick={() => setEditing(d.id)}>
                    Correct
                  </button>{' '}
                  <button className="button small" onClick={() => removeDate(session, a.id, d.id)}>
                    Remove date
                  </button>
                </>
              )}
            </li>
          ))}
          {found.map((s) => (
            <li key={s.text}>
              {editing === s.text ? (
                <DateField
                  initial={s.text}
                  published={source?.published}
                  submitLabel="Save date"
                  onCancel={() => setEditing(null)}
                  onSubmit={(value) => (
                    setEditing(null),
                    decideFound(session, a.id, s.text, value, 'accepted')
                  )}
                />
              ) : (
                <>
                  <span className="muted">Found “{s.text}”:</span> <strong>{formatRange(s.value)}</strong>{' '}
                  <button
                    className="button small"
                    onClick={() => decideFound(session, a.id, s.text, s.value, 'accepted')}
                  >
                    Accept
                  </button>{' '}
                  <button className="button small" onClick={() => setEditing(s.text)}>
                    Correct
                  </button>{' '}
                  <button
                    className="button small"
                    onClick={() => decideFound(session, a.id, s.text, s.value, 'rejected')}
                  >
                    Reject
                  </button>
                </>
              )}
            </li>
          ))}
          <li>
            {editing === 'new' ? (
              <DateField
                published={source?.published}
                submitLabel="Add date"
                onCancel={() => setEditing(null)}
                onSubmit={(value, text) => (
                  setEditing(null),
                  decideFound(session, a.id, '', value, 'accepted'),
                  void text
                )}
              />
            ) : (
              <button className="chip-add" onClick={() => setEditing('new')}>
                + Date
              </button>
            )}
          </li>
        </ul>
      )}
      {grading && (
        <PassageGradeDialog
          passageId={a.id}
          grade={a.grade}
          source={source}
          onClose={() => setGrading(false)}
        />
      )}
    </div>
  )
}
