// Full-text search over a notebook: source blocks, passages, note pages and tags in one
// inverted index (postings.ts, ranked by scorer.ts), kept current by diffing notebook
// versions by object identity.
import type { Annotation, DocNode, Notebook, NotePage, Source, Tag } from '../schema'
import {
  blockDoc,
  diffById,
  FIELDS,
  KIND_FIELDS,
  noteDoc,
  passageDoc,
  tagDoc,
  textBlocks,
  type IndexDoc,
} from './docs'
import { EntityNames } from './entity-names'
import { compileFilter } from './filters'
import { foldTerm } from './fold'
import { hasFilters, KINDS, parseQuery } from './query'
import { planQuery, termOptions } from './plan'
import { Postings } from './postings'
import { TopKScorer, type Ranked, type SearchOptions } from './scorer'
import { clip, hitResult, passageResult, type SearchResult } from './results'
import { hasPhrase, tokenize } from './snippet'
import { isStopWordQuery, scanStopPhrases, scanStopWords } from './stop-words'
import { TagMatcher } from './tags'
import { firstPassages } from './first-passages'
import { decodeIndex, encodeIndex, LITTLE_ENDIAN, SHAPE_SEED, withShape } from './snapshot'
import { warmOnce, warmStep } from './warm'

export type { SearchKind } from './query'
export type { SearchResult } from './results'
export type { Snippet } from './snippet'

type Indexed = Pick<Notebook, 'sources' | 'annotations' | 'tags' | 'notes' | 'entities'>
const EMPTY: Indexed = { sources: [], annotations: [], tags: [], notes: [] }
interface Adopting {
  order: Int32Array
  next: number
  ids: (string | undefined)[]
  shape: number
}
const sameIds = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

/** A document's indexed texts, in FIELDS order (what Postings reads). */
const fieldsOf = (d: IndexDoc): string[] => [d.title, d.quote, d.note, d.body, d.text, d.tags]

/** What every query starts from (MiniSearch's searchOptions, when it was our index). */
export const SEARCH_OPTIONS: SearchOptions = {
  boost: { quote: 2, title: 2, tags: 1.5 },
  combineWith: 'AND',
  // Tag documents are tiny (a name and a label), so plain BM25 ranks them above the
  // passages and text people are looking for; halve their weight.
  boostDocument: (id) => (id.startsWith('t:') ? 0.5 : 1),
  ...termOptions,
}

export class NotebookSearch {
  /** What the last update() did; a no-op update reports zeros (used by tests and benchmarks). */
  lastUpdate = { added: 0, discarded: 0 }
  private nb: Indexed = EMPTY
  private readonly postings = new Postings(FIELDS)
  // Accents and hamza/ʿayn marks folded: "harir" finds "Ḥarīr", "ain" finds "ʿAin".
  private readonly scorer = new TopKScorer(this.postings, SEARCH_OPTIONS, foldTerm)
  private readonly tagMatcher = new TagMatcher()
  /** Entity names and aliases: a word naming an entity also finds its other names. */
  private readonly names = new EntityNames()
  /** Every indexed document by its short id (undefined once discarded), in the order added. */
  private readonly byShort: (IndexDoc | undefined)[] = []
  /**
   * Passages, note pages and tags by id, to replace or remove them. Source blocks are not
   * here: indexSource finds them through `blocks`, and their ids never repeat (a sequence
   * number), so a first build at L spends no hashing on the 14,300 block ids (the id maps were
   * ~15 % of a build).
   */
  private readonly docs = new Map<string, IndexDoc>()
  /** The notebook's objects by id, kept current by diffById; read by filters and results. */
  private readonly live = {
    sources: new Map<string, Source>(),
    annotations: new Map<string, Annotation>(),
    tags: new Map<string, Tag>(),
  }
  private readonly notes = new Map<string, NotePage>()
  private readonly blocks = new Map<string, IndexDoc[]>()
  private seq = 0
  /** While adopting a snapshot: the saved short ids, how many are taken, the ids given. */
  private adopting: Adopting | null = null

  /**
   * The index of a notebook, ready to answer; the first build in a process also warms the search
   * code (warm.ts), as the window's index is once it has been idle a moment (search-index.ts).
   */
  static build(nb: Notebook): NotebookSearch {
    const search = NotebookSearch.settled(nb)
    NotebookSearch.warm()
    return search
  }

  /**
   * Runs every kind of query on a small index, once per process (then does nothing). build()
   * calls it; an index built in slices warms by steps in idle time instead (warmStep).
   */
  static warm(): void {
    warmOnce(NotebookSearch.settled)
  }

  /** One step of warm() (a few milliseconds at most); false once the warm-up is done. */
  static warmStep(): boolean {
    return warmStep(NotebookSearch.settled)
  }

  /**
   * The index of `nb` from a snapshot() of it (snapshot.ts): its documents are made again from
   * the notebook, as a build makes them, and each takes its saved short id instead of being
   * read word by word. Throws, saying why, when the bytes are not a snapshot of this version,
   * or its documents differ from the notebook's in number, kind or field lengths (a change of
   * the same lengths is not seen: which notebook it is, the caller knows); the caller then
   * builds. Not warmed: the window warms in idle time (search-index.ts).
   */
  static adopt(nb: Notebook, bytes: Uint8Array): NotebookSearch {
    const saved = decodeIndex(bytes, FIELDS.length)
    const search = new NotebookSearch()
    if (!search.tagMatcher.adoptTokens(saved.tagTokens)) throw new Error('its tag tokens repeat')
    const ids = new Array<string | undefined>(saved.postings.nextId).fill(undefined)
    const adopting = (search.adopting = { order: saved.order, next: 0, ids, shape: SHAPE_SEED })
    search.update(nb)
    search.adopting = null
    if (adopting.next !== saved.order.length)
      throw new Error(`the notebook has ${adopting.next} documents, its saved index ${saved.order.length}`)
    if (adopting.shape >>> 0 !== saved.shape) throw new Error('its documents differ from the notebook’s')
    if (!search.postings.adopt({ ...saved.postings, ids })) throw new Error('its terms repeat')
    return search
  }

  /**
   * The index saved (adopt() reads it), or null where it cannot be (a big-endian machine).
   * Compacts the postings first, which changes no answer.
   */
  snapshot(): Uint8Array | null {
    if (!LITTLE_ENDIAN) return null
    return encodeIndex({
      fieldCount: FIELDS.length,
      postings: this.postings.saved(),
      ...this.documentOrder(),
      tagTokens: this.tagMatcher.tokenized,
    })
  }

  /**
   * The documents' short ids in the order update() makes them for a new index of the notebook,
   * and their shape (snapshot.ts).
   */
  private documentOrder(): { order: Int32Array; shape: number } {
    const nb = this.nb
    const order = new Int32Array(this.postings.documentCount)
    let n = 0
    let shape = SHAPE_SEED
    const put = (d: IndexDoc | undefined) => {
      if (!d) throw new Error('the index is behind its notebook')
      order[n++] = d.short
      shape = withShape(shape, d)
    }
    for (const t of nb.tags) put(this.docs.get(`t:${t.id}`))
    for (const s of nb.sources) for (const d of this.blocks.get(s.id) ?? []) put(d)
    for (const a of nb.annotations) put(this.docs.get(`p:${a.id}`))
    for (const x of nb.notes) put(this.docs.get(`n:${x.id}`))
    if (n !== order.length) throw new Error('the index holds documents its notebook does not')
    return { order, shape }
  }

  /** The notebook the index was last brought up to date with. */
  get indexed(): Indexed {
    return this.nb
  }

  private static settled(nb: Notebook): NotebookSearch {
    const search = new NotebookSearch()
    search.update(nb)
    search.postings.settle() // ready to answer: not left to the first query
    return search
  }

  get documentCount(): number {
    return this.postings.documentCount
  }

  update(next: Notebook): void {
    const prev = this.nb
    this.nb = next
    this.lastUpdate = { added: 0, discarded: 0 }
    this.names.update(next.entities)

    const tags = diffById(prev.tags, next.tags, this.live.tags)
    for (const t of tags.removed) {
      this.remove(`t:${t.id}`)
      this.tagMatcher.remove(t.id)
    }
    for (const [old, t] of tags.changed) {
      if (old?.name === t.name && old.label === t.label && old.description === t.description) continue
      this.put(tagDoc(t))
      this.tagMatcher.put(t)
    }
    const sources = diffById(prev.sources, next.sources, this.live.sources)
    for (const s of sources.removed) this.indexSource(s.id, null)
    for (const [old, s] of sources.changed) if (old?.doc !== s.doc) this.indexSource(s.id, s.doc)

    const anns = diffById(prev.annotations, next.annotations, this.live.annotations)
    for (const a of anns.removed) this.remove(`p:${a.id}`)
    for (const [old, a] of anns.changed) {
      // Re-anchoring or a status/colour change leaves the indexed text as it was.
      if (
        old?.target.quote.exact === a.target.quote.exact &&
        old.note === a.note &&
        sameIds(old.tagIds, a.tagIds)
      )
        continue
      this.put(passageDoc(a, (id) => this.tagMatcher.token(id)))
    }
    const notes = diffById(prev.notes, next.notes, this.notes)
    for (const n of notes.removed) this.remove(`n:${n.id}`)
    for (const [old, n] of notes.changed)
      if (old?.title !== n.title || old.doc !== n.doc) this.put(noteDoc(n))
  }

  search(query: string, limit = 50): SearchResult[] {
    const q = parseQuery(query)
    const filter = compileFilter(q.filters, { ...this.live, sources: this.nb.sources })
    const kinds = filter ? filter.kinds : KINDS
    if (kinds.length === 0) return []
    if (isStopWordQuery(q))
      return scanStopWords(this.liveDocs(), q.terms, kinds, filter?.doc ?? null, limit, this.live)
    const plan = planQuery(q, this.tagMatcher, kinds, this.names)
    if (!plan) {
      if (!filter || !hasFilters(q.filters)) return []
      return firstPassages(this.nb, filter.passage, limit).map((a) =>
        passageResult(a, { text: clip(a.target.quote.exact), marks: [] }, 0, this.live),
      )
    }
    if (plan.stopOnly)
      return scanStopPhrases(this.liveDocs(), plan.required, kinds, filter?.doc ?? null, limit, this.live)
    const byShort = this.byShort
    const accept = filter ? (_id: string, short: number) => filter.doc(byShort[short]!) : null
    // Ranked lazily: only the documents taken below are ordered and given their matched terms.
    const hits = this.scorer.rank(plan.query, accept)

    // Only the top of the list gets the per-document phrase checks and snippets.
    const window = plan.adjacent ? Math.max(limit * 3, 150) : limit
    const inText = (re: RegExp, doc: IndexDoc): boolean =>
      KIND_FIELDS[doc.kind].some((f) => hasPhrase(re, doc[f]))
    const picked: { hit: Ranked; doc: IndexDoc; score: number }[] = []
    for (const hit of hits) {
      if (picked.length >= window) break
      const doc = byShort[hit.doc]
      const ok =
        doc &&
        plan.required.every((p) => inText(p.re, doc) || doc.tags.split(' ').some((t) => p.tagTokens.has(t)))
      if (doc && ok) picked.push({ hit, doc, score: hit.score })
    }
    const adjacent = plan.adjacent
    if (adjacent && picked.length > 0) {
      // Adding the best score puts every in-a-row match above every scattered one.
      const top = picked[0].score
      for (const p of picked) if (inText(adjacent, p.doc)) p.score += top
      picked.sort((a, b) => b.score - a.score)
    }
    // An entity's other names are marked wherever they occur, also where the typed words scored.
    const marked = plan.required.map((p) => p.re).concat(adjacent ? [adjacent] : [], plan.names)
    const bare = new Set(q.terms.flatMap((t) => tokenize(t).map(foldTerm)))
    const phraseWords = new Set(
      q.phrases.flatMap((p) => tokenize(p).map(foldTerm)).filter((w) => !bare.has(w)),
    )
    return picked.slice(0, limit).map((p) => {
      const hit = { ...p.hit, ...this.scorer.details(p.hit.doc) } // only for the documents shown
      return hitResult(p.doc, hit, p.score, marked, this.live, phraseWords)
    })
  }

  /** Re-indexes only the blocks whose text changed; unchanged blocks just get new offsets. */
  private indexSource(sourceId: string, doc: DocNode | null): void {
    const unused = new Map<string, IndexDoc[]>()
    for (const d of this.blocks.get(sourceId) ?? []) unused.set(d.body, [...(unused.get(d.body) ?? []), d])
    const next: IndexDoc[] = []
    for (const b of doc ? textBlocks(doc) : []) {
      if (b.text.trim() === '') continue // nothing to find in an empty paragraph
      // (Hashing a block's whole text for a lookup in an empty map showed in a first build's profile.)
      const reused = unused.size > 0 ? unused.get(b.text)?.pop() : undefined
      const d = reused ?? blockDoc(sourceId, b, this.seq++)
      if (reused) Object.assign(reused, { offset: b.offset, ref: `${sourceId}:${b.index}` })
      else this.index(d)
      next.push(d)
    }
    for (const rest of unused.values()) for (const d of rest) this.discard(d)
    if (next.length > 0) this.blocks.set(sourceId, next)
    else this.blocks.delete(sourceId)
  }

  /** Indexes a passage, note page or tag, replacing the document of that id. */
  private put(d: IndexDoc): void {
    this.remove(d.id)
    this.index(d)
    this.docs.set(d.id, d)
  }

  private remove(id: string): void {
    const d = this.docs.get(id)
    if (!d) return
    this.docs.delete(id)
    this.discard(d)
  }

  private index(d: IndexDoc): void {
    if (this.adopting) return this.claim(d, this.adopting)
    d.short = this.postings.add(d.id, fieldsOf(d))
    this.byShort[d.short] = d
    this.lastUpdate.added++
  }

  /** Adopting a snapshot: the document takes the next saved short id (documentOrder). */
  private claim(d: IndexDoc, adopting: Adopting): void {
    if (adopting.next === adopting.order.length)
      throw new Error('the notebook has more documents than its saved index')
    const short = adopting.order[adopting.next++]
    d.short = short
    this.byShort[short] = d
    adopting.ids[short] = d.id
    adopting.shape = withShape(adopting.shape, d)
    this.lastUpdate.added++
  }

  private discard(d: IndexDoc): void {
    this.postings.discard(d.short, fieldsOf(d))
    this.byShort[d.short] = undefined
    this.lastUpdate.discarded++
  }

  /** The indexed documents in the order added (what a scan reads). */
  private *liveDocs(): Generator<IndexDoc> {
    for (const d of this.byShort) if (d) yield d
  }
}
