// Bring stored annotations up to date with a source whose text changed. Pure: returns new
// objects only for annotations that changed, so callers can diff by identity.
import search from 'approx-string-match'
import { LIMITS, type Annotation } from '../schema'
import { anchorTarget, type AnchorOptions } from './anchor'
import { describeRange } from './describe'

export interface ReanchorOptions extends AnchorOptions {
  /** Re-anchor even annotations whose anchoredHash already equals the text's hash. */
  force?: boolean
}
export interface ReanchorResult {
  annotations: Annotation[]
  /** Ids returned as a new object, i.e. to be saved: re-anchored, or newly orphaned. */
  changed: string[]
  /** Ids that could not be found (new or old orphans); their target is kept so nothing is lost. */
  orphaned: string[]
}

export function reanchorAnnotations(
  text: string,
  hash: string,
  annotations: Annotation[],
  opts: ReanchorOptions = {},
): ReanchorResult {
  const changed: string[] = []
  const orphaned: string[] = []
  const out = annotations.map((a) => {
    // Orphans are retried even at a matching hash: the text may have been restored (undo).
    if (!opts.force && a.anchoredHash === hash && a.status === 'anchored') return a
    const hit = anchorTarget(text, a.target, opts)
    // A fuzzy match may run a few characters longer than the quote; never past what can be saved.
    const found = hit && hit.end - hit.start <= LIMITS.quoteChars ? hit : null
    if (!found) {
      orphaned.push(a.id)
      if (a.status === 'orphaned') return a
      changed.push(a.id)
      return { ...a, status: 'orphaned' as const }
    }
    changed.push(a.id)
    // Recomputed from the text as it is now, so the next re-anchor starts from fresh context.
    return {
      ...a,
      target: describeRange(text, found.start, found.end),
      anchoredHash: hash,
      status: 'anchored' as const,
    }
  })
  return { annotations: out, changed, orphaned }
}

/**
 * The naive baseline the benchmark compares against: approximate search of the quote over the
 * whole text, no position hint, no context, best = fewest errors (first such hit).
 */
export function anchorWithoutHint(
  text: string,
  quote: string,
): { start: number; end: number; errors: number } | null {
  if (quote.length === 0) return null
  const matches = search(text, quote, Math.floor(Math.min(256, quote.length / 2)))
  let best: { start: number; end: number; errors: number } | null = null
  for (const m of matches) if (!best || m.errors < best.errors) best = m
  return best ? { start: best.start, end: best.end, errors: best.errors } : null
}
