// Dates as precise as the text makes them: a year ("2003"), a month ("2025-09") or a day
// ("2024-09-27"), and periods between two of them. No zod and no schema import here: the
// schema imports `isRealDate` from this file.

export type PartialDate = string
export interface DateRange {
  /** null: open start ("until 2026"). */
  from: PartialDate | null
  /** null: open end ("since 2014"). */
  to: PartialDate | null
}

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export interface DateParts {
  year: number
  month?: number
  day?: number
}

export function partsOf(date: PartialDate): DateParts | null {
  const m = SHAPE.exec(date)
  if (!m) return null
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined }
}

/** Why a date is impossible ("there is no month 13"), or null when it is a real date. */
export function impossibility(parts: DateParts): string | null {
  const { year, month, day } = parts
  if (!Number.isInteger(year) || year < 1 || year > 9999) return `${year} is not a year Glossa can place.`
  if (month === undefined) return day === undefined ? null : 'A day needs a month.'
  if (!Number.isInteger(month) || month < 1 || month > 12) return `There is no month ${month}.`
  if (day === undefined) return null
  const last = daysIn(year, month)
  if (!Number.isInteger(day) || day < 1 || day > last)
    return `${MONTHS[month - 1]} ${year} has ${last} days; there is no day ${day}.`
  return null
}

export function isRealDate(date: string): boolean {
  const parts = partsOf(date)
  return parts !== null && impossibility(parts) === null
}

export function toPartialDate(parts: DateParts): PartialDate {
  const pad = (n: number, w: number) => String(n).padStart(w, '0')
  let out = pad(parts.year, 4)
  if (parts.month !== undefined) out += `-${pad(parts.month, 2)}`
  if (parts.month !== undefined && parts.day !== undefined) out += `-${pad(parts.day, 2)}`
  return out
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The first millisecond (UTC) the date covers. */
export function startOf(date: PartialDate): number {
  const p = partsOf(date)!
  return Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1)
}

/** The millisecond after the last one the date covers ("2025-09" ends as October begins). */
export function endOf(date: PartialDate): number {
  const p = partsOf(date)!
  if (p.month === undefined) return Date.UTC(p.year + 1, 0, 1)
  if (p.day === undefined) return Date.UTC(p.year, p.month, 1)
  return Date.UTC(p.year, p.month - 1, p.day + 1)
}

export function formatDate(date: PartialDate): string {
  const p = partsOf(date)
  if (!p) return date
  if (p.month === undefined) return String(p.year)
  if (p.day === undefined) return `${MONTHS[p.month - 1]} ${p.year}`
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`
}

export function formatRange(r: DateRange): string {
  if (r.from && r.to)
    return r.from === r.to ? formatDate(r.from) : `${formatDate(r.from)} – ${formatDate(r.to)}`
  if (r.to) return `until ${formatDate(r.to)}`
  return `since ${formatDate(r.from!)}`
}

/** Why a range is refused, or null: at least one end, and the start not after the end. */
export function rangeProblem(r: DateRange): string | null {
  if (r.from === null && r.to === null) return 'A date needs a start or an end.'
  for (const d of [r.from, r.to]) {
    if (d === null) continue
    const parts = partsOf(d)
    if (!parts) return `“${d}” is not a date (use a year, a month or a day).`
    const why = impossibility(parts)
    if (why) return why
  }
  if (r.from && r.to && startOf(r.from) >= endOf(r.to)) return 'A period cannot end before it starts.'
  return null
}

/** The first and last instant a range covers, open ends filled from `open` when given. */
export function extent(
  r: DateRange,
  open?: { from?: number; to?: number },
): { start: number; end: number } | null {
  const start = r.from ? startOf(r.from) : open?.from
  const end = r.to ? endOf(r.to) : open?.to
  if (start === undefined || end === undefined) return null
  return { start, end: Math.max(end, start) }
}
