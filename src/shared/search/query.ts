// The search box language: bare words, "quoted phrases" and a few operators
// (tag:, source:, is:, kind:, grade:). Parsing never throws: whatever the user typed mid-edit
// must still produce a usable query, so problems are reported in `errors` instead.

import { parseGradeFilter, type GradeFilter } from '../views/grades'

export type SearchKind = 'source' | 'passage' | 'note' | 'tag'
export const KINDS: readonly SearchKind[] = ['source', 'passage', 'note', 'tag']

export interface QueryFilters {
  /** Tag paths; a passage matches "base" through "base" itself or any "base/…" tag. All must match. */
  tags: string[]
  /** Source title fragments or ids; any may match. */
  sources: string[]
  orphaned?: boolean
  untagged?: boolean
  /** Admiralty grades, all of which a passage must match (`grade:B2`, `grade:<=C3`). */
  grades?: GradeFilter[]
  kinds?: SearchKind[]
}

export interface ParsedQuery {
  terms: string[]
  phrases: string[]
  filters: QueryFilters
  errors?: string[]
}

/** A term without a letter or digit cannot match anything (the index drops punctuation). */
const MEANINGFUL = /[\p{L}\p{N}]/u
const SPACE = /\s/u

export function parseQuery(input: string): ParsedQuery {
  const out: ParsedQuery = { terms: [], phrases: [], filters: { tags: [], sources: [] } }
  const errors: string[] = []
  const text = typeof input === 'string' ? input : ''
  let i = 0

  /** Reads a quoted string starting at the opening quote; an unclosed quote runs to the end. */
  const readQuoted = (): string => {
    const close = text.indexOf('"', i + 1)
    const end = close === -1 ? text.length : close
    if (close === -1) errors.push('unbalanced quote: the rest of the query is read as a phrase')
    const value = text.slice(i + 1, end)
    i = end + 1
    return value.replace(/\s+/gu, ' ').trim()
  }

  while (i < text.length) {
    if (SPACE.test(text[i])) {
      i++
      continue
    }
    if (text[i] === '"') {
      const phrase = readQuoted()
      if (MEANINGFUL.test(phrase)) out.phrases.push(phrase)
      continue
    }
    let end = i
    while (end < text.length && !SPACE.test(text[end]) && text[end] !== '"') end++
    const raw = text.slice(i, end)
    i = end
    const colon = raw.indexOf(':')
    if (colon <= 0) {
      addTerm(out, raw)
      continue
    }
    const key = raw.slice(0, colon).toLowerCase()
    if (!isOperator(key)) {
      addTerm(out, raw)
      continue
    }
    // `tag:"name with spaces"`: the value is the quoted string right after the colon.
    let value = raw.slice(colon + 1)
    if (value === '' && text[i] === '"') value = readQuoted()
    if (value === '') {
      errors.push(`${key}: needs a value, as in ${EXAMPLE[key]}`)
      continue
    }
    applyOperator(out, key, value, raw, errors)
  }
  if (errors.length > 0) out.errors = errors
  return out
}

type OperatorKey = 'tag' | 'source' | 'is' | 'kind' | 'grade'
const EXAMPLE: Record<OperatorKey, string> = {
  tag: 'tag:base/harir',
  source: 'source:apnews',
  is: 'is:orphaned or is:untagged',
  kind: 'kind:note',
  grade: 'grade:B2',
}
function isOperator(key: string): key is OperatorKey {
  return key === 'tag' || key === 'source' || key === 'is' || key === 'kind' || key === 'grade'
}

function addTerm(out: ParsedQuery, word: string): void {
  if (MEANINGFUL.test(word)) out.terms.push(word)
}

function applyOperator(
  out: ParsedQuery,
  key: OperatorKey,
  value: string,
  raw: string,
  errors: string[],
): void {
  const f = out.filters
  if (key === 'tag') f.tags.push(value.replace(/^\/+|\/+$/gu, ''))
  else if (key === 'source') f.sources.push(value)
  else if (key === 'grade') {
    const grade = parseGradeFilter(value)
    if ('error' in grade) errors.push(grade.error)
    else f.grades = [...(f.grades ?? []), grade]
  } else if (key === 'is') {
    const v = value.toLowerCase()
    if (v === 'orphaned') f.orphaned = true
    else if (v === 'untagged') f.untagged = true
    else {
      // Not an operator we know: search for the words rather than silently dropping them.
      errors.push(`unknown is:${value} (use is:orphaned or is:untagged)`)
      addTerm(out, raw)
    }
  } else {
    const v = value.toLowerCase().replace(/s$/u, '') as SearchKind
    if (KINDS.includes(v)) f.kinds = [...(f.kinds ?? []), v]
    else errors.push(`unknown kind:${value} (use ${KINDS.join(', ')})`)
  }
}

/** True when the query names a filter that restricts results (used for operator-only queries). */
export function hasFilters(f: QueryFilters): boolean {
  return (
    f.tags.length > 0 ||
    f.sources.length > 0 ||
    f.orphaned === true ||
    f.untagged === true ||
    (f.grades?.length ?? 0) > 0
  )
}
