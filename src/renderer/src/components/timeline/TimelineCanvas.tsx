// The timeline drawn: an axis of decades, years or months, one band per lane, and each entry
// as a bar (a period; faded where it is open) or a dot (an event), labelled, a button that
// goes to its passage or its words in the source.
import type { TimelineLayout } from '@shared/views/timeline'
import { formatRange } from '@shared/views/dates/partial-date'

const ROW = 30
const LANE_HEAD = 26

export function TimelineCanvas({
  layout,
  onOpen,
}: {
  layout: TimelineLayout
  onOpen: (key: string) => void
}) {
  return (
    <div className="tl-canvas" style={{ width: layout.width }}>
      <div className="tl-axis" aria-hidden="true">
        {layout.ticks.map((t) => (
          <span key={t.x} className="tl-tick" style={{ left: t.x }}>
            {t.label}
          </span>
        ))}
      </div>
      {layout.lanes.map(({ lane, rows, items }) => (
        <section
          key={lane.key}
          className="tl-lane"
          aria-label={`Lane: ${lane.name}`}
          style={{ height: LANE_HEAD + rows * ROW + 8, ['--lane' as string]: lane.color ?? 'var(--accent)' }}
        >
          <h3 className="tl-lane-name">{lane.name}</h3>
          {layout.ticks.map((t) => (
            <span key={t.x} className="tl-grid" style={{ left: t.x }} aria-hidden="true" />
          ))}
          {items.map((p) => (
            <button
              key={p.entry.key}
              className={`tl-item tl-${p.entry.kind}${p.width === 0 ? ' tl-event' : ' tl-span'}${p.openStart ? ' open-start' : ''}${p.openEnd ? ' open-end' : ''}${p.labelLeft ? ' label-left' : ''}`}
              style={{ left: p.x, top: LANE_HEAD + p.row * ROW, ['--w' as string]: `${p.width}px` }}
              title={`${formatRange(p.entry.range)} — ${p.entry.label}`}
              aria-label={`${formatRange(p.entry.range)}: ${p.entry.label}${p.entry.kind === 'date' ? '' : ' (found, not yet accepted)'}`}
              onClick={() => onOpen(p.entry.key)}
            >
              <span className="tl-mark" aria-hidden="true" />
              <span className="tl-label">{p.entry.label}</span>
            </button>
          ))}
        </section>
      ))}
    </div>
  )
}
