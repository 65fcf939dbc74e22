// Accepting, correcting and rejecting dates: each one operation (undoable on its own).
import { nanoid } from 'nanoid'
import type { PassageDate } from '@shared/schema'
import type { DateRange } from '@shared/views/dates/partial-date'
import type { SourceDateSuggestion } from '@shared/views/dates/suggestions'
import type { NotebookSession } from '../../state/session'
import { markAsPassage } from '../analyst/actions'

/** A date found in a passage, accepted as found or as corrected; or rejected. */
export function decideFound(
  session: NotebookSession,
  passageId: string,
  phrase: string,
  value: DateRange,
  status: PassageDate['status'],
): void {
  session.run(
    [{ type: 'putPassageDate', passageId, date: { id: nanoid(10), value, text: phrase, status } }],
    { label: status === 'accepted' ? 'Accept date' : 'Reject date' },
  )
}

export function correctDate(
  session: NotebookSession,
  passageId: string,
  date: PassageDate,
  value: DateRange,
): void {
  session.run([{ type: 'putPassageDate', passageId, date: { ...date, value, status: 'accepted' } }], {
    label: 'Correct date',
  })
}

export function removeDate(session: NotebookSession, passageId: string, dateId: string): void {
  session.run([{ type: 'removePassageDate', passageId, dateId }], { label: 'Remove date' })
}

/** A date found in a source outside passages: its clause becomes a dated passage. */
export function acceptSourceDate(session: NotebookSession, s: SourceDateSuggestion, value = s.value): string {
  return markAsPassage(session, s.sourceId, s.clause, { value, text: s.text })
}

export function rejectSourceDate(session: NotebookSession, s: SourceDateSuggestion): void {
  session.run([{ type: 'setSourceDateRejected', id: s.sourceId, text: s.text, rejected: true }], {
    label: 'Reject date',
  })
}
