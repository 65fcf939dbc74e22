// A saved index (snapshot.ts) answers every query as the index it was saved from, and keeps
// doing so through later edits; bad bytes are refused with a reason, never half adopted.
// MiniSearch stays the oracle of the adopted index (oracle.ts).
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateNotebook, type ScaleSpec } from '../../../bench/generate'
import { prefix } from '../../../src/renderer/src/state/search-index'
import { applyOps } from '../../../src/shared/ops'
import type { Notebook } from '../../../src/shared/schema'
import { NotebookSearch } from '../../../src/shared/search'
import { planQuery } from '../../../src/shared/search/plan'
import { KINDS, parseQuery } from '../../../src/shared/search/query'
import { SNAPSHOT_FORMAT } from '../../../src/shared/search/snapshot-format'
import { tokenize } from '../../../src/shared/search/snippet'
import { EDIT_KINDS, opFor, type Edit } from './edits'
import { seedNotebook } from './fixture'
import { compareWith, inside, oracleOf } from './oracle'

const SMALL: ScaleSpec = { passages: 120, sources: 3, words: 600, tags: 30, facets: 3, links: 20, notes: 8 }
const AT = '2026-01-01T00:00:00.000Z'
const nb = generateNotebook(SMALL, 11)
const vocab = [...new Set(nb.annotations.slice(0, 80).flatMap((a) => tokenize(a.target.quote.exact)))].filter(
  (w) => w.length >= 3,
)

const query = fc.oneof(
  fc.constantFrom(...vocab),
  fc.constantFrom(...vocab).map((w) => w.slice(0, 3)), // a prefix
  fc.tuple(fc.constantFrom(...vocab), fc.constantFrom(...vocab)).map(([a, b]) => `${a} ${b}`),
  fc.constantFrom(...vocab).map((w) => `"${w}"`),
  fc.constantFrom(...nb.tags.map((t) => `tag:${t.name}`)),
  fc.constantFrom('the', 'kind:note', 'is:orphaned', 'zzqx'),
)
const edit: fc.Arbitrary<Edit> = fc.record({
  which: fc.nat(),
  kind: fc.constantFrom(...EDIT_KINDS),
  text: fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' ')),
})

const answers = (s: NotebookSearch, qs: string[]) => qs.map((q) => s.search(q, 40))
const edited = (from: Notebook, edits: Edit[]): Notebook =>
  edits.reduce((cur, e) => applyOps(cur, [opFor(cur, e)], AT).notebook, from)

/** Built as the window builds (slices, `steps` of them before the rest), then edited. */
function windowIndex(
  from: Notebook,
  steps: number,
  edits: Edit[],
): { index: NotebookSearch; notebook: Notebook } {
  const index = new NotebookSearch()
  for (let step = 1; step <= steps; step++) index.update(prefix(from, step))
  let current = from
  index.update(current)
  for (const e of edits) index.update((current = edited(current, [e])))
  return { index, notebook: current }
}

describe('a saved search index', () => {
  it('answers every query as the index it was saved from, through later edits too', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 3 }),
        fc.array(edit, { maxLength: 8 }),
        fc.array(edit, { maxLength: 8 }),
        fc.array(query, { minLength: 1, maxLength: 5 }),
        (steps, before, after, queries) => {
          const { index, notebook } = windowIndex(nb, steps, before)
          const bytes = index.snapshot()!
          const adopted = NotebookSearch.adopt(notebook, bytes)
          expect(adopted.documentCount).toBe(index.documentCount)
          expect(answers(adopted, queries)).toEqual(answers(index, queries))
          // The same edits afterwards keep both alike, and the adopted one agrees with MiniSearch.
          let current = notebook
          for (const e of after) {
            current = edited(current, [e])
            index.update(current)
            adopted.update(current)
          }
          expect(answers(adopted, queries)).toEqual(answers(index, queries))
          const ms = oracleOf(adopted)
          expect(adopted.documentCount).toBe(ms.documentCount)
          for (const q of queries) {
            const plan = planQuery(parseQuery(q), inside(adopted).tagMatcher, KINDS)
            if (plan) compareWith(ms, adopted, plan.query)
          }
          // An adopted, then edited, index saves and adopts again.
          const again = NotebookSearch.adopt(current, adopted.snapshot()!)
          expect(answers(again, queries)).toEqual(answers(index, queries))
        },
      ),
      { numRuns: 40 },
    )
  })

  it('finds what a build finds in the seed article', () => {
    const seed = seedNotebook()
    const built = NotebookSearch.build(seed)
    const adopted = NotebookSearch.adopt(seed, built.snapshot()!)
    for (const q of ['hareer', 'ain al-asad', 'tag:base', 'sovereign', '"second phase"', 'iran'])
      expect(adopted.search(q), q).toEqual(built.search(q))
    expect(adopted.search('hareer').length).toBeGreaterThan(0)
  })

  it('is refused, saying why, when its documents are not the notebook’s in number, kind or length', () => {
    const bytes = NotebookSearch.build(nb).snapshot()!
    const fewer = { ...nb, annotations: nb.annotations.slice(1) }
    expect(() => NotebookSearch.adopt(fewer, bytes)).toThrow(
      /^the notebook has \d+ documents, its saved index \d+$/,
    )
    const more = edited(nb, [{ which: 0, kind: 'note-page', text: vocab[0] }])
    expect(() =>
      NotebookSearch.adopt({ ...more, notes: [...more.notes, { ...more.notes[0], id: 'new' }] }, bytes),
    ).toThrow('the notebook has more documents than its saved index')
    // As many documents, in another order or with other texts: the shape check sees it.
    const swapped = { ...nb, notes: [nb.notes[1], nb.notes[0], ...nb.notes.slice(2)] }
    expect(nb.notes[0].title.length).not.toBe(nb.notes[1].title.length)
    expect(() => NotebookSearch.adopt(swapped, bytes)).toThrow('its documents differ from the notebook’s')
    const renamed = { ...nb, tags: [{ ...nb.tags[0], name: `${nb.tags[0].name}-x` }, ...nb.tags.slice(1)] }
    expect(() => NotebookSearch.adopt(renamed, bytes)).toThrow('its documents differ from the notebook’s')
  })

  it('refuses bytes cut short, changed or of another version, with a reason', () => {
    const bytes = NotebookSearch.build(nb).snapshot()!
    const refused = (b: Uint8Array) => {
      try {
        NotebookSearch.adopt(nb, b)
      } catch (error) {
        // Our own refusal, not a crash of code that trusted what it read.
        expect(error).not.toBeInstanceOf(TypeError)
        expect(error).not.toBeInstanceOf(RangeError)
        return (error as Error).message
      }
      return 'adopted'
    }
    expect(refused(bytes)).toBe('adopted')
    expect(refused(bytes.slice(0, bytes.length - 4))).toBe('its size does not match its header')
    expect(refused(bytes.slice(0, 10))).toBe('not a saved search index of this version')
    expect(refused(new Uint8Array(0))).toBe('not a saved search index of this version')
    const version = bytes.slice()
    new DataView(version.buffer).setUint32(4, SNAPSHOT_FORMAT + 1, true)
    expect(refused(version)).toBe('not a saved search index of this version')
    const reserved = bytes.slice()
    reserved[12] = 1
    expect(refused(reserved)).toBe('its header is not one Glossa writes')
    const header = bytes.slice()
    header[16] = 0x5b // '[' where '{' was
    expect(refused(header)).toMatch(/^its header is not/)
    // A document number in the lists pointing past every document.
    const lists = bytes.slice()
    const view = new DataView(lists.buffer)
    const { entries } = JSON.parse(new TextDecoder().decode(lists.subarray(16, 16 + view.getUint32(8, true))))
    view.setInt32(lists.length - 8 * entries, 1 << 30, true) // the first entry of the docs
    expect(refused(lists)).toBe('a list holds a document out of order or out of range')
    // Any single changed byte is refused or leaves an index that still answers.
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const b = bytes.slice()
        b[at] ^= xor
        const outcome = refused(b)
        expect(typeof outcome).toBe('string')
        if (outcome === 'adopted') NotebookSearch.adopt(nb, b).search(vocab[0])
      }),
      { numRuns: 200 },
    )
  })

  it('keeps its bytes until SNAPSHOT_FORMAT is bumped', () => {
    // A change to what is saved, or to how words are read, changes these bytes: bump
    // SNAPSHOT_FORMAT (snapshot-format.ts) so no older saved index is adopted, then update this.
    const bytes = NotebookSearch.build(seedNotebook()).snapshot()!
    expect(SNAPSHOT_FORMAT).toBe(1)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      '1590d87a357d314430a1b946ad4e2f9cc1463992786114a4a5ebf960945e0cad',
    )
  })
})
