// Fuzzy term lookup: the index's terms within a Levenshtein distance of a query word, as
// MiniSearch's fuzzyGet finds them (insertions, deletions and substitutions of UTF-16 code
// units). Terms are bucketed by length, so only those of a near length are compared, each by
// Myers' bit-parallel algorithm (Hyyrö's form for the edit distance of whole strings): one
// pass of a few word operations per character. Words longer than 32 units take a banded
// dynamic programme instead.

export class FuzzyMatcher {
  /** Term ids by term length. */
  private readonly byLength: number[][] = []

  constructor(private readonly terms: readonly string[]) {
    for (let t = 0; t < terms.length; t++) this.added(t)
  }

  added(term: number): void {
    const n = this.terms[term].length
    while (this.byLength.length <= n) this.byLength.push([])
    this.byLength[n].push(term)
  }

  /** Term id → distance, for every term within `max` edits of `word` (the word itself too). */
  within(word: string, max: number): Map<number, number> {
    const out = new Map<number, number>()
    const m = word.length
    const distance = m <= 32 && m > 0 ? myers(word) : (t: string) => banded(word, t, max)
    const hi = Math.min(this.byLength.length - 1, m + max)
    for (let n = Math.max(0, m - max); n <= hi; n++)
      for (const t of this.byLength[n]) {
        const d = distance(this.terms[t])
        if (d <= max) out.set(t, d)
      }
    return out
  }
}

/** Edit distance from `word` (1–32 code units) to any text, bit-parallel. */
export function myers(word: string): (text: string) => number {
  const m = word.length
  const ascii = new Int32Array(128)
  const other = new Map<number, number>()
  for (let i = 0; i < m; i++) {
    const c = word.charCodeAt(i)
    if (c < 128) ascii[c] |= 1 << i
    else other.set(c, (other.get(c) ?? 0) | (1 << i))
  }
  const last = 1 << (m - 1)
  const all = m === 32 ? -1 : (1 << m) - 1
  return (text) => {
    let pv = all
    let mv = 0
    let score = m
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j)
      const eq = c < 128 ? ascii[c] : (other.get(c) ?? 0)
      const xv = eq | mv
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq
      let ph = mv | ~(xh | pv)
      let mh = pv & xh
      if (ph & last) score++
      else if (mh & last) score--
      ph = (ph << 1) | 1
      mh <<= 1
      pv = (mh | ~(xv | ph)) & all
      mv = ph & xv & all
    }
    return score
  }
}

/** Edit distance, or `max + 1` when it is larger (only cells within `max` of the diagonal). */
export function banded(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const far = max + 1
  let prev = new Int32Array(b.length + 1).fill(far)
  let cur = new Int32Array(b.length + 1).fill(far)
  for (let j = 0; j <= Math.min(b.length, max); j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur.fill(far)
    if (i <= max) cur[0] = i
    let best = cur[0]
    const lo = Math.max(1, i - max)
    const hi = Math.min(b.length, i + max)
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1)
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1, far)
      if (cur[j] < best) best = cur[j]
    }
    if (best > max) return far
    ;[prev, cur] = [cur, prev]
  }
  return prev[b.length]
}
