// Top-k BM25 scoring over our inverted index (postings.ts). A result object per matching
// document and per matched (term, field), as MiniSearch's search() builds — a prefix such as
// "pol" expands to dozens of terms in thousands of documents — then a sort of them all,
// although we show 30–50, was ~60 % of a slow query at L (docs/PERFORMANCE.md). This keeps
// only a score and a bitmask of matched query terms per document in typed arrays and takes the
// best documents from a heap. The formula, weights, boosts and query semantics are
// MiniSearch 7's (tests/unit/search/scorer.test.ts checks against MiniSearch's search(), the
// oracle). What a result needs for its snippet (`terms`, `match`) is worked out only for the
// documents actually returned.
import { splitWords } from './lexicon'
import type { Postings } from './postings'

type TermFn<T> = (term: string, i: number, terms: string[]) => T

/** MiniSearch's search options, as far as we use them. */
export interface SearchOptions {
  fields?: string[]
  combineWith?: string
  prefix?: boolean | TermFn<boolean>
  fuzzy?: boolean | number | TermFn<boolean | number>
  maxFuzzy?: number
  boost?: Record<string, number>
  boostTerm?: TermFn<number>
  boostDocument?: (id: string) => number
  weights?: { fuzzy?: number; prefix?: number }
  bm25?: { k: number; b: number; d: number }
}

/** A query tree in MiniSearch's form: a string is a leaf (its words), combined by `combineWith`. */
export type Query = string | (SearchOptions & { queries: Query[] })

/** A ranked document: its id, its short id in the postings, its score. */
export interface Ranked {
  id: string
  doc: number
  score: number
}

export interface Hit extends Ranked {
  /** The index terms matched (a prefix or fuzzy word expands to several). */
  terms: string[]
  /** The query words that matched. */
  queryTerms: string[]
  /** Matched index term → the fields it matched in. */
  match: Record<string, string[]>
}

const DEFAULTS = {
  weights: { fuzzy: 0.45, prefix: 0.375 },
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  maxFuzzy: 6,
}

interface Expansion {
  derived: string
  term: number
  weight: number
}

/**
 * The matches of one operand of an AND (OR operands add into the same one): arrays indexed by
 * short document ids, and `docs` listing the ids present.
 * MiniSearch multiplies a document's score by the number of distinct query terms it matched:
 * a term used by one leaf only is counted in `count` (once per leaf and document, through
 * `stamp`, which also marks presence); a term repeated in several leaves has a bit in `mask`
 * (`words` 32-bit words per document).
 */
interface Acc {
  docs: number[]
  /** Every id ever written (AND drops some from `docs`), to clear the arrays for reuse. */
  touched: number[]
  score: Float64Array
  count: Int32Array
  mask: Int32Array
  stamp: Int32Array
  words: number
}

const IN = -1

interface Leaf {
  term: string
  expansions: Expansion[]
  fields: string[]
}

/** A combination in the executed query (a string's words are one, combined like a query's). */
interface Combo {
  op: 'or' | 'and' | 'and_not'
  children: Node[]
}
type Node = Combo | { leaf: number }

export class TopKScorer {
  /** Term expansions (prefix and fuzzy look-ups), valid while the index has the same terms. */
  private readonly expansions = new Map<string, Expansion[]>()
  private expandedTerms = 0
  private shared = new Map<string, number>()
  private words = 1
  private leaves: Leaf[] = []
  /** The query's shape as executed, to tell which leaves a returned document matched through. */
  private root: Combo = { op: 'or', children: [] }
  /** Where each leaf's expansions start in details()' flat array: one per query, not per document. */
  private layout: Layout | null = null
  private parent: Combo = this.root
  /** Accumulators are reused between queries: allocating ~4 × 35,000-entry arrays per operand cost more than the scoring. */
  private free: Acc[] = []
  private used: Acc[] = []
  private readonly fieldNames: string[]
  private boosts = new Float64Array(0)

  /** `global`: the options every query starts from (MiniSearch's constructor searchOptions). */
  constructor(
    private readonly index: Postings,
    private readonly global: SearchOptions,
    private readonly processTerm: (term: string) => string,
  ) {
    this.fieldNames = Object.keys(index.fieldIds)
  }

  /**
   * The documents of `query` in descending score, as MiniSearch's search() would rank them,
   * lazily: the caller takes as many as it needs. `accept` filters documents (id, short id).
   */
  *search(query: Query, accept: ((id: string, doc: number) => boolean) | null): Iterable<Hit> {
    for (const r of this.rank(query, accept)) yield { ...r, ...this.details(r.doc) }
  }

  /**
   * search() without each document's matched terms and fields: ask details() for the documents
   * kept, before the next query. A query of several words ranks a window of 150 documents for
   * the in-a-row bonus and shows 50; working out the matched terms of all 150 (a binary search
   * per leaf, expansion and field) was a good part of such a query at L.
   */
  rank(query: Query, accept: ((id: string, doc: number) => boolean) | null): Iterable<Ranked> {
    this.index.settle()
    if (this.expandedTerms !== this.index.terms.length) {
      this.expansions.clear()
      this.expandedTerms = this.index.terms.length
    }
    const uses = new Map<string, number>()
    this.terms(query, {}, (t) => uses.set(t, (uses.get(t) ?? 0) + 1))
    this.shared = new Map()
    for (const [t, n] of uses) if (n > 1) this.shared.set(t, this.shared.size)
    this.words = Math.max(1, Math.ceil(this.shared.size / 32))
    this.leaves = []
    this.layout = null
    this.root = this.parent = { op: 'or', children: [] }
    for (const acc of this.used) this.release(acc)
    this.used = []
    const found = this.execute(query, {}, null)
    const ids = this.index.ids
    const docs: number[] = []
    const { score, count, mask, words: W } = found
    for (const d of found.docs) {
      const id = ids[d]
      if (id === undefined || (accept && !accept(id, d))) continue
      const boost = this.boostOf(d, id)
      if (!boost) continue
      let terms = count[d]
      for (let w = 0; w < W; w++) terms += popcount(mask[d * W + w])
      score[d] = score[d] * boost * (terms || 1)
      docs.push(d)
    }
    return this.ranked(docs, score)
  }

  /** boostDocument's answer per short id, asked once (ids are never reused). */
  private boostOf(d: number, id: string): number {
    if (d >= this.boosts.length) {
      const boosts = new Float64Array(Math.max(1024, 2 * d + 2)).fill(NaN)
      boosts.set(this.boosts)
      this.boosts = boosts
    }
    let boost = this.boosts[d]
    if (Number.isNaN(boost)) this.boosts[d] = boost = this.global.boostDocument?.(id) ?? 1
    return boost
  }

  /** The matched terms and fields of a document ranked by the last query (search or rank). */
  details(doc: number): Details {
    this.layout ??= layoutOf(this.index, this.leaves)
    return details(this.index, this.leaves, this.layout, this.root, doc)
  }

  private *ranked(docs: number[], score: Float64Array): Generator<Ranked> {
    const ids = this.index.ids
    // A binary max-heap, built in O(n): only the documents taken are ordered.
    const heap = Int32Array.from(docs)
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, score, i, heap.length)
    for (let n = heap.length; n > 0; n--) {
      const d = heap[0]
      heap[0] = heap[n - 1]
      siftDown(heap, score, 0, n - 1)
      yield { id: ids[d]!, doc: d, score: score[d] }
    }
  }

  /** Every leaf term of the query, with MiniSearch's inheritance of options. */
  private terms(query: Query, searchOptions: SearchOptions, visit: (term: string) => void): void {
    if (typeof query !== 'string') {
      const options = { ...searchOptions, ...query, queries: undefined }
      for (const sub of query.queries) this.terms(sub, options, visit)
      return
    }
    for (const t of this.tokens(query)) visit(t)
  }

  private tokens(query: string): string[] {
    return splitWords(query)
      .map(this.processTerm)
      .filter((t) => !!t)
  }

  /**
   * MiniSearch's executeQuery, with the same inheritance of options by sub-queries. OR
   * operands add into `into` (or a new accumulator); AND operands each get their own.
   */
  private execute(query: Query, searchOptions: SearchOptions, into: Acc | null): Acc {
    let options: SearchOptions
    let parts: ((acc: Acc | null) => Acc)[]
    if (typeof query !== 'string') {
      const { queries, ...rest } = query
      options = { ...searchOptions, ...rest }
      const o = options
      parts = queries.map((sub) => (acc: Acc | null) => this.execute(sub, o, acc))
    } else {
      options = { ...this.global, ...searchOptions }
      const terms = this.tokens(query)
      const o = options
      parts = terms.map((t, i) => (acc: Acc | null) => this.leaf(t, i, terms, o, acc ?? this.acc()))
    }
    const op = (options.combineWith ?? 'OR').toLowerCase()
    if (op !== 'or' && op !== 'and' && op !== 'and_not')
      throw new Error(`Invalid combination operator: ${options.combineWith}`)
    const node: Combo = { op, children: [] }
    const parent = this.parent
    parent.children.push(node)
    this.parent = node
    try {
      return this.combine(op, parts, into)
    } finally {
      this.parent = parent
    }
  }

  private combine(op: Combo['op'], parts: ((acc: Acc | null) => Acc)[], into: Acc | null): Acc {
    if (op === 'or') {
      const acc = into ?? this.acc()
      for (const part of parts) part(acc)
      return acc
    }
    if (parts.length === 0) return into ?? this.acc()
    const acc = parts[0](null)
    const W = this.words
    for (const part of parts.slice(1)) {
      const next = part(null)
      if (op === 'and') {
        const docs: number[] = []
        for (const d of next.docs) {
          if (acc.stamp[d] === 0) continue
          acc.score[d] += next.score[d]
          acc.count[d] += next.count[d]
          for (let w = d * W; w < d * W + W; w++) acc.mask[w] |= next.mask[w]
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
      for (let w = d * W; w < d * W + W; w++) into.mask[w] |= acc.mask[w]
    }
    return into
  }

  private release(acc: Acc): void {
    const { touched, score, count, mask, stamp, words: W } = acc
    if (touched.length > score.length >> 3) {
      score.fill(0)
      count.fill(0)
      mask.fill(0)
      stamp.fill(0)
    } else
      for (const d of touched) {
        score[d] = 0
        count[d] = 0
        mask.fill(0, d * W, d * W + W)
        stamp[d] = 0
      }
    acc.docs = []
    acc.touched = []
    this.free.push(acc)
  }

  private acc(): Acc {
    const n = this.index.nextId
    const W = this.words
    let acc = this.free.pop()
    while (acc && (acc.score.length < n || acc.words !== W)) acc = this.free.pop()
    if (!acc)
      acc = {
        docs: [],
        touched: [],
        score: new Float64Array(n),
        count: new Int32Array(n),
        mask: new Int32Array(n * W),
        stamp: new Int32Array(n),
        words: W,
      }
    this.used.push(acc)
    return acc
  }

  /** MiniSearch's executeQuerySpec + termResults for one term, added into `acc`. */
  private leaf(term: string, i: number, terms: string[], o: SearchOptions, acc: Acc): Acc {
    const fuzzy = typeof o.fuzzy === 'function' ? o.fuzzy(term, i, terms) : o.fuzzy || false
    const prefix = typeof o.prefix === 'function' ? o.prefix(term, i, terms) : o.prefix === true
    const termBoost = typeof o.boostTerm === 'function' ? o.boostTerm(term, i, terms) : 1
    const fields = o.fields ?? this.fieldNames
    const expansions = this.expand(term, prefix, fuzzy, o)
    this.leaves.push({ term, expansions, fields })
    this.parent.children.push({ leaf: this.leaves.length - 1 })
    const id = this.leaves.length // > 0: a stamp of 0 means absent
    const bit = this.shared.get(term)
    const W = this.words
    const word = bit === undefined ? -1 : bit >> 5
    const flag = bit === undefined ? 0 : 1 << (bit & 31)

    const index = this.index
    const { lengths, fieldCount, documentCount, ids, docs: mainDocs, tfs: mainTfs } = index
    const { k, b, d: delta } = o.bm25 ?? DEFAULTS.bm25
    const { docs, score, count, mask, stamp } = acc
    for (const e of expansions) {
      for (const field of fields) {
        const fieldBoost = o.boost?.[field] || 1
        const fieldId = index.fieldIds[field]
        if (fieldId === undefined) continue
        const key = e.term * fieldCount + fieldId
        const matching = index.count(key)
        if (matching === 0) continue
        const avg = index.avgFieldLength(fieldId)
        const factor = e.weight * termBoost * fieldBoost
        const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5))
        const hasDead = index.deadIn(key) > 0
        // The main tier's loop is written out (no call per posting): the first queries run
        // before the JIT has optimised anything, and a call per posting then cost ~20 ms at L.
        for (let r = index.start(key), end = index.end(key); r < end; r++) {
          const doc = mainDocs[r]
          if (hasDead && ids[doc] === undefined) continue
          const tf = mainTfs[r]
          const len = lengths[doc * fieldCount + fieldId]
          const s = stamp[doc]
          if (s !== id) {
            if (s === 0) {
              docs.push(doc)
              acc.touched.push(doc)
            }
            stamp[doc] = id
            if (flag) mask[doc * W + word] |= flag
            else count[doc]++
          }
          score[doc] += factor * idf * (delta + (tf * (k + 1)) / (tf + k * (1 - b + (b * len) / avg)))
        }
        const extra = index.extra(key)
        if (!extra) continue
        for (let r = 0; r < extra.length; r += 2) {
          const doc = extra[r]
          if (hasDead && ids[doc] === undefined) continue
          const tf = extra[r + 1]
          const len = lengths[doc * fieldCount + fieldId]
          const s = stamp[doc]
          if (s !== id) {
            if (s === 0) {
              docs.push(doc)
              acc.touched.push(doc)
            }
            stamp[doc] = id
            if (flag) mask[doc * W + word] |= flag
            else count[doc]++
          }
          score[doc] += factor * idf * (delta + (tf * (k + 1)) / (tf + k * (1 - b + (b * len) / avg)))
        }
      }
    }
    return acc
  }

  private expand(term: string, prefix: boolean, fuzzy: boolean | number, o: SearchOptions): Expansion[] {
    const key = `${prefix ? 1 : 0}${fuzzy}\u0000${term}`
    const cached = this.expansions.get(key)
    if (cached) return cached
    const index = this.index
    const weights = { ...DEFAULTS.weights, ...o.weights }
    const out: Expansion[] = []
    const lexicon = index.lexicon
    const exact = lexicon.id(term)
    if (exact >= 0) out.push({ derived: term, term: exact, weight: 1 })
    let fuzzyMatches: Map<number, number> | undefined
    if (fuzzy) {
      const f = fuzzy === true ? 0.2 : fuzzy
      const max = f < 1 ? Math.min(o.maxFuzzy ?? DEFAULTS.maxFuzzy, Math.round(term.length * f)) : f
      if (max) fuzzyMatches = lexicon.withinDistance(term, max)
    }
    if (prefix)
      for (const t of lexicon.withPrefix(term)) {
        const derived = lexicon.terms[t]
        const distance = derived.length - term.length
        if (!distance) continue
        fuzzyMatches?.delete(t)
        out.push({
          derived,
          term: t,
          weight: (weights.prefix * derived.length) / (derived.length + 0.3 * distance),
        })
      }
    if (fuzzyMatches)
      for (const [t, distance] of fuzzyMatches) {
        if (!distance) continue
        const derived = lexicon.terms[t]
        out.push({ derived, term: t, weight: (weights.fuzzy * derived.length) / (derived.length + distance) })
      }
    this.expansions.set(key, out)
    return out
  }
}

type Details = Pick<Hit, 'terms' | 'queryTerms' | 'match'>

/** Per query: each leaf's first slot in details()' flat array, and its fields' ids (-1: none). */
interface Layout {
  start: Int32Array
  fieldIds: number[][]
}

function layoutOf(index: Postings, leaves: Leaf[]): Layout {
  const start = new Int32Array(leaves.length + 1)
  for (let l = 0; l < leaves.length; l++) start[l + 1] = start[l] + leaves[l].expansions.length
  return { start, fieldIds: leaves.map((leaf) => leaf.fields.map((f) => index.fieldIds[f] ?? -1)) }
}

/**
 * The matched terms and fields of one returned document, as MiniSearch reports them: from
 * the leaves its score came through (not a leaf of an AND the document failed).
 */
function details(index: Postings, leaves: Leaf[], layout: Layout, root: Combo, d: number): Details {
  // Per leaf and expansion, a bit per field of the leaf whose list holds the document, in one
  // flat array: a word typed into the search box can expand to a hundred tag leaves ("pol"
  // at L: 106), and an array per leaf and expansion for each of the 50 documents shown made
  // ~5,000 small arrays per query (details() was a quarter of such a query in its profile).
  const { start, fieldIds } = layout
  const has = new Int32Array(start[leaves.length])
  for (let l = 0; l < leaves.length; l++) {
    const { expansions } = leaves[l]
    const ids = fieldIds[l]
    for (let i = 0; i < expansions.length; i++) {
      let bits = 0
      for (let j = 0; j < ids.length; j++)
        if (ids[j] >= 0 && index.holds(expansions[i].term * index.fieldCount + ids[j], d)) bits |= 1 << j
      has[start[l] + i] = bits
    }
  }
  const leafMatches = (l: number): boolean => {
    for (let i = start[l]; i < start[l + 1]; i++) if (has[i] !== 0) return true
    return false
  }
  const matches = (n: Node): boolean => {
    if ('leaf' in n) return leafMatches(n.leaf)
    if (n.op === 'or') return n.children.some(matches)
    if (n.children.length === 0 || !matches(n.children[0])) return false
    return n.op === 'and' ? n.children.every(matches) : !n.children.slice(1).some(matches)
  }
  const match: Record<string, string[]> = {}
  const queryTerms: string[] = []
  const collect = (n: Node): void => {
    if (!('leaf' in n)) {
      const through =
        n.op === 'or' ? n.children.filter(matches) : n.op === 'and' ? n.children : n.children.slice(0, 1)
      for (const child of through) collect(child)
      return
    }
    const leaf = leaves[n.leaf]
    for (let i = 0; i < leaf.expansions.length; i++) {
      const bits = has[start[n.leaf] + i]
      if (bits === 0) continue
      const fields = (match[leaf.expansions[i].derived] ??= [])
      for (let j = 0; j < leaf.fields.length; j++)
        if (bits & (1 << j) && !fields.includes(leaf.fields[j])) fields.push(leaf.fields[j])
      if (!queryTerms.includes(leaf.term)) queryTerms.push(leaf.term)
    }
  }
  if (matches(root)) collect(root)
  return { terms: Object.keys(match), queryTerms, match }
}

/** Whether document a ranks before b: a higher score, or the same and added earlier. */
const before = (score: Float64Array, a: number, b: number): boolean =>
  score[a] > score[b] || (score[a] === score[b] && a < b)

function siftDown(heap: Int32Array, score: Float64Array, i: number, n: number): void {
  for (;;) {
    const l = 2 * i + 1
    if (l >= n) return
    const c = l + 1 < n && before(score, heap[l + 1], heap[l]) ? l + 1 : l
    if (!before(score, heap[c], heap[i])) return
    const t = heap[c]
    heap[c] = heap[i]
    heap[i] = t
    i = c
  }
}

function popcount(x: number): number {
  let n = 0
  for (let v = x >>> 0; v; v &= v - 1) n++
  return n
}
