// Turns a parsed query into a MiniSearch query tree plus the checks MiniSearch cannot do
// (exact phrases, adjacency). Search cost grows with the number of postings visited, so
// the plan keeps very common words out of the index lookup when something rarer is there.
import type { Query, SearchOptions } from './scorer'
import { KIND_FIELDS } from './docs'
import type { ParsedQuery, SearchKind } from './query'
import { phraseRegex, tokenize } from './snippet'
import type { TagMatcher } from './tags'

/** English function words: present in nearly every block, they cost much and rank nothing. */
const STOPWORDS = new Set(
  'a an and are as at be but by for from had has have he her his i in is it its of on or our she that the their them they this to was we were which will with you'.split(
    ' ',
  ),
)
export const isStop = (words: string): boolean => tokenize(words).every((w) => STOPWORDS.has(w.toLowerCase()))

/**
 * Prefix matching from 3 letters, fuzzy (1 edit per 5 letters) from 4: shorter prefixes,
 * and stop words used as prefixes ("the" → there, these, …), expand to much of the
 * vocabulary and cost more than they find.
 */
export const termOptions: SearchOptions = {
  prefix: (term) => term.length >= 3 && !STOPWORDS.has(term),
  fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
}

export interface Plan {
  query: Query
  /** Quoted phrases: each must occur in a field, or name a tag of the passage (the tokens). */
  required: { re: RegExp; tagTokens: Set<string> }[]
  /** The bare words in a row: documents containing them so rank above scattered matches. */
  adjacent: RegExp | null
  /**
   * Every word the index would be asked for is a stop word (quoted phrases such as "in to
   * for"): scoring would visit nearly every document to rank what has no meaningful order,
   * so such a plan is answered by a scan (stop-words.ts).
   */
  stopOnly: boolean
}

export function planQuery(q: ParsedQuery, tags: TagMatcher, kinds: readonly SearchKind[]): Plan | null {
  const fields = [...new Set(kinds.flatMap((k) => KIND_FIELDS[k]))]
  // Only passages carry tags: other kinds never need the tag lookups.
  const withTags = kinds.includes('passage')
  const groups: Query[] = []
  // Sub-queries inherit combineWith from their parent, so each sets its own.
  const either = (text: Query, tokens: string[]): Query =>
    !withTags || tokens.length === 0
      ? text
      : {
          combineWith: 'OR',
          queries: [
            text,
            { queries: [tokens.join(' ')], fields: ['tags'], combineWith: 'OR', prefix: false, fuzzy: false },
          ],
        }

  // Drop stop words only when a rarer word remains to carry the query.
  const terms =
    q.terms.some((t) => !isStop(t)) || q.phrases.length > 0 ? q.terms.filter((t) => !isStop(t)) : q.terms
  for (const term of terms)
    groups.push(either({ queries: [term], fields, combineWith: 'AND' }, withTags ? tags.forWords(term) : []))

  const required: Plan['required'] = []
  let stopOnly = terms.length === 0
  for (const phrase of q.phrases) {
    const re = phraseRegex(phrase)
    if (!re) continue
    const words = tokenize(phrase)
    const rare = words.filter((w) => !STOPWORDS.has(w.toLowerCase()))
    if (rare.length > 0) stopOnly = false
    const tagTokens = tags.forPhrase(re)
    // Phrase words must match exactly; the regex then checks they are in a row.
    const text: Query = {
      queries: [(rare.length > 0 ? rare : words).join(' ')],
      fields,
      prefix: false,
      fuzzy: false,
      combineWith: 'AND',
    }
    groups.push(either(text, tagTokens))
    required.push({ re, tagTokens: new Set(tagTokens) })
  }
  if (groups.length === 0) return null
  const adjacent = q.terms.length > 1 ? phraseRegex(q.terms.join(' '), true) : null
  return { query: { combineWith: 'AND', queries: groups }, required, adjacent, stopOnly }
}
