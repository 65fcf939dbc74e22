// Find where a stored target sits in a (possibly edited) text. Cheapest check first: the old
// position, then exact occurrences of the quote, and only then approximate search, which is
// confined to a window around the old position unless that fails.
import type { Target } from '../schema'
import { contextSimilarity, matchQuote, scoreMatch, type QuoteMatch } from './match-quote'

export type AnchorStrategy = 'position' | 'exact' | 'fuzzy'
export interface AnchorResult {
  start: number
  end: number
  strategy: AnchorStrategy
  /** 0..1 as computed by scoreMatch; 1 for an untouched position. */
  score: number
}
/** Overrides for MIN_SCORE and MAX_ERROR_RATE (tests, tuning); the defaults are the policy. */
export interface AnchorOptions {
  minScore?: number
  maxErrorRate?: number
}

/**
 * A fuzzy match must reach this combined score (quote 50, context 40, position 2 out of 92).
 * A passage edited in place keeps its context (score ≥ 0.9 at 15% quote errors); text around a
 * lookalike elsewhere matches the stored context at ≈ 0.25–0.45 per side (measured on the seed
 * article), so one with 10% quote errors scores ≈ 0.6–0.7.
 */
export const MIN_SCORE = 0.75
/**
 * ...and the quote itself may differ by at most this share of its characters (edit distance):
 * room for typo fixes and a corrected date, the strict end of the usual 15–25% because an orphan
 * is visible and re-attachable while a wrong attachment is silent ("Iraq until 2026" → "Syria
 * until 2026" is 3 errors in 15 characters: orphaned).
 */
export const MAX_ERROR_RATE = 0.15
/**
 * When no verbatim occurrence has an intact side of context, one this long is still taken to be
 * the passage itself, moved (a paragraph pasted elsewhere). A shorter one ("Iraq") is orphaned.
 */
export const DISTINCT_QUOTE_CHARS = 32
/**
 * A fuzzy match, or an exact match of a short quote, needs one side of its context (prefix or
 * suffix) at least this similar to the stored one. Text at random scores ≈ 0.3 (0.7 at most over
 * 2,000 samples from the seed article); a paraphrase elsewhere ("to conclude the U.S. military
 * mission in Iraq" for "to conclude its military mission in Iraq") ≈ 0.6–0.7 on both sides. A
 * passage edited or moved keeps at least one side whole.
 */
export const MIN_INTACT_SIDE = 0.8
/** Fuzzy search first looks this far (plus twice the quote length) either side of the old spot. */
const WINDOW_CHARS = 2000

export function anchorTarget(text: string, target: Target, opts: AnchorOptions = {}): AnchorResult | null {
  const { exact, prefix, suffix } = target.quote
  if (exact.length === 0) return null
  const hint = target.position.start
  const byPosition = anchorByPosition(text, exact, prefix, suffix, hint)
  if (byPosition) return byPosition
  // Edits move text by little, so look near the old position first: any credible occurrence
  // there is nearer than all others (see anchorExact), and the scan is short.
  const [from, to] = around(text, hint, exact.length)
  const near = anchorExact(text, exact, prefix, suffix, hint, from, to, false)
  if (near) return near
  if (text.includes(exact)) {
    const hit = anchorExact(text, exact, prefix, suffix, hint, 0, text.length, true)
    if (hit) return hit
    // Every verbatim copy was rejected, yet approx-string-match reports only the lowest-error
    // hits, so it would find nothing else: blank them out (same length keeps the offsets).
    const masked = text.split(exact).join('\u0000'.repeat(exact.length))
    return anchorFuzzy(masked, exact, prefix, suffix, hint, opts)
  }
  return anchorFuzzy(text, exact, prefix, suffix, hint, opts)
}

/** The old offsets still hold the quote and at least one side of its context is intact. */
function anchorByPosition(
  text: string,
  exact: string,
  prefix: string,
  suffix: string,
  hint: number,
): AnchorResult | null {
  const end = hint + exact.length
  if (!text.startsWith(exact, hint)) return null
  // Checking context guards against a repeat of the quote having slid into the old offsets.
  if (!text.endsWith(prefix, hint) && !text.startsWith(suffix, end)) return null
  return { start: hint, end, strategy: 'position', score: 1 }
}

/** The window searched first: the old span plus WINDOW_CHARS and twice the quote's length each side. */
function around(text: string, hint: number, length: number): [number, number] {
  const reach = length * 2 + WINDOW_CHARS
  return [Math.max(0, hint - reach), Math.min(text.length, hint + length + reach)]
}

/** Occurrences of `exact` inside text[from, to); `global` allows the best-context fallback. */
function anchorExact(
  text: string,
  exact: string,
  prefix: string,
  suffix: string,
  hint: number,
  from: number,
  to: number,
  global: boolean,
): AnchorResult | null {
  const starts: number[] = []
  for (let i = text.indexOf(exact, from); i !== -1 && i + exact.length <= to; i = text.indexOf(exact, i + 1))
    starts.push(i)
  // Context says which occurrences are credible (one side intact); among those the nearest to
  // the old position wins. Ranking by context alone would let an identical twin elsewhere win
  // as soon as an edit touched our own context. Nearest first, so we can stop at the first.
  starts.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint))
  let pick = -1
  let bestContext = -1 // long quotes whose both sides changed: best average context instead
  for (const start of starts) {
    const { before, after } = contextSimilarity(text, start, start + exact.length, prefix, suffix)
    if (Math.max(before, after) >= MIN_INTACT_SIDE) {
      pick = start
      break
    }
    if (global && exact.length >= DISTINCT_QUOTE_CHARS && before + after > bestContext) {
      bestContext = before + after
      pick = start
    }
  }
  if (pick < 0) return null
  const m = { start: pick, end: pick + exact.length, errors: 0 }
  return { ...m, strategy: 'exact', score: scoreMatch(text, exact, m, { hint, prefix, suffix }) }
}

function anchorFuzzy(
  text: string,
  exact: string,
  prefix: string,
  suffix: string,
  hint: number,
  opts: AnchorOptions,
): AnchorResult | null {
  const minScore = opts.minScore ?? MIN_SCORE
  const maxErrors = Math.floor(exact.length * (opts.maxErrorRate ?? MAX_ERROR_RATE))
  if (maxErrors < 1) return null // too short to tell a typo fix from a different word
  const ok = (m: QuoteMatch | null): m is QuoteMatch => {
    if (m === null || m.errors > maxErrors || m.score < minScore) return false
    const { before, after } = contextSimilarity(text, m.start, m.end, prefix, suffix)
    return Math.max(before, after) >= MIN_INTACT_SIDE
  }
  const ctx = { hint, prefix, suffix, maxErrors }
  const [from, to] = around(text, hint, exact.length)
  let m = matchQuote(text, exact, { ...ctx, from, to })
  // The passage may have moved far (or the hint be stale): one whole-text search, same bar.
  if (!ok(m) && (from > 0 || to < text.length)) m = matchQuote(text, exact, ctx)
  return ok(m) ? { start: m.start, end: m.end, strategy: 'fuzzy', score: m.score } : null
}
