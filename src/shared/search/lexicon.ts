// The words of the index: text cut into words exactly as MiniSearch's default tokenizer cuts it
// (split on line breaks, separators and punctuation), each word folded (foldTerm) to a term
// with a number. Words are found by scanning character codes and looked up by hash, so no
// string is made for a word already seen: making and hashing ~1.65 M word strings with
// split() was most of an index build at L. Also the lookups a query needs: terms by prefix
// (a sorted list, built when first asked for) and within an edit distance (fuzzy.ts).
import { foldTerm } from './fold'
import { FuzzyMatcher } from './fuzzy'

/** MiniSearch's default tokenizer. */
const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u
export const splitWords = (text: string): string[] => text.split(SEPARATORS)

export const NO_TERM = -1

/** Separator classes of UTF-16 code units, learnt from the regex as met: 0 unknown, 1 separator, 2 not. */
const UNIT_CLASS = new Uint8Array(65536)
const ASTRAL_CLASS = new Map<number, boolean>()
const ONE_SEPARATOR = /^[\n\r\p{Z}\p{P}]$/u

const isHigh = (c: number): boolean => (c & 0xfc00) === 0xd800
const isLow = (c: number): boolean => (c & 0xfc00) === 0xdc00
const isPair = (text: string, i: number): boolean =>
  isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))

/** Whether the character at i is a separator; a surrogate pair is one code point, as for the u flag. */
function isSeparator(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (isHigh(c) && isPair(text, i)) {
    const cp = text.codePointAt(i)!
    let sep = ASTRAL_CLASS.get(cp)
    if (sep === undefined) ASTRAL_CLASS.set(cp, (sep = ONE_SEPARATOR.test(String.fromCodePoint(cp))))
    return sep
  }
  let k = UNIT_CLASS[c]
  if (k === 0) UNIT_CLASS[c] = k = ONE_SEPARATOR.test(String.fromCharCode(c)) ? 1 : 2
  return k === 1
}

/** Whether split() yields "" for this text: empty, or starting or ending with a separator. */
function yieldsEmpty(text: string): boolean {
  const n = text.length
  if (n === 0 || isSeparator(text, 0)) return true
  return isSeparator(text, n >= 2 && isPair(text, n - 2) ? n - 2 : n - 1)
}

export class Lexicon {
  /** Terms (folded words) by id. */
  readonly terms: string[] = []
  private readonly ids = new Map<string, number>()
  /** Term ids of the last read(), in text order (NO_TERM for a word that folds to nothing). */
  found = new Int32Array(256)
  foundCount = 0

  /**
   * Raw words by id, as written: an open-addressing table of ids + 1, and per id its hash,
   * term and stamp, and its characters in one pool (word w is chars[starts[w]..starts[w + 1]]):
   * comparing there costs no string and no pointer chase.
   */
  private table = new Int32Array(1 << 12)
  private wordCount = 0
  private chars = new Uint16Array(1 << 14)
  private starts = new Int32Array(1024)
  private hashes = new Int32Array(1024)
  private readonly wordTerm: number[] = []
  private stamps = new Int32Array(1024)
  private stamp = 0

  private fuzzy: FuzzyMatcher | null = null
  /** Term ids sorted by term for prefix ranges, built when first asked for; newer terms in `recent`. */
  private sorted: number[] | null = null
  private recent: number[] = []

  /**
   * Takes the terms of a saved index (snapshot.ts), in their id order, into an empty lexicon.
   * Raw words are not saved: each is learnt again when a text is next read, and folds to the
   * term it had (newWord looks the folded word up), so ids stay those of the saved index.
   * False when the terms are not distinct non-empty strings.
   */
  adopt(terms: readonly unknown[]): boolean {
    if (this.terms.length > 0) throw new Error('Lexicon.adopt needs an empty lexicon')
    for (const t of terms) {
      if (typeof t !== 'string' || t === '' || this.ids.has(t)) return false
      this.ids.set(t, this.terms.length)
      this.terms.push(t)
    }
    return true
  }

  /** The term's id, or NO_TERM when no text had it. */
  id(term: string): number {
    return this.ids.get(term) ?? NO_TERM
  }

  /**
   * Reads a text's words into `found`; returns MiniSearch's field length for it: the number
   * of distinct raw words of split(text), "" included.
   */
  read(text: string): number {
    const n = text.length
    const stamp = ++this.stamp
    let distinct = yieldsEmpty(text) ? 1 : 0
    this.foundCount = 0
    let i = 0
    while (i < n) {
      // Each code unit is read once and classed from the table; surrogates (a pair is one
      // code point) and units not met yet go through isSeparator.
      let c = text.charCodeAt(i)
      let k = UNIT_CLASS[c]
      if (k === 0 || (c & 0xf800) === 0xd800) k = isSeparator(text, i) ? 1 : 2
      if (k === 1) {
        i += isPair(text, i) ? 2 : 1
        continue
      }
      const start = i
      let h = 0x811c9dc5
      for (;;) {
        h = Math.imul(h ^ c, 16777619)
        if (++i >= n) break
        c = text.charCodeAt(i)
        k = UNIT_CLASS[c]
        if (k === 0 || (c & 0xf800) === 0xd800) k = isSeparator(text, i) ? 1 : 2
        if (k === 1) break
      }
      const w = this.word(text, start, i, h)
      if (this.stamps[w] !== stamp) {
        this.stamps[w] = stamp
        distinct++
      }
      if (this.foundCount === this.found.length) this.found = grown(this.found)
      this.found[this.foundCount++] = this.wordTerm[w]
    }
    return distinct
  }

  /** Ids of the terms starting with `prefix` (itself included). */
  withPrefix(prefix: string): number[] {
    if (this.sorted === null || this.recent.length > 1024) {
      const terms = this.terms
      this.sorted = terms.map((_, i) => i).sort((a, b) => (terms[a] < terms[b] ? -1 : 1))
      this.recent = []
    }
    const sorted = this.sorted
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.terms[sorted[mid]] < prefix) lo = mid + 1
      else hi = mid
    }
    const out: number[] = []
    for (let i = lo; i < sorted.length && this.terms[sorted[i]].startsWith(prefix); i++) out.push(sorted[i])
    for (const t of this.recent) if (this.terms[t].startsWith(prefix)) out.push(t)
    return out
  }

  /** Terms within `max` edits (Levenshtein over UTF-16 code units, as MiniSearch): term id → distance. */
  withinDistance(term: string, max: number): Map<number, number> {
    this.fuzzy ??= new FuzzyMatcher(this.terms)
    return this.fuzzy.within(term, max)
  }

  /** The id of the raw word text[start, end) with hash h. */
  private word(text: string, start: number, end: number, h: number): number {
    const len = end - start
    const mask = this.table.length - 1
    const { chars, starts, hashes } = this
    probe: for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const w = this.table[slot] - 1
      if (w < 0) {
        const id = this.newWord(text, start, end, h)
        this.table[slot] = id + 1
        if (2 * this.wordCount > this.table.length) this.rehash()
        return id
      }
      if (hashes[w] !== h || starts[w + 1] - starts[w] !== len) continue
      for (let k = 0, at = starts[w]; k < len; k++)
        if (chars[at + k] !== text.charCodeAt(start + k)) continue probe
      return w
    }
  }

  private newWord(text: string, start: number, end: number, h: number): number {
    const w = this.wordCount++
    const folded = foldTerm(text.slice(start, end))
    let term = folded ? this.ids.get(folded) : NO_TERM
    if (term === undefined) {
      term = this.terms.length
      this.terms.push(folded)
      this.ids.set(folded, term)
      this.fuzzy?.added(term)
      if (this.sorted) this.recent.push(term)
    }
    this.wordTerm.push(term)
    if (w + 2 > this.hashes.length) {
      this.hashes = grown(this.hashes)
      this.stamps = grown(this.stamps)
      this.starts = grown(this.starts)
    }
    const at = this.starts[w]
    if (at + end - start > this.chars.length) {
      const chars = new Uint16Array(Math.max(2 * this.chars.length, at + end - start))
      chars.set(this.chars)
      this.chars = chars
    }
    for (let k = start; k < end; k++) this.chars[at + k - start] = text.charCodeAt(k)
    this.starts[w + 1] = at + end - start
    this.hashes[w] = h
    return w
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2)
    const mask = table.length - 1
    for (let w = 0; w < this.wordCount; w++) {
      let slot = this.hashes[w] & mask
      while (table[slot] !== 0) slot = (slot + 1) & mask
      table[slot] = w + 1
    }
    this.table = table
  }
}

/** A copy twice as long (at least `min`). */
export function grown(a: Int32Array, min = 0): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(min, a.length * 2, 16))
  b.set(a)
  return b
}
