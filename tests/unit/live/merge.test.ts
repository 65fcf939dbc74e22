// The merge law: two replicas of one notebook apply random concurrent operations, exchange
// their updates and repair what the merge broke; both end equal and keeping every rule.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readConflicts, repairMerge } from '../../../src/shared/live'
import { integrityProblems } from '../../../src/shared/ops/integrity'
import { docFromParagraphs } from '../../../src/shared/plain-text'
import { NotebookSchema, type Notebook } from '../../../src/shared/schema'
import { baseNotebook, choiceArb, exchange, Replica, runOps } from './replicas'

const RUNS = Number(process.env.GLOSSA_MERGE_RUNS ?? 300)

function expectValid(nb: Notebook): void {
  expect(integrityProblems(nb)).toEqual([])
  expect(NotebookSchema.safeParse(nb).success).toBe(true)
  const names = nb.tags.map((t) => t.name.toLowerCase())
  expect(new Set(names).size).toBe(names.length)
}

describe('merging two replicas', () => {
  it(`ends equal and valid after ${RUNS} random concurrent op sequences`, () => {
    let busy = 0
    fc.assert(
      fc.property(
        fc.array(choiceArb, { maxLength: 10 }),
        fc.array(choiceArb, { maxLength: 10 }),
        (left, right) => {
          const a = new Replica(baseNotebook())
          const b = new Replica(a)
          if (runOps(a, left, 'A') > 0 && runOps(b, right, 'B') > 0) busy++
          exchange(a.doc, b.doc)
          a.settle()
          b.settle()
          exchange(a.doc, b.doc)
          a.settle()
          b.settle()
          expect(JSON.stringify(a.notebook)).toEqual(JSON.stringify(b.notebook))
          expectValid(a.notebook)
          // A settled merge needs no further repair: repairs converge, they do not ping-pong.
          expect(repairMerge(a.notebook).ops).toEqual([])
        },
      ),
      { numRuns: RUNS },
    )
    expect(busy).toBeGreaterThan(RUNS * 0.5)
  }, 120_000) // a bound on a busy machine, not a timing check

  it('keeps both sides’ concurrent edits to different things', () => {
    const a = new Replica(baseNotebook())
    const b = new Replica(a)
    a.apply([{ type: 'updateTag', id: 't1', patch: { color: '#aa0000' } }])
    b.apply([{ type: 'updateTag', id: 't1', patch: { description: 'the airbase' } }])
    a.apply([{ type: 'updateAnnotation', id: 'a1', patch: { tagIds: ['t1', 't3', 't2'] } }])
    b.apply([{ type: 'updateAnnotation', id: 'a1', patch: { tagIds: ['t1'] } }])
    exchange(a.doc, b.doc)
    a.settle()
    b.settle()
    expect(a.notebook).toEqual(b.notebook)
    expect(a.notebook.tags[0]).toMatchObject({ color: '#aa0000', description: 'the airbase' })
    // A added t2 where B removed t3: both happen.
    expect(a.notebook.annotations[0].tagIds).toEqual(['t1', 't2'])
  })

  it('merges two people typing in one passage note by character', () => {
    const a = new Replica(baseNotebook())
    const b = new Replica(a)
    a.apply([
      { type: 'updateAnnotation', id: 'a2', patch: { note: docFromParagraphs(['Troops moved here']) } },
    ])
    b.apply([
      { type: 'updateAnnotation', id: 'a2', patch: { note: docFromParagraphs(['moved here in 2025']) } },
    ])
    exchange(a.doc, b.doc)
    a.settle()
    b.settle()
    expect(a.notebook.annotations[1].note).toEqual(docFromParagraphs(['Troops moved here in 2025']))
    expect(b.notebook).toEqual(a.notebook)
  })

  it('gives the later id a suffix when one tag name is created on both sides, and says so', () => {
    const a = new Replica(baseNotebook())
    const b = new Replica(a)
    const tag = { label: '', color: '#123456', description: '' }
    a.apply([{ type: 'addTag', tag: { ...tag, id: 'tA', name: 'base/erbil' } }])
    b.apply([{ type: 'addTag', tag: { ...tag, id: 'tB', name: 'Base/Erbil' } }])
    exchange(a.doc, b.doc)
    const notices = a.settle()
    b.settle()
    expect(notices.join(' ')).toMatch(/renamed “Base\/Erbil” → “Base\/Erbil \(2\)”/)
    expect(a.notebook.tags.filter((t) => t.id === 'tA' || t.id === 'tB').map((t) => t.name)).toEqual([
      'base/erbil',
      'Base/Erbil (2)',
    ])
    exchange(a.doc, b.doc)
    expect(b.projection.project().notebook).toEqual(a.projection.project().notebook)
  })

  it('removes a link made on one side to a passage deleted on the other', () => {
    const a = new Replica(baseNotebook())
    const b = new Replica(a)
    a.apply([{ type: 'deleteAnnotation', id: 'a3' }])
    b.apply([
      {
        type: 'addLink',
        link: {
          id: 'l2',
          from: { kind: 'annotation', id: 'a1' },
          to: { kind: 'annotation', id: 'a3' },
          relationId: 'r1',
          comment: '',
          createdAt: baseNotebook().createdAt,
        },
      },
    ])
    exchange(a.doc, b.doc)
    expect(a.settle().join(' ')).toMatch(/Removed 1 broken link/)
    b.settle()
    expect(a.notebook.links.map((l) => l.id)).toEqual(['l1'])
    expect(b.notebook).toEqual(a.notebook)
  })

  it('two renames of one tag: one value wins on both sides, the other is said and kept', () => {
    const a = new Replica(baseNotebook())
    const b = new Replica(a)
    a.apply([{ type: 'updateTag', id: 't2', patch: { name: 'base/harir-air-base' } }])
    b.apply([{ type: 'updateTag', id: 't2', patch: { name: 'base/hareer' } }])
    exchange(a.doc, b.doc)
    const notices = [...a.settle(), ...b.settle()]
    exchange(a.doc, b.doc)
    a.settle()
    b.settle()
    const kept = a.notebook.tags[1].name
    expect(b.notebook.tags[1].name).toBe(kept)
    const lost = kept === 'base/hareer' ? 'base/harir-air-base' : 'base/hareer'
    expect(notices).toEqual([
      `Two people changed the name of tag “${kept}” at once: kept “${kept}”; the other was “${lost}”.`,
    ])
    // Recorded once, on both replicas, with the lost value.
    for (const r of [a, b])
      expect(readConflicts(r.doc)).toMatchObject([{ key: 't2', field: 'name', kept, lost }])
  })

  it('a rename after seeing the other is no conflict', () => {
    const a = new Replica(baseNotebook())
    const b = new Replica(a)
    a.apply([{ type: 'updateTag', id: 't2', patch: { name: 'base/one' } }])
    exchange(a.doc, b.doc)
    b.settle()
    b.apply([{ type: 'updateTag', id: 't2', patch: { name: 'base/two' } }])
    exchange(a.doc, b.doc)
    expect(a.settle()).toEqual([])
    expect(readConflicts(a.doc)).toEqual([])
  })
})
