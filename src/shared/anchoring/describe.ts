// Turn a character range of a source's plain text into a W3C-style target. Both selectors are
// stored: the position is fast to check, the quote (with context) survives edits to the text.
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
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { start, end },
  }
}
