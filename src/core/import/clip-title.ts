// Shortening a title that is too long. A title is shown, saved and becomes part of the exported
// Markdown file's name, so it is cut only between whole characters as a reader sees them
// (grapheme clusters: a flag, a ZWJ family, a letter with its accents), at a word's end when one
// is near, and it says it was cut ("…").
import { codePoints, graphemePrefix } from '@shared/text-length'

const words = new Intl.Segmenter(undefined, { granularity: 'word' })
const ELLIPSIS = '…'

/**
 * `text` trimmed, unchanged when it has at most `max` code points (what the schema counts); else cut on a grapheme
 * boundary (at the last word boundary when that loses at most a quarter of the room) and ended
 * with "…", `max` code points at most in all.
 */
export function clipTitle(text: string, max: number): string {
  const whole = text.trim()
  if (codePoints(whole) <= max) return whole
  const room = max - codePoints(ELLIPSIS)
  const cut = graphemePrefix(whole, room).length
  const atWord = lastWordBoundary(whole, cut)
  const end = atWord !== null && codePoints(whole.slice(atWord, cut)) <= room / 4 ? atWord : cut
  // Not "word, …" or "word —…": spaces and joining punctuation before the ellipsis go.
  return whole.slice(0, end).replace(/[\s,;:\-–—]+$/u, '') + ELLIPSIS
}

/** The last word boundary at or before `cut` that is not the text's start, or null. A boundary
 * inside a word (`cut` in its middle) does not count; word boundaries never fall inside a
 * grapheme cluster (UAX #29), so any one found here is a whole-character cut too. */
function lastWordBoundary(text: string, cut: number): number | null {
  let best: number | null = null
  for (const { index, segment } of words.segment(text)) {
    if (index > cut) break
    if (index > 0) best = index
    if (index + segment.length === cut) return cut
  }
  return best
}
