// A query of stop words only ("the", "of the") matches nearly every document. MiniSearch
// would score every one of them to rank what has no meaningful order — 50–100 ms at 20,000
// passages (bench/figures/search.ts), on each keystroke in the search box. Such a query
// takes the first documents holding every word instead, in index order: it visits about
// `limit` documents, since nearly all match.
import type { Hit } from './scorer'
import { KIND_FIELDS, type IndexDoc } from './docs'
import { isStop, type Plan } from './plan'
import type { ParsedQuery, SearchKind } from './query'
import { hitResult, type ResultContext, type SearchResult } from './results'
import { hasPhrase, phraseRegex, tokenize } from './snippet'

export function isStopWordQuery(q: ParsedQuery): boolean {
  return q.phrases.length === 0 && q.terms.length > 0 && q.terms.every(isStop)
}

export function scanStopWords(
  docs: Iterable<IndexDoc>,
  terms: readonly string[],
  kinds: readonly SearchKind[],
  accept: ((doc: IndexDoc) => boolean) | null,
  limit: number,
  ctx: ResultContext,
): SearchResult[] {
  const words = [...new Set(terms.flatMap(tokenize).map((w) => w.toLowerCase()))]
  const res = words.map((w) => phraseRegex(w)).filter((re): re is RegExp => re !== null)
  const out: SearchResult[] = []
  for (const doc of docs) {
    if (out.length >= limit) break
    if (!kinds.includes(doc.kind) || (accept && !accept(doc))) continue
    const fields = KIND_FIELDS[doc.kind]
    if (!res.every((re) => fields.some((f) => hasPhrase(re, doc[f])))) continue
    const found = fields.filter((f) => res.some((re) => hasPhrase(re, doc[f])))
    // Shaped like a MiniSearch hit, so the snippet marks the words as for any other query.
    const hit = {
      id: doc.id,
      score: 1,
      terms: words,
      queryTerms: words,
      match: Object.fromEntries(words.map((w) => [w, found])),
    } as Hit
    out.push(hitResult(doc, hit, 1, [], ctx))
  }
  return out
}

/**
 * Quoted phrases made only of stop words ("in to for"): the documents holding every phrase
 * (in their text, or naming one of the passage's tags, as the ranked search accepts), in
 * index order. A rare such phrase scans every document once — a regex test per field, a few
 * milliseconds at 20,000 passages — where scoring its words visited every posting of the
 * commonest words in the notebook (~200 ms; docs/PERFORMANCE.md).
 */
export function scanStopPhrases(
  docs: Iterable<IndexDoc>,
  required: Plan['required'],
  kinds: readonly SearchKind[],
  accept: ((doc: IndexDoc) => boolean) | null,
  limit: number,
  ctx: ResultContext,
): SearchResult[] {
  const out: SearchResult[] = []
  for (const doc of docs) {
    if (out.length >= limit) break
    if (!kinds.includes(doc.kind) || (accept && !accept(doc))) continue
    const fields = KIND_FIELDS[doc.kind]
    const tags = doc.tags ? doc.tags.split(' ') : []
    const ok = required.every(
      (p) => fields.some((f) => hasPhrase(p.re, doc[f])) || tags.some((t) => p.tagTokens.has(t)),
    )
    if (!ok) continue
    const found = fields.filter((f) => required.some((p) => hasPhrase(p.re, doc[f])))
    const hit: Hit = {
      id: doc.id,
      doc: doc.short,
      score: 1,
      terms: [],
      queryTerms: [],
      match: { phrase: found },
    }
    out.push(
      hitResult(
        doc,
        hit,
        1,
        required.map((p) => p.re),
        ctx,
      ),
    )
  }
  return out
}
