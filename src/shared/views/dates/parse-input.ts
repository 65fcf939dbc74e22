// A date typed by hand: a day, a month, a year or a period, in the words of detectDates
// ("September 2025", "2003–2014", "until 2026") or as ISO ("2025-09", "2024-09-27").
// Impossible dates and words that are not dates are refused with a message saying why.
import { detectDates } from './detect'
import { impossibility, rangeProblem, type DateRange, type PartialDate } from './partial-date'

export type DateInput = { ok: true; value: DateRange } | { ok: false; message: string }

const HINT = 'Try 2003, September 2025, 2024-09-27, 2003–2014 or until 2026.'
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Shapes a reader would take for a date, checked by hand so "2025-13" says what is wrong. */
function impossibleShape(input: string): string | null {
  const years = /^(\d{4})\s*[–—-]\s*(\d{4})$/.exec(input)
  if (years && +years[2] < +years[1]) return 'A period cannot end before it starts.'
  const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(input)
  if (iso) return impossibility({ year: +iso[1], month: +iso[2], day: iso[3] ? +iso[3] : undefined })
  const monthYear = /^(\d{1,2})\/(\d{4})$/.exec(input)
  if (monthYear) return impossibility({ year: +monthYear[2], month: +monthYear[1] })
  const named = /^(?:(\d{1,2})\s+([a-z]+)|([a-z]+)\s+(\d{1,2}),?)\s+(\d{4})$/i.exec(input)
  if (named) {
    const month = MONTHS.indexOf((named[2] ?? named[3]).slice(0, 3).toLowerCase()) + 1
    if (month > 0) return impossibility({ year: +named[5], month, day: +(named[1] ?? named[4]) })
  }
  return null
}

export function parseDateInput(input: string, published?: PartialDate | null): DateInput {
  const text = input.trim().replace(/\s+/g, ' ')
  if (!text) return { ok: false, message: `Type a date. ${HINT}` }
  const why = impossibleShape(text)
  if (why) return { ok: false, message: why }
  const found = detectDates(text, published)
  const whole = found.find((s) => s.start === 0 && text.slice(s.end).replace(/[.\s]/g, '') === '')
  if (!whole) {
    const relative = !published && /\b(next|last|this|ago)\b/i.test(text)
    return {
      ok: false,
      message: relative
        ? `“${text}” depends on when the source was published; set its publication date first, or type the date.`
        : `“${text}” is not a date Glossa can read. ${HINT}`,
    }
  }
  const problem = rangeProblem(whole.value)
  return problem ? { ok: false, message: problem } : { ok: true, value: whole.value }
}
