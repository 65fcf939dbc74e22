// Finding dates in text with chrono-node, relative to the source's publication date ("by the
// end of next year" in a 2024 article is 2025). chrono reads months, days and relative phrases;
// bare years ("in 2011") and year ranges ("2003–2014"), which chrono drops as unlikely numbers,
// are read here by two patterns where chrono found nothing. The word before a date decides its
// bound: "until 2026" ends a period, "since 2014" starts one, "in 2011" is a point.
import * as chrono from 'chrono-node'
import { impossibility, partsOf, toPartialDate, type DateRange, type PartialDate } from './partial-date'

export interface DateSuggestion {
  /** Offsets in the text, the bounding word included ("until 2026"). */
  start: number
  end: number
  text: string
  value: DateRange
}

const YEAR = '(1[5-9]\\d\\d|20\\d\\d)'
/** Years not glued to other digits, thousands separators or decimals ("2,500" and "2014.5" are not years). */
const BARE_YEAR = new RegExp(`(?<![\\d,.$€£])${YEAR}(?![\\d%]|[.,]\\d)`, 'g')
const YEAR_RANGE = new RegExp(
  `(?<![\\d,.])${YEAR}\\s*(?:–|—|-|to|until|through|and)\\s*${YEAR}(?![\\d%])`,
  'gi',
)
const UNTIL =
  /\b(?:until|till|through|thru|up to|to|by|before|no later than)\s+(?:the\s+end\s+of\s+|the\s+)?$/i
const SINCE = /(?:\b(?:since|from|after|starting(?:\s+in)?|beginning(?:\s+in)?)\s+|\bpost-)$/i
const BETWEEN = /\b(?:from|between)\s+$/i
const POINT = /\b(?:in|on|during)\s+$/i
/** Phrases that only mean something relative to a reference date. */
const RELATIVE = /\b(?:next|last|this|coming|past|ago|today|tomorrow|yesterday|now)\b/i

interface Found {
  index: number
  length: number
  from: PartialDate
  to: PartialDate
}

/** The components chrono is sure of, as a partial date (a month without a day is "2025-09"). */
function partial(c: chrono.ParsedResult['start']): PartialDate | null {
  const year = c.get('year')
  if (year === null) return null
  const month = c.isCertain('month') ? (c.get('month') ?? undefined) : undefined
  const day = month !== undefined && c.isCertain('day') ? (c.get('day') ?? undefined) : undefined
  const parts = { year, month, day }
  return impossibility(parts) ? null : toPartialDate(parts)
}

function referenceDate(published?: PartialDate | null): Date | null {
  const parts = published ? partsOf(published) : null
  if (!parts) return null
  return new Date(Date.UTC(parts.year, (parts.month ?? 1) - 1, parts.day ?? 1, 12))
}

function byChrono(text: string, reference: Date | null): Found[] {
  const found: Found[] = []
  for (const r of chrono.casual.parse(text, reference ?? new Date(Date.UTC(2000, 0, 1, 12)))) {
    // Without a publication date, "next year" cannot be placed: leave it out rather than guess.
    if (!reference && RELATIVE.test(r.text)) continue
    const from = partial(r.start)
    const to = r.end ? partial(r.end) : from
    if (from && to) found.push({ index: r.index, length: r.text.length, from, to })
  }
  return found
}

function byPattern(text: string, pattern: RegExp, taken: Found[]): Found[] {
  const found: Found[] = []
  for (const m of text.matchAll(pattern)) {
    const index = m.index
    const end = index + m[0].length
    if (taken.some((f) => f.index < end && index < f.index + f.length)) continue
    const [from, to] = [m[1], m[2] ?? m[1]]
    if (Number(to) < Number(from)) continue
    found.push({ index, length: m[0].length, from, to })
  }
  return found
}

/** Dates and periods in `text`, in order, each with the words it was found in. */
export function detectDates(text: string, published?: PartialDate | null): DateSuggestion[] {
  const found = byChrono(text, referenceDate(published))
  found.push(...byPattern(text, YEAR_RANGE, found))
  found.push(...byPattern(text, BARE_YEAR, found))
  found.sort((a, b) => a.index - b.index)
  return found.map(({ index, length, from, to }) => {
    const before = text.slice(Math.max(0, index - 40), index)
    let start = index
    let value: DateRange = { from, to }
    const single = from === to
    const lead = (re: RegExp) => {
      const m = re.exec(before)
      if (m) start -= m[0].length
      return m !== null
    }
    if (single && lead(UNTIL)) value = { from: null, to }
    else if (single && lead(SINCE)) value = { from, to: null }
    else if (!single) lead(BETWEEN)
    else lead(POINT)
    const end = index + length
    return { start, end, text: text.slice(start, end), value }
  })
}
