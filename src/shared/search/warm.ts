// A small notebook searched once per process right after the first index is built, so the
// scorer, filters and snippet code have run every kind of query (and the JIT has type
// feedback for every path) before the first real one. At L the first runs of each query
// after a build ran 2–3× slower than warm ones: unoptimised code, and optimised code thrown
// away ("insufficient type feedback") the first time a query met a path not taken before
// (an AND after only ORs, a filter, a phrase). docs/PERFORMANCE.md has the traces.
import { SCHEMA_VERSION, type Annotation, type Notebook, type Source, type Tag } from '../schema'

const AT = '2026-01-01T00:00:00.000Z'
/** Sentences with words of several lengths, so prefixes expand, a typo has neighbours and phrases match. */
const SENTENCES = [
  'The harbour tender left the quarry at dawn, its lanterns lit.',
  'Marlowe kept the harbour log in vellum; the tender carried quartz.',
  'At Ḥarīr the osprey nested on a plinth of cobalt stone.',
  'The harbinger of sorrow came by the harbour road, past the quarry.',
  'Quarrels over the quartz trade filled the ledger of the tender.',
  'An ostler brought velvet and sorrel to the lantern maker.',
  'Harbours to the north froze; the marrow of the winter was long.',
  'Cobbled lanes led from the plinths to the harbour tender quay.',
]

const doc = (paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })),
})

export function warmNotebook(): Notebook {
  const tags: Tag[] = ['place/harbour', 'place/quarry', 'theme/light', 'theme'].map((name, i) => ({
    id: `wt${i}`,
    name,
    label: i === 0 ? 'Harbour' : '',
    color: '#336699',
    description: i === 1 ? SENTENCES[4] : '',
  }))
  const paragraphs = (s: number): string[] =>
    SENTENCES.map((_, p) => SENTENCES[(s * 3 + p) % SENTENCES.length])
  const sources: Source[] = [0, 1, 2].map((s) => ({
    id: `ws${s}`,
    title: `Lantern log ${s}`,
    origin: 'example.org',
    doc: doc(paragraphs(s)),
    textHash: '',
    createdAt: AT,
    updatedAt: AT,
  }))
  const annotations: Annotation[] = Array.from({ length: 24 }, (_, i) => {
    const s = i % 3
    const p = Math.floor(i / 3)
    const text = paragraphs(s)
    const start = text.slice(0, p).reduce((n, t) => n + t.length + 1, 0)
    const exact = text[p]
    return {
      id: `wa${i}`,
      sourceId: `ws${s}`,
      target: { quote: { exact, prefix: '', suffix: '' }, position: { start, end: start + exact.length } },
      anchoredHash: '',
      note: i % 2 ? doc([SENTENCES[(i + 3) % SENTENCES.length]]) : null,
      tagIds: i % 3 ? [`wt${i % 4}`] : [],
      color: null,
      status: i % 5 === 0 ? 'orphaned' : 'anchored',
      ...(i % 4 === 1 ? { grade: { reliability: 'B', credibility: 2, reason: '' } } : {}),
      createdAt: AT,
      updatedAt: AT,
    } as Annotation
  })
  const notes = [0, 1].map((n) => ({
    id: `wn${n}`,
    title: `Notes on the ${n ? 'quarry' : 'harbour'}`,
    doc: doc([SENTENCES[n + 5], SENTENCES[n + 1]]),
    createdAt: AT,
    updatedAt: AT,
  }))
  const nb = {
    schemaVersion: SCHEMA_VERSION,
    id: 'warm',
    title: 'Warm-up',
    createdAt: AT,
    updatedAt: AT,
    sources,
    annotations,
    facets: [{ key: 'place', name: 'Place', color: '#aa3300' }],
    tags,
    relations: [],
    links: [],
    notes,
  }
  // Through JSON, with the members in the order Glossa writes them: the objects then share
  // their hidden classes with an opened notebook's, so the type feedback gathered here is
  // what the real queries meet (object literals would have classes of their own).
  return JSON.parse(JSON.stringify(nb)) as Notebook
}

/** One of each kind of query the search box takes. */
export const WARM_QUERIES = [
  'harbour',
  'the',
  'harbour tender',
  'harbour tender quartz',
  'har',
  'lant',
  'harboor', // a typo
  'harir', // folded
  '"harbour tender"',
  '"the harbour"',
  'tag:place',
  'tag:place/harbour',
  'tag:place harbour',
  'is:orphaned',
  'is:orphaned harbour',
  'is:untagged quartz',
  'kind:passage har',
  'kind:note notes harbour',
  'source:lantern harbour',
  'grade:B2 harbour',
]

/**
 * Rounds over WARM_QUERIES. Measured after an L build (main-thread CPU, loaded machine): 1 round
 * cost 30–40 ms and barely moved the first queries; 12 rounds cut their p95 most but cost
 * 100–130 ms; 6 is between.
 */
const ROUNDS = 6

/** The JIT's state is the process's, so once per process (module state, not per index). */
let steps: Iterator<void> | null = null
let warmed = false

function* warming(make: (nb: Notebook) => { search(q: string): unknown }): Generator<void> {
  const index = make(warmNotebook())
  for (let r = 0; r < ROUNDS; r++)
    for (const q of WARM_QUERIES) {
      yield
      index.search(q)
    }
}

/**
 * One step of the warm-up (building the small index, then one query), so a window can spread it
 * over idle time. False once it is done in this process (then it does nothing). `make` builds a
 * fresh index of a notebook (passed in: this module must not import index.ts, which calls it).
 */
export function warmStep(make: (nb: Notebook) => { search(q: string): unknown }): boolean {
  if (warmed) return false
  steps ??= warming(make)
  if (steps.next().done) warmed = true
  return !warmed
}

/** The whole warm-up at once (what is left of it), once per process. */
export function warmOnce(make: (nb: Notebook) => { search(q: string): unknown }): void {
  while (warmStep(make));
}
