// Found dates that still need the user's word: in a passage's quote (to accept, correct or
// reject on its card), and in a source's text outside any passage (on the timeline, to mark
// as a passage or reject).
import type { Annotation, Source } from '../../schema'
import { clauseAround, type Span } from './context'
import { detectDates, type DateSuggestion } from './detect'

export interface SourceDateSuggestion extends DateSuggestion {
  sourceId: string
  /** The clause the date reads in: the label on the timeline and the passage it would become. */
  clause: Span
}

/**
 * Dates found in quotes, by quote and the source's publication date. Every passage card runs
 * the date finder on its quote when it is drawn, and a filter change or scroll draws cards
 * again: found once, they are kept (bounded; the results are not changed by callers).
 */
const foundInQuotes = new Map<string, readonly DateSuggestion[]>()
const MAX_KEPT = 5_000

function datesInQuote(quote: string, published: Source['published']): readonly DateSuggestion[] {
  const key = `${published ?? ''}\u0000${quote}`
  let found = foundInQuotes.get(key)
  if (!found) {
    if (foundInQuotes.size >= MAX_KEPT) foundInQuotes.clear()
    found = detectDates(quote, published)
    foundInQuotes.set(key, found)
  }
  return found
}

/** Dates found in a passage's quote that are neither accepted nor rejected yet (offsets in the quote). */
export function passageSuggestions(a: Annotation, source: Source | undefined): DateSuggestion[] {
  const known = new Set((a.dates ?? []).map((d) => d.text.toLowerCase()))
  return datesInQuote(a.target.quote.exact, source?.published).filter((s) => !known.has(s.text.toLowerCase()))
}

/** Dates found in a source's text outside its anchored passages, less those the user rejected. */
export function sourceSuggestions(
  source: Source,
  text: string,
  passages: readonly Annotation[],
): SourceDateSuggestion[] {
  const rejected = new Set(source.rejectedDates ?? [])
  const own = passages.filter((a) => a.sourceId === source.id && a.status === 'anchored')
  return detectDates(text, source.published)
    .filter((s) => !rejected.has(s.text))
    .filter((s) => !own.some((a) => a.target.position.start <= s.start && a.target.position.end >= s.end))
    .map((s) => ({ ...s, sourceId: source.id, clause: clauseAround(text, s.start, s.end) }))
}
