// Top-k scoring over MiniSearch's own index. MiniSearch's search() builds a result object per
// matching document and per matched (term, field) — a prefix such as "pol" expands to dozens
// of terms in thousands of documents — then sorts them all, although we show 30–50. Profile
// at L (docs/PERFORMANCE.md): ~60 % of a slow query was that bookkeeping, not the BM25 sums.
// This reads the same postings and computes the same scores (the same formula, weights and
// boosts; tests/unit/search-scorer.test.ts checks it against MiniSearch's search()), keeps
// only a score and a bitmask of matched query terms per document in typed arrays, and takes
// the best documents from a heap. What a result needs for its snippet (`terms`, `match`) is
// worked out only for the documents actually returned.
import type MiniSearch from 'minisearch'
import type { Query, SearchOptions, SearchResult as Hit } from 'minisearch'

/** fieldId → short document id → term frequency. */
type FieldTermData = Map<number, Map<number, number>>

/** The parts of MiniSearch 7 read here (private; the oracle test fails if they change). */
interface Internals {
  _index: {
    get(term: string): FieldTermData | undefined
    atPrefix(prefix: string): Iterable<[string, FieldTermData]>
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>
  }
  _fieldIds: Record<string, number>
  _fieldLength: Map<number, number[]>
  _avgFieldLength: number[]
  _documentIds: Map<number, string>
  _idToShortId: Map<string, number>
  _documentCount: number
  _nextId: number
  _options: {
    tokenize: (text: string) => string[]
    processTerm: (term: string) => string | string[] | null | undefined | false
    searchOptions: SearchOptions & Required<Pick<SearchOptions, 'weights' | 'bm25' | 'maxFuzzy'>>
  }
}

interface Expansion {
  derived: string
  data: FieldTermData
  weight: number
}

/**
 * The matches of one operand of an AND (OR operands add into the same one): arrays indexed by
 * MiniSearch's short document ids, and `docs` listing the ids present.
 * MiniSearch multiplies a document's score by the number of distinct query terms it matched:
 * a term used by one leaf only is counted in `count` (once per leaf and document, through
 * `stamp`, which also marks presence); a term repeated in several leaves has a bit in `mask`.
 */
interface Acc {
  docs: number[]
  /** Every id ever written (AND drops some from `docs`), to clear the arrays for reuse. */
  touched: number[]
  score: Float64Array
  count: Int32Array
  mask: Int32Array
  stamp: Int32Array
}

/** More repeated query terms than bits: the caller falls back to MiniSearch. */
const MAX_SHARED = 31
const IN = -1

type Options = SearchOptions & {
  tokenize?: Internals['_options']['tokenize']
  processTerm?: Internals['_options']['processTerm']
}

export class TopKScorer {
  private readonly ms: Internals
  /** Term expansions (prefix and fuzzy look-ups in the radix tree), valid until the index changes. */
  private readonly expansions = new Map<string, Expansion[]>()
  private shared = new Map<string, number>()
  private leaves: { term: string; expansions: Expansion[]; fields: string[] }[] = []
  /** Accumulators are reused between queries: allocating ~4 × 35,000-entry arrays per operand cost more than the scoring. */
  private free: Acc[] = []
  private used: Acc[] = []

  /**
   * Dense copies of MiniSearch's per-document Maps, indexed by short id (a Map lookup per
   * posting was a third of the scoring): field lengths (`fields` per document) and liveness.
   */
  private lengths = new Float64Array(0)
  private alive = new Uint8Array(0)
  private readonly fieldCount: number

  constructor(ms: MiniSearch<never>) {
    this.ms = ms as unknown as Internals
    this.fieldCount = Object.keys(this.ms._fieldIds).length
  }

  /** Call after ms.add(doc). */
  added(id: string): void {
    this.expansions.clear()
    const short = this.ms._idToShortId.get(id)!
    if (short >= this.alive.length) {
      const size = Math.max(1024, 2 * short + 2)
      const alive = new Uint8Array(size)
      alive.set(this.alive)
      const lengths = new Float64Array(size * this.fieldCount)
      lengths.set(this.lengths)
      this.alive = alive
      this.lengths = lengths
    }
    this.alive[short] = 1
    const len = this.ms._fieldLength.get(short)!
    for (let f = 0; f < this.fieldCount; f++) this.lengths[short * this.fieldCount + f] = len[f] ?? 0
  }

  /** Call before ms.discard(id). */
  discarding(id: string): void {
    this.expansions.clear()
    const short = this.ms._idToShortId.get(id)
    if (short !== undefined) this.alive[short] = 0
  }

  /**
   * The documents of `query` in descending score, as MiniSearch's search() would rank them,
   * lazily: the caller takes as many as it needs. `accept` filters document ids. Null when
   * the query repeats more terms than the bitmask holds (use MiniSearch then).
   */
  search(query: Query, accept: ((id: string) => boolean) | null): Iterable<Hit> | null {
    const uses = new Map<string, number>()
    this.terms(query, {}, (t) => uses.set(t, (uses.get(t) ?? 0) + 1))
    this.shared = new Map()
    for (const [t, n] of uses) if (n > 1) this.shared.set(t, this.shared.size)
    if (this.shared.size > MAX_SHARED) return null
    this.leaves = []
    for (const acc of this.used) this.release(acc)
    this.used = []
    const found = this.execute(query, {}, null)
    const { _documentIds: ids, _options: o } = this.ms
    const boostDocument = o.searchOptions.boostDocument
    const docs: number[] = []
    const score = found.score
    for (const d of found.docs) {
      const id = ids.get(d)
      if (id === undefined || (accept && !accept(id))) continue
      const boost = boostDocument ? boostDocument(id, '', undefined) : 1
      if (!boost) continue
      score[d] = score[d] * boost * (found.count[d] + popcount(found.mask[d]) || 1)
      docs.push(d)
    }
    return this.ranked(docs, score)
  }

  private *ranked(heap: number[], score: Float64Array): Generator<Hit> {
    // A binary max-heap, built in O(n): only the documents taken are ordered.
    const before = (a: number, b: number): boolean => score[a] > score[b] || (score[a] === score[b] && a < b)
    const down = (i: number, n: number): void => {
      for (;;) {
        const l = 2 * i + 1
        if (l >= n) return
        const c = l + 1 < n && before(heap[l + 1], heap[l]) ? l + 1 : l
        if (!before(heap[c], heap[i])) return
        ;[heap[c], heap[i]] = [heap[i], heap[c]]
        i = c
      }
    }
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i, heap.length)
    for (let n = heap.length; n > 0; n--) {
      const d = heap[0]
      heap[0] = heap[n - 1]
      down(0, n - 1)
      yield this.hit(d, score[d])
    }
  }

  /** The matched terms and fields of one returned document, as MiniSearch reports them. */
  private hit(d: number, score: number): Hit {
    const match: Record<string, string[]> = {}
    const queryTerms: string[] = []
    for (const leaf of this.leaves)
      for (const e of leaf.expansions)
        for (const field of leaf.fields) {
          if (!e.data.get(this.ms._fieldIds[field])?.has(d)) continue
          const fields = (match[e.derived] ??= [])
          if (!fields.includes(field)) fields.push(field)
          if (!queryTerms.includes(leaf.term)) queryTerms.push(leaf.term)
        }
    return { id: this.ms._documentIds.get(d), score, terms: Object.keys(match), queryTerms, match }
  }

  /** Every leaf term of the query, with executeQuery's inheritance of options. */
  private terms(query: Query, searchOptions: Options, visit: (term: string) => void): void {
    if (typeof query === 'symbol') throw new Error('the wildcard query is not supported')
    if (typeof query !== 'string') {
      const options = { ...searchOptions, ...query, queries: undefined }
      for (const sub of query.queries) this.terms(sub, options, visit)
      return
    }
    for (const t of this.tokens(query, searchOptions)) visit(t)
  }

  private tokens(query: string, searchOptions: Options): string[] {
    const { tokenize, processTerm, searchOptions: global } = this.ms._options
    const options: Options = { tokenize, processTerm, ...global, ...searchOptions }
    return options.tokenize!(query)
      .flatMap((t) => options.processTerm!(t) || [])
      .filter((t) => !!t)
  }

  /**
   * MiniSearch's executeQuery, with the same inheritance of options by sub-queries. OR
   * operands add into `into` (or a new accumulator); AND operands each get their own.
   */
  private execute(query: Query, searchOptions: Options, into: Acc | null): Acc {
    let options: Options
    let parts: ((acc: Acc | null) => Acc)[]
    if (typeof query === 'symbol') throw new Error('the wildcard query is not supported')
    if (typeof query !== 'string') {
      const { queries, ...rest } = query
      options = { ...searchOptions, ...rest }
      const o = options
      parts = queries.map((sub) => (acc: Acc | null) => this.execute(sub, o, acc))
    } else {
      options = { ...this.ms._options.searchOptions, ...searchOptions }
      const terms = this.tokens(query, searchOptions)
      const o = options
      parts = terms.map((t, i) => (acc: Acc | null) => this.leaf(t, i, terms, o, acc ?? this.acc()))
    }
    const op = (options.combineWith ?? 'OR').toLowerCase()
    if (op === 'or') {
      const acc = into ?? this.acc()
      for (const part of parts) part(acc)
      return acc
    }
    if (op !== 'and' && op !== 'and_not')
      throw new Error(`Invalid combination operator: ${options.combineWith}`)
    if (parts.length === 0) return into ?? this.acc()
    const acc = parts[0](null)
    for (const part of parts.slice(1)) {
      const next = part(null)
      if (op === 'and') {
        const docs: number[] = []
        for (const d of next.docs) {
          if (acc.stamp[d] === 0) continue
          acc.score[d] += next.score[d]
          acc.count[d] += next.count[d]
          acc.mask[d] |= next.mask[d]
          docs.push(d)
        }
        for (const d of acc.docs) if (next.stamp[d] === 0) acc.stamp[d] = 0
        acc.docs = docs
      } else {
        for (const d of next.docs) acc.stamp[d] = 0
        acc.docs = acc.docs.filter((d) => acc.stamp[d] !== 0)
      }
    }
    if (!into) return acc
    for (const d of acc.docs) {
      if (into.stamp[d] === 0) {
        into.docs.push(d)
        into.touched.push(d)
      }
      into.stamp[d] = IN
      into.score[d] += acc.score[d]
      into.count[d] += acc.count[d]
      into.mask[d] |= acc.mask[d]
    }
    return into
  }

  private release(acc: Acc): void {
    const { touched, score, count, mask, stamp } = acc
    if (touched.length > score.length >> 3) {
      score.fill(0)
      count.fill(0)
      mask.fill(0)
      stamp.fill(0)
    } else
      for (const d of touched) {
        score[d] = 0
        count[d] = 0
        mask[d] = 0
        stamp[d] = 0
      }
    acc.docs = []
    acc.touched = []
    this.free.push(acc)
  }

  private acc(): Acc {
    const n = this.ms._nextId
    let acc = this.free.pop()
    while (acc && acc.score.length < n) acc = this.free.pop()
    if (!acc)
      acc = {
        docs: [],
        touched: [],
        score: new Float64Array(n),
        count: new Int32Array(n),
        mask: new Int32Array(n),
        stamp: new Int32Array(n),
      }
    this.used.push(acc)
    return acc
  }

  /** MiniSearch's executeQuerySpec + termResults for one term, added into `acc`. */
  private leaf(term: string, i: number, terms: string[], o: Options, acc: Acc): Acc {
    const fuzzy = typeof o.fuzzy === 'function' ? o.fuzzy(term, i, terms) : o.fuzzy || false
    const prefix = typeof o.prefix === 'function' ? o.prefix(term, i, terms) : o.prefix === true
    const termBoost = typeof o.boostTerm === 'function' ? o.boostTerm(term, i, terms) : 1
    const fields = o.fields ?? Object.keys(this.ms._fieldIds)
    const expansions = this.expand(term, prefix, fuzzy, o)
    this.leaves.push({ term, expansions, fields })
    const id = this.leaves.length // > 0: a stamp of 0 means absent
    const bit = this.shared.get(term)
    const flag = bit === undefined ? 0 : 1 << bit

    const { _fieldIds, _avgFieldLength, _documentCount } = this.ms
    const { alive, lengths, fieldCount } = this
    const { k, b, d: delta } = o.bm25!
    const { docs, score, count, mask, stamp } = acc
    for (const e of expansions) {
      for (const field of fields) {
        const fieldBoost = o.boost?.[field] || 1
        const fieldId = _fieldIds[field]
        const freqs = e.data.get(fieldId)
        if (freqs === undefined) continue
        let matching = freqs.size
        const avg = _avgFieldLength[fieldId]
        const factor = e.weight * termBoost * fieldBoost
        let idf = Math.log(1 + (_documentCount - matching + 0.5) / (matching + 0.5))
        for (const [doc, tf] of freqs) {
          // A discarded document not yet vacuumed: MiniSearch counts it out of the idf as it
          // meets it, and so does this, to give the same scores.
          if (alive[doc] !== 1) {
            matching -= 1
            idf = Math.log(1 + (_documentCount - matching + 0.5) / (matching + 0.5))
            continue
          }
          const len = lengths[doc * fieldCount + fieldId]
          const s = stamp[doc]
          if (s !== id) {
            if (s === 0) {
              docs.push(doc)
              acc.touched.push(doc)
            }
            stamp[doc] = id
            if (flag) mask[doc] |= flag
            else count[doc]++
          }
          score[doc] += factor * idf * (delta + (tf * (k + 1)) / (tf + k * (1 - b + (b * len) / avg)))
        }
      }
    }
    return acc
  }

  private expand(term: string, prefix: boolean, fuzzy: boolean | number, o: Options): Expansion[] {
    const key = `${prefix ? 1 : 0}${fuzzy}\u0000${term}`
    const cached = this.expansions.get(key)
    if (cached) return cached
    const index = this.ms._index
    const weights = o.weights!
    const out: Expansion[] = []
    const exact = index.get(term)
    if (exact) out.push({ derived: term, data: exact, weight: 1 })
    let fuzzyMatches: Map<string, [FieldTermData, number]> | undefined
    if (fuzzy) {
      const f = fuzzy === true ? 0.2 : fuzzy
      const max = f < 1 ? Math.min(o.maxFuzzy!, Math.round(term.length * f)) : f
      if (max) fuzzyMatches = index.fuzzyGet(term, max)
    }
    if (prefix)
      for (const [t, data] of index.atPrefix(term)) {
        const distance = t.length - term.length
        if (!distance) continue
        fuzzyMatches?.delete(t)
        out.push({ derived: t, data, weight: (weights.prefix! * t.length) / (t.length + 0.3 * distance) })
      }
    if (fuzzyMatches)
      for (const [t, [data, distance]] of fuzzyMatches) {
        if (!distance) continue
        out.push({ derived: t, data, weight: (weights.fuzzy! * t.length) / (t.length + distance) })
      }
    this.expansions.set(key, out)
    return out
  }
}

function popcount(x: number): number {
  let n = 0
  for (let v = x >>> 0; v; v &= v - 1) n++
  return n
}
