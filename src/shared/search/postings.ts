// Our own inverted index: per (term, field) the documents holding the term and how often,
// plus per-document field lengths, read by the BM25 scorer (scorer.ts). It replaced
// MiniSearch in production: building MiniSearch at L (35,500 documents, ~1.65 M words) took
// ~3.3 s, two thirds of it in `addTerm` growing a Map<docId, tf> per term and field, and
// held ~147 MB. Postings live in typed arrays, in three tiers:
// - main: every list back to back (`docs`/`tfs`, list k at offsets[k]..offsets[k+1]);
// - pending: what add() staged, (key, doc, tf) in order of adding, a plain append;
// - delta: small per-list arrays, for the few documents an edit adds between rebuilds.
// Reading settles pending into delta, or rebuilds main with a counting sort (one pass, no
// per-list allocation) when pending, delta or discarded entries have grown large. Documents
// get increasing short ids, so every list stays in document order: main, then delta, then
// pending. Words, terms and field lengths are MiniSearch's (lexicon.ts), so the scores are;
// tests/unit/search keeps MiniSearch as the oracle.
import { grown, Lexicon, NO_TERM } from './lexicon'

export class Postings {
  readonly fieldCount: number
  readonly fieldIds: Readonly<Record<string, number>>
  readonly lexicon = new Lexicon()
  /** Live documents. */
  documentCount = 0
  /** Short ids are handed out in increasing order and never reused; arrays are indexed by them. */
  nextId = 0
  readonly ids: (string | undefined)[] = []
  /** Field lengths, `short * fieldCount + field`. */
  lengths = new Int32Array(0)
  private readonly shortIds = new Map<string, number>()
  /** Sums of the live documents' field lengths: averages are exact, whatever was discarded. */
  private readonly totals: Float64Array

  // Lists are keyed by term * fieldCount + field.
  private offsets = new Int32Array(1)
  docs = new Int32Array(0)
  tfs = new Int32Array(0)
  private readonly delta = new Map<number, number[]>()
  private deltaSize = 0
  private pending = new Int32Array(3 * 4096)
  private pendingCount = 0
  /** Entries of discarded documents still in main or delta, per list and in all. */
  private dead = new Int32Array(0)
  private deadTotal = 0

  /** Each document's list keys, to count its entries dead on discard. */
  private keys = new Int32Array(1 << 16)
  private keyCount = 0
  private keyStart = new Int32Array(0)
  private keyEnd = new Int32Array(0)
  private deadKeys = 0
  /** Per list key, for counting term frequencies within one document. */
  private tf = new Int32Array(0)
  private seen = new Int32Array(0)
  private touched = new Int32Array(256)

  constructor(fields: readonly string[]) {
    this.fieldCount = fields.length
    this.fieldIds = Object.fromEntries(fields.map((f, i) => [f, i]))
    this.totals = new Float64Array(fields.length)
  }

  get terms(): readonly string[] {
    return this.lexicon.terms
  }

  avgFieldLength(field: number): number {
    return this.documentCount === 0 ? 0 : this.totals[field] / this.documentCount
  }

  /** Adds a document; `values` are its fields' texts in the order of the constructor's fields. */
  add(id: string, values: readonly (string | undefined)[]): void {
    if (this.shortIds.has(id)) throw new Error(`search index: duplicate id ${id}`)
    const doc = this.nextId++
    this.grow(doc)
    this.ids[doc] = id
    this.shortIds.set(id, doc)
    this.documentCount++
    const F = this.fieldCount
    const lex = this.lexicon
    let touched = 0
    for (let f = 0; f < F; f++) {
      const length = lex.read(values[f] ?? '')
      this.lengths[doc * F + f] = length
      this.totals[f] += length
      if (lex.terms.length * F > this.seen.length) this.widenScratch(lex.terms.length * F)
      const found = lex.found
      for (let j = 0; j < lex.foundCount; j++) {
        if (found[j] === NO_TERM) continue
        const key = found[j] * F + f
        if (this.seen[key] === doc + 1) {
          this.tf[key]++
          continue
        }
        this.seen[key] = doc + 1
        this.tf[key] = 1
        if (touched === this.touched.length) this.touched = grown(this.touched)
        this.touched[touched++] = key
      }
    }
    if (this.pendingCount * 3 + touched * 3 > this.pending.length)
      this.pending = grown(this.pending, this.pendingCount * 3 + touched * 3)
    if (this.keyCount + touched > this.keys.length) this.keys = grown(this.keys, this.keyCount + touched)
    this.keyStart[doc] = this.keyCount
    for (let j = 0; j < touched; j++) {
      const key = this.touched[j]
      const p = this.pendingCount++ * 3
      this.pending[p] = key
      this.pending[p + 1] = doc
      this.pending[p + 2] = this.tf[key]
      this.keys[this.keyCount++] = key
    }
    this.keyEnd[doc] = this.keyCount
  }

  /** Removes a document; false when it is not in the index. */
  discard(id: string): boolean {
    const doc = this.shortIds.get(id)
    if (doc === undefined) return false
    // Its entries must be in main or delta to be counted dead there.
    if (this.pendingCount > 0) this.flush()
    this.shortIds.delete(id)
    this.ids[doc] = undefined
    this.documentCount--
    const F = this.fieldCount
    for (let f = 0; f < F; f++) this.totals[f] -= this.lengths[doc * F + f]
    if (this.dead.length < this.lexicon.terms.length * F)
      this.dead = grown(this.dead, this.lexicon.terms.length * F)
    for (let k = this.keyStart[doc]; k < this.keyEnd[doc]; k++) this.dead[this.keys[k]]++
    const n = this.keyEnd[doc] - this.keyStart[doc]
    this.deadTotal += n
    this.deadKeys += n
    if (this.deadKeys > 65536 && this.deadKeys > this.keyCount / 2) this.compactKeys()
    return true
  }

  /** Brings staged documents into the lists read below; call before reading them. */
  settle(): void {
    if (this.pendingCount > 0 || this.deadTotal > this.rebuildAt()) this.flush()
  }

  /** The list's entries in main: docs/tfs from start(key) to end(key). */
  start(key: number): number {
    return key + 1 < this.offsets.length ? this.offsets[key] : 0
  }

  end(key: number): number {
    return key + 1 < this.offsets.length ? this.offsets[key + 1] : 0
  }

  /** The list's later entries, [doc, tf, doc, tf, …]. */
  extra(key: number): number[] | undefined {
    return this.delta.get(key)
  }

  /** Entries of discarded documents in the list (skip documents whose id is undefined). */
  deadIn(key: number): number {
    return key < this.dead.length ? this.dead[key] : 0
  }

  /** Live documents holding the term in the field. */
  count(key: number): number {
    return this.end(key) - this.start(key) + (this.delta.get(key)?.length ?? 0) / 2 - this.deadIn(key)
  }

  /** Whether the list holds `doc` (binary search: documents ascend). */
  holds(key: number, doc: number): boolean {
    let lo = this.start(key)
    let hi = this.end(key)
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.docs[mid] === doc) return true
      if (this.docs[mid] < doc) lo = mid + 1
      else hi = mid
    }
    const extra = this.delta.get(key)
    if (!extra) return false
    for (let r = 0; r < extra.length; r += 2) if (extra[r] === doc) return true
    return false
  }

  private rebuildAt(): number {
    return Math.max(4096, (this.docs.length + this.deltaSize) >> 3)
  }

  private flush(): void {
    if (this.pendingCount + this.deltaSize > this.rebuildAt() || this.deadTotal > this.rebuildAt()) {
      this.rebuild()
      return
    }
    const p = this.pending
    for (let j = 0; j < this.pendingCount * 3; j += 3) {
      let list = this.delta.get(p[j])
      if (!list) this.delta.set(p[j], (list = []))
      list.push(p[j + 1], p[j + 2])
    }
    this.deltaSize += this.pendingCount
    this.pendingCount = 0
  }

  /** All live entries into main, by a counting sort on the list key; delta and pending emptied. */
  private rebuild(): void {
    const K = this.lexicon.terms.length * this.fieldCount
    const alive = (doc: number): boolean => this.ids[doc] !== undefined
    const offsets = new Int32Array(K + 1)
    const oldK = this.offsets.length - 1
    for (let key = 0; key < oldK; key++) {
      const s = this.offsets[key]
      const e = this.offsets[key + 1]
      if (this.deadIn(key) === 0) offsets[key + 1] += e - s
      else for (let r = s; r < e; r++) if (alive(this.docs[r])) offsets[key + 1]++
    }
    for (const [key, list] of this.delta)
      for (let r = 0; r < list.length; r += 2) if (alive(list[r])) offsets[key + 1]++
    const p = this.pending
    for (let j = 0; j < this.pendingCount * 3; j += 3) offsets[p[j] + 1]++
    for (let key = 0; key < K; key++) offsets[key + 1] += offsets[key]

    const docs = new Int32Array(offsets[K])
    const tfs = new Int32Array(offsets[K])
    const at = offsets.slice(0, K)
    for (let key = 0; key < oldK; key++)
      for (let r = this.offsets[key]; r < this.offsets[key + 1]; r++) {
        if (!alive(this.docs[r])) continue
        docs[at[key]] = this.docs[r]
        tfs[at[key]++] = this.tfs[r]
      }
    for (const [key, list] of this.delta)
      for (let r = 0; r < list.length; r += 2) {
        if (!alive(list[r])) continue
        docs[at[key]] = list[r]
        tfs[at[key]++] = list[r + 1]
      }
    for (let j = 0; j < this.pendingCount * 3; j += 3) {
      const key = p[j]
      docs[at[key]] = p[j + 1]
      tfs[at[key]++] = p[j + 2]
    }
    this.offsets = offsets
    this.docs = docs
    this.tfs = tfs
    this.delta.clear()
    this.deltaSize = 0
    this.pendingCount = 0
    if (this.pending.length > 3 * 65536) this.pending = new Int32Array(3 * 4096)
    this.dead = new Int32Array(K)
    this.deadTotal = 0
  }

  private widenScratch(min: number): void {
    this.tf = grown(this.tf, min)
    this.seen = grown(this.seen, min)
  }

  /** Drops the keys of discarded documents (they pile up with edits over a long session). */
  private compactKeys(): void {
    const keys = new Int32Array(Math.max(1 << 16, this.keyCount - this.deadKeys))
    let n = 0
    for (let d = 0; d < this.nextId; d++) {
      const start = n
      if (this.ids[d] !== undefined) {
        keys.set(this.keys.subarray(this.keyStart[d], this.keyEnd[d]), n)
        n += this.keyEnd[d] - this.keyStart[d]
      }
      this.keyStart[d] = start
      this.keyEnd[d] = n
    }
    this.keys = keys
    this.keyCount = n
    this.deadKeys = 0
  }

  private grow(doc: number): void {
    if (doc < this.keyStart.length) return
    this.keyStart = grown(this.keyStart, doc + 1)
    this.keyEnd = grown(this.keyEnd, doc + 1)
    this.lengths = grown(this.lengths, this.keyStart.length * this.fieldCount)
  }
}
