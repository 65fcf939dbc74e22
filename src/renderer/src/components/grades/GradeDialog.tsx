// Grading on the Admiralty scale: a passage's credibility (1–6) and, when it differs from its
// source's, its reliability (A–F), with the reason; or a source's reliability.
import { useState } from 'react'
import type { PassageGrade, Source } from '@shared/schema'
import { CREDIBILITY, RELIABILITY, type Reliability } from '@shared/views/grades'
import { useRun } from '../../state/use-run'
import { Dialog } from '../Dialog'
import { FieldError } from '../FieldError'

const LETTERS = Object.keys(RELIABILITY) as Reliability[]

export function PassageGradeDialog({
  passageId,
  grade,
  source,
  onClose,
}: {
  passageId: string
  grade?: PassageGrade
  source?: Source
  onClose: () => void
}) {
  const { error, run } = useRun()
  const [reliability, setReliability] = useState<string>(grade?.reliability ?? '')
  const [credibility, setCredibility] = useState<string>(grade?.credibility ? String(grade.credibility) : '')
  const [reason, setReason] = useState(grade?.reason ?? '')
  const fromSource = source?.reliability?.reliability
  const save = (next: PassageGrade | null) =>
    run([{ type: 'setPassageGrade', id: passageId, grade: next }], next ? 'Grade passage' : 'Remove grade') &&
    onClose()
  return (
    <Dialog
      title="Grade passage"
      onClose={onClose}
      footer={
        <>
          {grade && (
            <button className="button danger" onClick={() => save(null)}>
              Remove grade
            </button>
          )}
          <button className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            className="button primary"
            onClick={() => {
              if (!reliability && !credibility) return save(null)
              save({
                ...(reliability ? { reliability: reliability as Reliability } : {}),
                ...(credibility ? { credibility: Number(credibility) } : {}),
                reason: reason.trim(),
              })
            }}
          >
            Save grade
          </button>
        </>
      }
    >
      <label className="field">
        <span>Reliability of the source</span>
        <select aria-label="Reliability" value={reliability} onChange={(e) => setReliability(e.target.value)}>
          <option value="">
            {fromSource ? `As the source: ${fromSource} — ${RELIABILITY[fromSource]}` : 'Not graded'}
          </option>
          {LETTERS.map((l) => (
            <option key={l} value={l}>
              {l} — {RELIABILITY[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Credibility of this passage</span>
        <select aria-label="Credibility" value={credibility} onChange={(e) => setCredibility(e.target.value)}>
          <option value="">Not graded</option>
          {[1, 2, 3, 4, 5, 6].map((n) => (
            <option key={n} value={n}>
              {n} — {CREDIBILITY[n]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Reason</span>
        <textarea aria-label="Reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <FieldError error={error} />
    </Dialog>
  )
}
