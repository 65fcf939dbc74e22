// Phrase matching and result snippets. Tokens are found with the same separator class as
// MiniSearch's default tokenizer, so a word that matched in the index is marked here too.
import { foldTerm } from './fold'

export interface Snippet {
  text: string
  marks: [number, number][]
}

const TOK = String.raw`[^\n\r\p{Z}\p{P}]`
const TOKEN = new RegExp(`${TOK}+`, 'gu')
export const SNIPPET_CHARS = 160
const LEAD = 50

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? []
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')

/** Between phrase words: spaces and word joiners (hyphens, slash, underscore), never a line
 * break or clause punctuation. Where the user typed punctuation ("U.S. troops") any goes. */
const SOFT_GAP = String.raw`[\p{Zs}\t\-\u2010\u2011_/]+`
const ANY_GAP = String.raw`[\p{Zs}\t\p{P}]+`

/**
 * A case-insensitive regex for a word sequence: whole words, in a row, so "ain al asad"
 * matches "Ain al-Asad" but "second phase" matches neither "second.\nPhase" nor "second, phase". With `openEnd`
 * the last word may be a prefix, for phrases still being typed. Null when there are no words.
 * Global (for scanning from an offset): test it with `hasPhrase`, which resets lastIndex.
 */
export function phraseRegex(phrase: string, openEnd = false): RegExp | null {
  // matchAll copies the regex's lastIndex, which nextMark() leaves mid-string: use a fresh one.
  const words = [...phrase.matchAll(new RegExp(TOKEN.source, 'gu'))]
  if (words.length === 0) return null
  let source = ''
  words.forEach((w, k) => {
    if (k > 0) {
      const gap = phrase.slice(words[k - 1].index + words[k - 1][0].length, w.index)
      source += /^\s*$/u.test(gap) ? SOFT_GAP : ANY_GAP
    }
    source += escape(w[0])
  })
  return new RegExp(`(?<!${TOK})${source}${openEnd ? '' : `(?!${TOK})`}`, 'giu')
}

export function hasPhrase(re: RegExp, text: string): boolean {
  re.lastIndex = 0
  return re.test(text)
}

/** First [start, end) of a matched term or phrase at or after `from`, or null. */
function nextMark(
  text: string,
  from: number,
  terms: ReadonlySet<string>,
  phrases: readonly RegExp[],
): [number, number] | null {
  let best: [number, number] | null = null
  TOKEN.lastIndex = from
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (terms.has(foldTerm(m[0]))) {
      best = [m.index, m.index + m[0].length]
      break
    }
  }
  for (const re of phrases) {
    re.lastIndex = from
    const m = re.exec(text)
    if (m && (!best || m.index < best[0] || (m.index === best[0] && m.index + m[0].length > best[1])))
      best = [m.index, m.index + m[0].length]
  }
  return best
}

/**
 * ≈160 characters around the first match, with the matched words/phrases marked in
 * snippet coordinates. `first` is the first match in `text` coordinates (for scrolling).
 * Scans only up to the end of the window, so long notes cost no more than short ones.
 */
export function buildSnippet(
  text: string,
  terms: ReadonlySet<string>,
  phrases: readonly RegExp[],
): Snippet & { first?: [number, number] } {
  const first = nextMark(text, 0, terms, phrases) ?? undefined
  let start = Math.max(0, (first?.[0] ?? 0) - LEAD)
  // Start on a word boundary rather than mid-word.
  if (start > 0) {
    const space = text.slice(start, first?.[0] ?? start + LEAD).search(/\s/u)
    start = space === -1 ? start : start + space + 1
  }
  let end = Math.min(text.length, start + SNIPPET_CHARS)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > (first?.[1] ?? start)) end = space
  }
  const pre = start > 0 ? '…' : ''
  const marks: [number, number][] = []
  for (let m = first ?? null; m && m[0] < end; m = nextMark(text, m[1], terms, phrases)) {
    const s = m[0] - start + pre.length
    const e = Math.min(m[1], end) - start + pre.length
    const last = marks[marks.length - 1]
    // Phrases and their own words overlap: merge rather than report nested ranges.
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else marks.push([s, e])
  }
  const body = text.slice(start, end).replace(/[\n\r]/gu, ' ')
  return { text: pre + body + (end < text.length ? '…' : ''), marks, first }
}
