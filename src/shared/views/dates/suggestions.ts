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

/** Dates found in a passage's quote that are neither accepted nor rejected yet (offsets in the quote). */
export function passageSuggestions(a: Annotation, source: Source | undefined): DateSuggestion[] {
  const known = new Set((a.dates ?? []).map((d) => d.text.toLowerCase()))
  return detectDates(a.target.quote.exact, source?.published).filter((s) => !known.has(s.text.toLowerCase()))
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
