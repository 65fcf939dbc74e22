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

/** What a saved index holds of the postings (snapshot.ts writes and checks it). */
export interface SavedPostings {
  terms: readonly string[]
  /** Each short id's document id; undefined where a document was discarded (not saved). */
  ids: readonly (string | undefined)[]
  nextId: number
  /** Field lengths, `short * fieldCount + field`, for nextId documents. */
  lengths: Int32Array
  /** Where each list (term * fieldCount + field) starts in docs/tfs, terms × fields + 1 of them. */
  offsets: Int32Array
  docs: Int32Array
  tfs: Int32Array
}

const CHUNK = 1 << 16
const EMPTY_CHUNK = new Int32Array(0)

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
  lengths: Int32Array = new Int32Array(0)
  /** Sums of the live documents' field lengths: averages are exact, whatever was discarded. */
  private readonly totals: Float64Array

  // Lists are keyed by term * fieldCount + field.
  private offsets: Int32Array = new Int32Array(1)
  docs: Int32Array = new Int32Array(0)
  tfs: Int32Array = new Int32Array(0)
  private readonly delta = new Map<number, number[]>()
  private deltaSize = 0
  /** (key, doc, tf) triples in chunks of CHUNK entries: growing never copies. */
  private pending: Int32Array[] = []
  private pendingCount = 0
  /** Entries of discarded documents still in main or delta, per list and in all. */
  private dead = new Int32Array(0)
  private deadTotal = 0

  /** Per list key, for counting term frequencies within one document (`seen` holds the pass). */
  private tf = new Int32Array(0)
  private seen = new Int32Array(0)
  private pass = 0
  private touched = new Int32Array(256)
  private touchedCount = 0

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

  /**
   * Adds a document; `values` are its fields' texts in the order of the constructor's fields.
   * Returns its short id, which discard() takes. The caller keeps ids unique and the short id:
   * a Map from id to short id here cost two hash operations per document on ids made just
   * before (a check and a set), about 5 % of a build at L, and the caller has the document.
   */
  add(id: string, values: readonly (string | undefined)[]): number {
    const doc = this.nextId++
    if ((doc + 1) * this.fieldCount > this.lengths.length)
      this.lengths = grown(this.lengths, (doc + 1) * this.fieldCount)
    this.ids[doc] = id
    this.documentCount++
    this.read(values, doc)
    const { touched, tf } = this
    let chunk = this.pending.length > 0 ? this.pending[this.pending.length - 1] : EMPTY_CHUNK
    let at = (this.pendingCount % CHUNK) * 3
    for (let j = 0; j < this.touchedCount; j++) {
      if (at === 0) this.pending.push((chunk = new Int32Array(3 * CHUNK)))
      const key = touched[j]
      chunk[at] = key
      chunk[at + 1] = doc
      chunk[at + 2] = tf[key]
      at = at + 3 === 3 * CHUNK ? 0 : at + 3
    }
    this.pendingCount += this.touchedCount
    return doc
  }

  /**
   * Removes a document by the short id add() gave it; false when it is not in the index.
   * `values` must be the texts it was added with: their words say which lists hold it
   * (cheaper than keeping every document's).
   */
  discard(doc: number, values: readonly (string | undefined)[]): boolean {
    if (!(doc >= 0 && doc < this.nextId) || this.ids[doc] === undefined) return false
    // Its entries must be in main or delta to be counted dead there.
    if (this.pendingCount > 0) this.flush()
    this.ids[doc] = undefined
    this.documentCount--
    const F = this.fieldCount
    for (let f = 0; f < F; f++) this.totals[f] -= this.lengths[doc * F + f]
    this.read(values, -1)
    if (this.dead.length < this.lexicon.terms.length * F)
      this.dead = grown(this.dead, this.lexicon.terms.length * F)
    for (let j = 0; j < this.touchedCount; j++) this.dead[this.touched[j]]++
    this.deadTotal += this.touchedCount
    return true
  }

  /**
   * The lists a document's texts put it in (`touched`) and its frequency in each (`tf`);
   * with doc ≥ 0, also its field lengths.
   */
  private read(values: readonly (string | undefined)[], doc: number): void {
    const F = this.fieldCount
    const lex = this.lexicon
    const pass = ++this.pass
    let touched = 0
    for (let f = 0; f < F; f++) {
      const length = lex.read(values[f] ?? '')
      if (doc >= 0) {
        this.lengths[doc * F + f] = length
        this.totals[f] += length
      }
      if (lex.terms.length * F > this.seen.length) this.widenScratch(lex.terms.length * F)
      const { found, foundCount } = lex
      const { seen, tf } = this
      for (let j = 0; j < foundCount; j++) {
        if (found[j] === NO_TERM) continue
        const key = found[j] * F + f
        if (seen[key] === pass) {
          tf[key]++
          continue
        }
        seen[key] = pass
        tf[key] = 1
        if (touched === this.touched.length) this.touched = grown(this.touched)
        this.touched[touched++] = key
      }
    }
    this.touchedCount = touched
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

  /**
   * The index as saved (snapshot.ts): every live entry in main, nothing staged or dead.
   * Compacting changes no answer; the arrays returned are the index's own, not copies.
   */
  saved(): Omit<SavedPostings, 'ids'> {
    if (this.pendingCount > 0 || this.deltaSize > 0 || this.deadTotal > 0) this.rebuild()
    return {
      terms: this.lexicon.terms,
      nextId: this.nextId,
      lengths: this.lengths.subarray(0, this.nextId * this.fieldCount),
      offsets: this.offsets,
      docs: this.docs,
      tfs: this.tfs,
    }
  }

  /**
   * Takes a saved index into this empty one; the caller has checked the arrays (snapshot.ts:
   * lengths, ranges, ascending lists) and gives the ids (no id is saved). Field totals are
   * summed again: integers, so exactly what adding the documents one by one gave.
   */
  adopt(saved: SavedPostings): boolean {
    if (this.nextId > 0) throw new Error('Postings.adopt needs an empty index')
    if (!this.lexicon.adopt(saved.terms)) return false
    const F = this.fieldCount
    this.nextId = saved.nextId
    for (let doc = 0; doc < saved.nextId; doc++) {
      this.ids[doc] = saved.ids[doc]
      if (saved.ids[doc] === undefined) continue
      this.documentCount++
      for (let f = 0; f < F; f++) this.totals[f] += saved.lengths[doc * F + f]
    }
    this.lengths = saved.lengths
    this.offsets = saved.offsets
    this.docs = saved.docs
    this.tfs = saved.tfs
    return true
  }

  private rebuildAt(): number {
    return Math.max(4096, (this.docs.length + this.deltaSize) >> 3)
  }

  private flush(): void {
    if (this.pendingCount + this.deltaSize > this.rebuildAt() || this.deadTotal > this.rebuildAt()) {
      this.rebuild()
      return
    }
    this.eachPending((key, doc, tf) => {
      let list = this.delta.get(key)
      if (!list) this.delta.set(key, (list = []))
      list.push(doc, tf)
    })
    this.deltaSize += this.pendingCount
    this.pendingCount = 0
    this.pending = []
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
    // Pending is walked chunk by chunk with plain loops: a callback per entry (~1.3 M at L)
    // was a sixth of a build in the profile.
    const pending = this.pending
    for (let c = 0, left = this.pendingCount; left > 0; c++, left -= CHUNK) {
      const chunk = pending[c]
      for (let at = 0, end = 3 * Math.min(left, CHUNK); at < end; at += 3) offsets[chunk[at] + 1]++
    }
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
    for (let c = 0, left = this.pendingCount; left > 0; c++, left -= CHUNK) {
      const chunk = pending[c]
      for (let r = 0, end = 3 * Math.min(left, CHUNK); r < end; r += 3) {
        const w = at[chunk[r]]++
        docs[w] = chunk[r + 1]
        tfs[w] = chunk[r + 2]
      }
    }
    this.offsets = offsets
    this.docs = docs
    this.tfs = tfs
    this.delta.clear()
    this.deltaSize = 0
    this.pendingCount = 0
    this.pending = []
    this.dead = new Int32Array(K)
    this.deadTotal = 0
  }

  private widenScratch(min: number): void {
    this.tf = grown(this.tf, min)
    this.seen = grown(this.seen, min)
  }

  private eachPending(visit: (key: number, doc: number, tf: number) => void): void {
    for (let j = 0; j < this.pendingCount; j++) {
      const chunk = this.pending[Math.floor(j / CHUNK)]
      const at = (j % CHUNK) * 3
      visit(chunk[at], chunk[at + 1], chunk[at + 2])
    }
  }
}
