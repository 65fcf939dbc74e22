// Turns a parsed query into a MiniSearch query tree plus the checks MiniSearch cannot do
// (exact phrases, adjacency). Search cost grows with the number of postings visited, so
// the plan keeps very common words out of the index lookup when something rarer is there.
import type { Query, SearchOptions } from './scorer'
import { KIND_FIELDS } from './docs'
import type { ParsedQuery, SearchKind } from './query'
import { phraseRegex, tokenize } from './snippet'
import type { TagMatcher } from './tags'
import type { EntityNames } from './entity-names'

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
  /** The other names of entities the query names, to mark in results wherever they occur. */
  names: RegExp[]
  /**
   * Every word the index would be asked for is a stop word (quoted phrases such as "in to
   * for"): scoring would visit nearly every document to rank what has no meaningful order,
   * so such a plan is answered by a scan (stop-words.ts).
   */
  stopOnly: boolean
}

/**
 * `names`: the notebook's entity names; a bare word (or words in a row) naming an entity also
 * matches the entity's other names (entity-names.ts). Phrases are not expanded: quoting asks
 * for those exact words.
 */
export function planQuery(
  q: ParsedQuery,
  tags: TagMatcher,
  kinds: readonly SearchKind[],
  names?: EntityNames,
): Plan | null {
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
  const dropStops = q.terms.some((t) => !isStop(t)) || q.phrases.length > 0
  const runs = names?.find(q.terms) ?? []
  let terms = 0
  const otherNames: RegExp[] = []
  for (let i = 0, r = 0; i < q.terms.length;) {
    const run = runs[r]?.start === i ? runs[r++] : null
    const typed = q.terms.slice(i, (i += run?.count ?? 1))
    const words = dropStops && typed.some((t) => !isStop(t)) ? typed.filter((t) => !isStop(t)) : typed
    if (dropStops && words.every(isStop)) continue
    terms++
    const text = words.join(' ')
    const typedQuery: Query = { queries: [text], fields, combineWith: 'AND' }
    for (const re of run?.others.map((name) => phraseRegex(name)) ?? []) if (re) otherNames.push(re)
    groups.push(
      either(
        run ? withNames(typedQuery, text, run.others, fields) : typedQuery,
        withTags ? tags.forWords(text) : [],
      ),
    )
  }

  const required: Plan['required'] = []
  let stopOnly = terms === 0
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
  return { query: { combineWith: 'AND', queries: groups }, required, adjacent, stopOnly, names: otherNames }
}

/**
 * The typed words or any other name of the entity they name. The other names match exactly,
 * word for word: the user typed a whole name, not a fragment, and a name is a spelling the
 * user chose; prefix and fuzzy matching of each alias would also reach words nobody meant
 * ("Harir" → "hair", "BIAP" → "bias") and cost a vocabulary scan per alias and keystroke.
 */
function withNames(typed: Query, text: string, others: readonly string[], fields: string[]): Query {
  const exact = (words: string): Query => ({
    queries: [words],
    fields,
    combineWith: 'AND',
    prefix: false,
    fuzzy: false,
  })
  // Scoring multiplies by the number of query words a document matched, so a document with
  // both spellings (the tag "Harir (Hareer)") would count twice and rank above the passages
  // saying one: the other names count only where the typed words are absent. Absent as typed,
  // exactly: excluding their prefix and fuzzy matches would walk all of those postings again.
  const rest: Query = { combineWith: 'OR', queries: others.map((name) => exact(wordsOf(name))) }
  return { combineWith: 'OR', queries: [typed, { combineWith: 'AND_NOT', queries: [rest, exact(text)] }] }
}

/** A name's words, without its stop words when others remain ("Kurdistan Region of Iraq"). */
function wordsOf(name: string): string {
  const words = tokenize(name)
  const rare = words.filter((w) => !STOPWORDS.has(w.toLowerCase()))
  return (rare.length > 0 ? rare : words).join(' ')
}
