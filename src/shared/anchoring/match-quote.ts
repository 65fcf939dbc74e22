// Approximate quote matching, scored like the Hypothesis client's match-quote.js: a candidate's
// score mixes how close the quote is, how well the text around it matches the stored context,
// and how near it is to where the quote used to be.
import search from 'approx-string-match'

export interface QuoteContext {
  /** Where the quote used to start; nearer candidates win otherwise-equal contests. */
  hint?: number
  prefix?: string
  suffix?: string
  /** Upper bound on edit distance; defaults to min(256, quote.length / 2) as in Hypothesis. */
  maxErrors?: number
  /** Search only text[from, to) (context is still scored against the whole text). */
  from?: number
  to?: number
}

export interface QuoteMatch {
  start: number
  end: number
  /** 0..1, 1 = exact quote with exact context at the hinted position. */
  score: number
  /** Edit distance between the quote and text[start, end). */
  errors: number
}

// Weights from Hypothesis: the quote dominates, context disambiguates, position breaks ties.
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
const POS_WEIGHT = 2
const MAX_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POS_WEIGHT

/** 1 - (edit distance of `pattern`'s best match inside `text`) / pattern.length. */
export function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) return 1
  if (text.length === 0) return 0
  if (text.includes(pattern)) return 1 // the bit-vector search has no exact fast path
  const best = search(text, pattern, pattern.length)[0]
  return best ? 1 - best.errors / pattern.length : 0
}

/**
 * Similarity of the text before and after [start, end) to the stored prefix and suffix. A side
 * not given scores 1; a stored empty side means the quote touched that end of the text, so it
 * only fits a candidate that does too.
 */
export function contextSimilarity(
  text: string,
  start: number,
  end: number,
  prefix?: string,
  suffix?: string,
): { before: number; after: number } {
  const before =
    prefix === undefined
      ? 1
      : prefix
        ? similarity(text.slice(Math.max(0, start - prefix.length), start), prefix)
        : Number(start === 0)
  const after =
    suffix === undefined
      ? 1
      : suffix
        ? similarity(text.slice(end, end + suffix.length), suffix)
        : Number(end === text.length)
  return { before, after }
}

export function scoreMatch(
  text: string,
  quote: string,
  m: { start: number; end: number; errors: number },
  ctx: QuoteContext = {},
): number {
  const quoteScore = 1 - m.errors / quote.length
  const { before, after } = contextSimilarity(text, m.start, m.end, ctx.prefix, ctx.suffix)
  // Normalised by the text length as Hypothesis does: position only matters between near-equals.
  const posScore =
    ctx.hint === undefined || text.length === 0 ? 1 : 1 - Math.abs(m.start - ctx.hint) / text.length
  const raw =
    QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * before + SUFFIX_WEIGHT * after + POS_WEIGHT * posScore
  return raw / MAX_WEIGHT
}

export function matchQuote(text: string, quote: string, ctx: QuoteContext = {}): QuoteMatch | null {
  if (quote.length === 0) return null
  const from = Math.max(0, ctx.from ?? 0)
  const to = Math.min(text.length, ctx.to ?? text.length)
  if (to <= from) return null
  const maxErrors = Math.floor(Math.min(256, quote.length / 2, ctx.maxErrors ?? Infinity))
  const haystack = from === 0 && to === text.length ? text : text.slice(from, to)
  const candidates = search(haystack, quote, maxErrors)
  let best: QuoteMatch | null = null
  for (const c of candidates) {
    const m = { start: c.start + from, end: c.end + from, errors: c.errors }
    const score = scoreMatch(text, quote, m, ctx)
    if (!best || score > best.score) best = { ...m, score }
  }
  return best
}
