// The timeline in words, beside the drawing: every entry in time order with what can be done
// to it (accept, correct or reject a found date; correct or remove an accepted one).
import { useState } from 'react'
import type { Source } from '@shared/schema'
import { formatRange } from '@shared/views/dates/partial-date'
import type { TimelineEntry } from '@shared/views/timeline'
import { useNotebook, useSession } from '../../state/use-session'
import { showPassage, showText } from '../analyst/actions'
import { acceptSourceDate, correctDate, decideFound, rejectSourceDate, removeDate } from './date-actions'
import { DateField } from './DateField'

export function TimelineList({ entries, selected }: { entries: TimelineEntry[]; selected: string | null }) {
  const nb = useNotebook()
  const sources = new Map(nb.sources.map((s) => [s.id, s]))
  // One entry per passage date (a passage in two lanes is listed once).
  const seen = new Set<string>()
  const unique = entries.filter((e) => {
    const id = e.kind === 'source-suggestion' ? e.key : `${e.passageId}/${e.dateId ?? e.phrase}`
    return seen.has(id) ? false : (seen.add(id), true)
  })
  return (
    <ol className="tl-list" aria-label="Timeline entries">
      {unique.map((e) => (
        <Entry key={e.key} entry={e} source={sources.get(e.sourceId)} selected={selected === e.key} />
      ))}
    </ol>
  )
}

function Entry({ entry: e, source, selected }: { entry: TimelineEntry; source?: Source; selected: boolean }) {
  const session = useSession()
  const [correcting, setCorrecting] = useState(false)
  const date = e.dateId
    ? session.notebook.annotations.find((a) => a.id === e.passageId)?.dates?.find((d) => d.id === e.dateId)
    : undefined
  const open = () =>
    e.passageId
      ? showPassage(session, e.passageId)
      : e.suggestion && showText(session, e.sourceId, e.suggestion.clause.start, e.suggestion.clause.end)
  return (
    <li
      className={`tl-entry tl-${e.kind}${selected ? ' is-selected' : ''}`}
      aria-current={selected || undefined}
    >
      <button className="tl-entry-open" onClick={open}>
        <strong className="tl-when">{formatRange(e.range)}</strong>
        <span className="tl-what">{e.label}</span>
      </button>
      {e.kind !== 'date' && <span className="badge">found: “{e.phrase}”</span>}
      {correcting ? (
        <DateField
          initial={e.phrase}
          published={source?.published}
          submitLabel="Save date"
          onCancel={() => setCorrecting(false)}
          onSubmit={(value) => {
            setCorrecting(false)
            if (e.kind === 'date' && date && e.passageId) correctDate(session, e.passageId, date, value)
            else if (e.kind === 'passage-suggestion' && e.passageId)
              decideFound(session, e.passageId, e.phrase, value, 'accepted')
            else if (e.suggestion) acceptSourceDate(session, e.suggestion, value)
          }}
        />
      ) : (
        <div className="tl-actions">
          {e.kind === 'passage-suggestion' && e.passageId && (
            <button
              className="button small"
              onClick={() => decideFound(session, e.passageId!, e.phrase, e.range, 'accepted')}
            >
              Accept
            </button>
          )}
          {e.kind === 'source-suggestion' && e.suggestion && (
            <button className="button small" onClick={() => acceptSourceDate(session, e.suggestion!)}>
              Mark as dated passage
            </button>
          )}
          <button className="button small" onClick={() => setCorrecting(true)}>
            Correct
          </button>
          {e.kind === 'date' && date && e.passageId ? (
            <button className="button small" onClick={() => removeDate(session, e.passageId!, date.id)}>
              Remove date
            </button>
          ) : (
            <button
              className="button small"
              onClick={() =>
                e.kind === 'source-suggestion'
                  ? rejectSourceDate(session, e.suggestion!)
                  : decideFound(session, e.passageId!, e.phrase, e.range, 'rejected')
              }
            >
              Reject
            </button>
          )}
        </div>
      )}
    </li>
  )
}
