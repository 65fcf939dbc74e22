// The Timeline: passages laid out in time, in lanes by facet, with the dates found in sources
// beside them until they are accepted or rejected. The tag filter and the search box apply;
// zoom goes from decades to months.
import { useMemo, useState } from 'react'
import { startOf } from '@shared/views/dates/partial-date'
import { layoutTimeline, timelineEntries, ZOOM_LEVELS, type TimelineEntry } from '@shared/views/timeline'
import { filtered } from '../../state/filtered'
import { navigate } from '../../state/route'
import { useUi } from '../../state/ui-store'
import { useNotebook, useSession } from '../../state/use-session'
import { showPassage, showText } from '../analyst/actions'
import { sourceTexts } from '../analyst/source-texts'
import { useSize } from '../analyst/use-size'
import { isFilterActive } from '../tags/FilterPanel'
import { TimelineCanvas } from './TimelineCanvas'
import { TimelineList } from './TimelineList'
import { timelineMatcher } from './timeline-query'
import './timeline.css'

const SCALE_NAMES = [
  'decades',
  'decades',
  'years',
  'years',
  'years',
  'quarters',
  'quarters',
  'months',
  'months',
]
const labelWidth = (s: string) => Math.min(s.length, 60) * 6.6

export function TimelineView() {
  const session = useSession()
  const nb = useNotebook()
  const filter = useUi((s) => s.filter)
  const [query, setQuery] = useState('')
  // null: fit the whole timeline in the frame, as far as the zoom levels allow.
  const [chosenZoom, setZoom] = useState<number | null>(null)
  const [frame, { width: frameWidth }] = useSize<HTMLElement>()
  const [withSources, setWithSources] = useState(true)
  const filtering = isFilterActive(filter)

  const { lanes, entries } = useMemo(() => {
    const passages = filtered(nb, filter).passages
    // While a tag filter is on, only passages can match it: found dates outside them are hidden.
    return timelineEntries(nb, passages, sourceTexts(nb), withSources && !filtering)
  }, [nb, filter, withSources, filtering])
  const matcher = useMemo(() => timelineMatcher(nb, query), [nb, query])
  const shown = useMemo(() => entries.filter(matcher.matches), [entries, matcher])
  const zoom = chosenZoom ?? fitZoom(shown, frameWidth)
  const layout = useMemo(() => {
    const published = new Map(nb.sources.filter((s) => s.published).map((s) => [s.id, startOf(s.published!)]))
    const used = new Set(shown.map((e) => e.lane))
    return layoutTimeline(
      lanes.filter((l) => used.has(l.key)),
      shown,
      { pxPerYear: ZOOM_LEVELS[zoom], published, labelWidth },
    )
  }, [lanes, shown, zoom, nb.sources])

  const open = (key: string) => {
    const e = shown.find((x) => x.key === key)
    if (e) openEntry(e)
  }
  const openEntry = (e: TimelineEntry) => {
    if (e.passageId) showPassage(session, e.passageId)
    else if (e.suggestion) showText(session, e.sourceId, e.suggestion.clause.start, e.suggestion.clause.end)
  }

  return (
    <>
      <main className="reader analyst-view timeline-view" aria-label="Timeline" ref={frame}>
        <div className="reader-toolbar av-toolbar">
          <h2 className="av-title">Timeline</h2>
          <input
            className="av-input"
            type="search"
            aria-label="Filter the timeline"
            placeholder="Words, tag:phase, grade:<=B2"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <label className="av-check">
            <input type="checkbox" checked={withSources} onChange={(e) => setWithSources(e.target.checked)} />{' '}
            Dates found in sources
          </label>
          <span className="av-zoom" role="group" aria-label="Zoom">
            <button
              className="button small"
              aria-label="Zoom out"
              disabled={zoom === 0}
              onClick={() => setZoom(zoom - 1)}
            >
              −
            </button>
            <span className="muted small-text" aria-live="polite">
              {SCALE_NAMES[zoom]}
            </span>
            <button
              className="button small"
              aria-label="Zoom in"
              disabled={zoom === ZOOM_LEVELS.length - 1}
              onClick={() => setZoom(zoom + 1)}
            >
              +
            </button>
          </span>
          <button
            className="button small"
            onClick={() => navigate({ screen: 'notebook', notebookId: nb.id })}
          >
            Close
          </button>
        </div>
        {matcher.errors.length > 0 && (
          <p className="field-error av-errors" role="alert">
            {matcher.errors.join('; ')}
          </p>
        )}
        {shown.length === 0 ? (
          <div className="empty-state">
            <h2>Nothing dated yet</h2>
            <p>
              {entries.length > 0
                ? 'No entry matches this search.'
                : 'Dates found in your sources and passages show here. Date a passage from its card in the margin.'}
            </p>
          </div>
        ) : (
          <div className="tl-scroll">
            <TimelineCanvas layout={layout} onOpen={open} />
          </div>
        )}
      </main>
      <aside className="margin av-side" aria-label="Timeline in order">
        <h2 className="margin-heading">
          In order <span className="count">{shown.length}</span>
        </h2>
        <p className="muted small-text">
          Found dates are suggestions: accept or correct one to make it a dated passage, or reject it.
        </p>
        <TimelineList entries={shown} selected={null} />
      </aside>
    </>
  )
}

/** The largest zoom level at which the entries' years fit the frame, with room for labels. */
function fitZoom(entries: readonly TimelineEntry[], width: number): number {
  const years = entries
    .flatMap((e) => [e.range.from, e.range.to])
    .flatMap((d) => (d ? [Number(d.slice(0, 4))] : []))
  if (years.length === 0) return 3
  const span = Math.max(...years) - Math.min(...years) + 2
  // Labels may run past the last year; the frame scrolls.
  const room = Math.max(200, width - 80)
  let level = 0
  while (level + 1 < ZOOM_LEVELS.length && ZOOM_LEVELS[level + 1] * span <= room) level++
  return level
}
