// The timeline's model: dated passages in lanes by facet (a passage tagged in two facets shows
// in both), suggestions inside passages beside them, and dates found in sources outside any
// passage in their own lane; then a layout in pixels for a zoom level.
import { tagFacetKey } from '../filter'
import type { Annotation, Notebook } from '../schema'
import { formatRange, extent, startOf, type DateRange } from './dates/partial-date'
import { passageSuggestions, sourceSuggestions, type SourceDateSuggestion } from './dates/suggestions'

export interface TimelineEntry {
  key: string
  /** An accepted date of a passage, a date found in a passage, or one found in a source. */
  kind: 'date' | 'passage-suggestion' | 'source-suggestion'
  sourceId: string
  passageId?: string
  dateId?: string
  range: DateRange
  /** The words the date was found in, or the passage's quote. */
  label: string
  phrase: string
  lane: string
  suggestion?: SourceDateSuggestion
}

export interface Lane {
  key: string
  name: string
  color?: string
}

export const UNTAGGED_LANE = '\u0000untagged'
export const FOUND_LANE = '\u0000found'

const short = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s)

function lanesOf(nb: Notebook, a: Annotation): string[] {
  const tags = new Map(nb.tags.map((t) => [t.id, t]))
  const keys = new Set(
    a.tagIds.map((id) => tags.get(id)).flatMap((t) => (t ? [tagFacetKey(t.name) ?? t.name] : [])),
  )
  return keys.size > 0 ? [...keys] : [UNTAGGED_LANE]
}

/**
 * Entries for `passages` (the filtered ones), and, when `withSources` is set, dates found in
 * source text outside passages. `texts` holds each source's plain text.
 */
export function timelineEntries(
  nb: Notebook,
  passages: readonly Annotation[],
  texts: ReadonlyMap<string, string>,
  withSources: boolean,
): { lanes: Lane[]; entries: TimelineEntry[] } {
  const sources = new Map(nb.sources.map((s) => [s.id, s]))
  const entries: TimelineEntry[] = []
  for (const a of passages) {
    const accepted = (a.dates ?? []).filter((d) => d.status === 'accepted')
    const lanes = lanesOf(nb, a)
    const label = short(a.target.quote.exact)
    for (const lane of lanes) {
      for (const d of accepted)
        entries.push({
          key: `${a.id}/${d.id}/${lane}`,
          kind: 'date',
          sourceId: a.sourceId,
          passageId: a.id,
          dateId: d.id,
          range: d.value,
          label,
          phrase: d.text || formatRange(d.value),
          lane,
        })
      if (accepted.length > 0 || a.status !== 'anchored') continue
      passageSuggestions(a, sources.get(a.sourceId)).forEach((s, i) =>
        entries.push({
          key: `${a.id}/found${i}/${lane}`,
          kind: 'passage-suggestion',
          sourceId: a.sourceId,
          passageId: a.id,
          range: s.value,
          label,
          phrase: s.text,
          lane,
        }),
      )
    }
  }
  if (withSources) {
    for (const source of nb.sources) {
      const text = texts.get(source.id)
      if (text === undefined) continue
      for (const s of sourceSuggestions(source, text, nb.annotations))
        entries.push({
          key: `${source.id}@${s.start}`,
          kind: 'source-suggestion',
          sourceId: source.id,
          range: s.value,
          label: short(
            `${s.clause.cut?.start ? '…' : ''}${s.clause.text}${s.clause.cut?.end ? '…' : ''}`,
            90,
          ),
          phrase: s.text,
          lane: FOUND_LANE,
          suggestion: s,
        })
    }
  }
  const used = new Set(entries.map((e) => e.lane))
  const lanes: Lane[] = nb.facets
    .filter((f) => used.has(f.key))
    .map((f) => ({ key: f.key, name: f.name, color: f.color }))
  for (const key of [...used].sort()) {
    if (key === UNTAGGED_LANE || key === FOUND_LANE || lanes.some((l) => l.key === key)) continue
    lanes.push({ key, name: key })
  }
  if (used.has(UNTAGGED_LANE)) lanes.push({ key: UNTAGGED_LANE, name: 'Untagged passages' })
  if (used.has(FOUND_LANE)) lanes.push({ key: FOUND_LANE, name: 'Found in sources' })
  return { lanes, entries: entries.sort(byTime) }
}

/** Chronological: by start (an open start counts as its end), then the shorter first. */
function byTime(a: TimelineEntry, b: TimelineEntry): number {
  const key = (r: DateRange) => startOf((r.from ?? r.to)!)
  return (
    key(a.range) - key(b.range) ||
    (a.range.to ? startOf(a.range.to) : Infinity) - (b.range.to ? startOf(b.range.to) : Infinity)
  )
}

const YEAR_MS = 365.2425 * 24 * 3600 * 1000

export interface Placed {
  entry: TimelineEntry
  x: number
  /** 0 for an event (a single day, month or year): drawn as a point. */
  width: number
  row: number
  openStart: boolean
  openEnd: boolean
  /** The label ends where the item ends instead of starting where it starts (near the axis's end). */
  labelLeft: boolean
}

export interface TimelineLayout {
  width: number
  ticks: { x: number; label: string }[]
  lanes: { lane: Lane; rows: number; items: Placed[] }[]
}

/**
 * Pixels for a zoom level. An open end is drawn to the source's publication date (the time it
 * speaks from) or one year past the known end, faded. `labelWidth` estimates a label in pixels.
 */
export function layoutTimeline(
  lanes: readonly Lane[],
  entries: readonly TimelineEntry[],
  opts: {
    pxPerYear: number
    published: ReadonlyMap<string, number>
    labelWidth: (s: string) => number
    pad?: number
  },
): TimelineLayout {
  if (entries.length === 0) return { width: 0, ticks: [], lanes: [] }
  const spans = entries.map((e) => {
    const known = extent(e.range, {})
    const pub = opts.published.get(e.sourceId)
    const to = e.range.to ? extent({ from: e.range.to, to: e.range.to })!.end : undefined
    const from = e.range.from ? startOf(e.range.from) : undefined
    const open = {
      from: from ?? (pub !== undefined && to !== undefined && pub < to ? pub : (to ?? 0) - YEAR_MS),
      to: to ?? (pub !== undefined && from !== undefined && pub > from ? pub : (from ?? 0) + YEAR_MS),
    }
    return { e, ...(known ?? extent(e.range, open)!) }
  })
  const pad = opts.pad ?? 24
  const min = Math.min(...spans.map((s) => s.start))
  const max = Math.max(...spans.map((s) => s.end))
  const t0 = Date.UTC(new Date(min).getUTCFullYear(), 0, 1)
  const t1 = Date.UTC(new Date(max).getUTCFullYear() + 1, 0, 1)
  const x = (t: number) => pad + ((t - t0) / YEAR_MS) * opts.pxPerYear
  const axisEnd = x(t1) + pad
  const width = axisEnd + 240
  const ticks = tickMarks(t0, t1, opts.pxPerYear).map((t) => ({ x: x(t.at), label: t.label }))
  const placed = lanes.map((lane) => {
    const rowsEnd: number[] = []
    const items: Placed[] = []
    for (const s of spans.filter((s) => s.e.lane === lane.key)) {
      const event = s.e.range.from !== null && s.e.range.from === s.e.range.to
      const x0 = event ? (x(s.start) + x(s.end)) / 2 : x(s.start)
      const w = event ? 0 : Math.max(2, x(s.end) - x(s.start))
      const lw = opts.labelWidth(s.e.label) + 16
      // A label that would run past the axis's end is turned to the left, where there is room,
      // so the latest entries (the phases) read in the frame without scrolling.
      const labelLeft = x0 + Math.max(w, lw) > axisEnd && x0 + w - lw >= 0
      const left = labelLeft ? Math.min(x0, x0 + w - lw) : x0
      const reach = labelLeft ? x0 + w + 8 : x0 + Math.max(w, lw) + 8
      let row = rowsEnd.findIndex((end) => end <= left)
      if (row < 0) row = rowsEnd.push(reach) - 1
      else rowsEnd[row] = reach
      items.push({
        entry: s.e,
        x: x0,
        width: w,
        row,
        openStart: s.e.range.from === null,
        openEnd: s.e.range.to === null,
        labelLeft,
      })
    }
    return { lane, rows: Math.max(1, rowsEnd.length), items }
  })
  return { width, ticks, lanes: placed }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Decades when zoomed out, years, then quarters and months when zoomed in. */
export function tickMarks(t0: number, t1: number, pxPerYear: number): { at: number; label: string }[] {
  const y0 = new Date(t0).getUTCFullYear()
  const y1 = new Date(t1).getUTCFullYear()
  const out: { at: number; label: string }[] = []
  const yearStep = pxPerYear < 12 ? 10 : pxPerYear < 24 ? 5 : pxPerYear < 48 ? 2 : 1
  if (pxPerYear < 160) {
    for (let y = Math.ceil(y0 / yearStep) * yearStep; y <= y1; y += yearStep)
      out.push({ at: Date.UTC(y, 0, 1), label: String(y) })
    return out
  }
  const monthStep = pxPerYear < 480 ? 3 : 1
  for (let y = y0; y <= y1; y++)
    for (let m = 0; m < 12; m += monthStep) {
      const at = Date.UTC(y, m, 1)
      if (at <= t1) out.push({ at, label: m === 0 ? String(y) : MONTHS[m] })
    }
  return out
}

export const ZOOM_LEVELS = [6, 12, 24, 48, 96, 160, 320, 640, 1280] as const
