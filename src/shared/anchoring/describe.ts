// Turn a character range of a source's plain text into a W3C-style target. Both selectors are
// stored: the position is fast to check, the quote (with context) survives edits to the text.
//
// Offsets are UTF-16 code units, so a range can fall between the two halves of a character
// outside the Basic Multilingual Plane (most emoji, many CJK and historic scripts). Half a
// character cannot be written to a UTF-8 file (the Markdown export would turn it into U+FFFD),
// so ranges are widened, and context narrowed, to whole characters here, where every target
// is made.
import { LIMITS, type Target } from '../schema'

/** Context kept on each side of a quote: enough to tell repeated phrases apart, small on disk. */
export const CONTEXT_CHARS = LIMITS.contextChars

export function describeRange(text: string, start: number, end: number): Target {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new Error(`describeRange: start and end must be integers (got ${start}, ${end})`)
  }
  if (start < 0 || end > text.length) {
    throw new Error(`describeRange: range ${start}–${end} is outside the text (length ${text.length})`)
  }
  if (start >= end) {
    throw new Error(`describeRange: range ${start}–${end} is empty; select at least one character`)
  }
  // The schema rejects longer quotes on save; failing here gives the caller a clearer message.
  if (end - start > LIMITS.quoteChars) {
    throw new Error(
      `describeRange: a passage can be at most ${LIMITS.quoteChars} characters (got ${end - start})`,
    )
  }
  // Whole characters: widened, or narrowed where widening would pass the limit (a passage of
  // exactly the limit must still re-anchor and repair). Narrowing never empties a range: one
  // code unit inside a pair widens to two, far below the limit.
  const cutStart = splitsCharacter(text, start)
  const cutEnd = splitsCharacter(text, end)
  const widened = end - start + Number(cutStart) + Number(cutEnd)
  if (cutStart) start += widened > LIMITS.quoteChars ? 1 : -1
  if (cutEnd) end += widened > LIMITS.quoteChars ? -1 : 1
  let before = Math.max(0, start - CONTEXT_CHARS)
  if (splitsCharacter(text, before)) before++
  let after = Math.min(text.length, end + CONTEXT_CHARS)
  if (splitsCharacter(text, after)) after--
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(before, start),
      suffix: text.slice(end, after),
    },
    position: { start, end },
  }
}

/** Whether offset `at` falls between a high and a low surrogate (inside one character). */
export function splitsCharacter(text: string, at: number): boolean {
  return isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at))
}

/** Whether `left` ends with the first half of a character whose second half starts `right`. */
export function splitBetween(left: string, right: string): boolean {
  return isHigh(left.charCodeAt(left.length - 1)) && isLow(right.charCodeAt(0))
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff
