// Stand-off anchoring of passages in a source's plain text (see shared/plain-text.ts).
export { describeRange, splitBetween, CONTEXT_CHARS } from './describe'
export {
  matchQuote,
  scoreMatch,
  similarity,
  contextSimilarity,
  type QuoteContext,
  type QuoteMatch,
} from './match-quote'
export {
  anchorTarget,
  MIN_SCORE,
  MAX_ERROR_RATE,
  DISTINCT_QUOTE_CHARS,
  MIN_INTACT_SIDE,
  type AnchorResult,
  type AnchorStrategy,
  type AnchorOptions,
} from './anchor'
export { reanchorAnnotations, anchorWithoutHint, type ReanchorOptions, type ReanchorResult } from './reanchor'
