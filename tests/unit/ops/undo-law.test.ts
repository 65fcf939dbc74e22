// The undo law: for any batch the reducer accepts, applying the inverse it returned restores
// the notebook exactly (timestamps aside), and applying the batch again (redo) gives the same
// notebook as the first time. Batches are drawn over every kind of operation.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyOps, type Op } from '../../../src/shared/ops'
import { integrityProblems } from '../../../src/shared/ops/integrity'
import { docFromParagraphs } from '../../../src/shared/plain-text'
import { NotebookSchema, type Notebook } from '../../../src/shared/schema'
import { AT, notebookWithSource, passage } from '../../helpers/notebook'
import { viewOpArb } from './arbitraries-views'

const RUNS = Number(process.env.GLOSSA_UNDO_RUNS ?? 1000)
const LATER = '2026-05-06T07:08:09.000Z'

function base(): Notebook {
  const { nb, source, text } = notebookWithSource([
    'Troops leave Ain al-Asad and Baghdad International Airport for Harir base by September 2025.',
    'Phase two runs until 2026 in the Kurdistan region.',
  ])
  const tag = (id: string, name: string) => ({ id, name, label: '', color: '#336699', description: '' })
  // Parsed like a file (schema defaults filled in), as every notebook the reducer sees is.
  return NotebookSchema.parse({
    ...nb,
    tags: [tag('t1', 'base/ain-al-asad'), tag('t2', 'base/harir'), tag('t3', 'phase/1')],
    entities: [],
    facets: [{ key: 'base', name: 'Bases', color: '#224466' }],
    relations: [{ id: 'r1', name: 'supports', inverse: 'supported by', color: '#2e7d4f' }],
    annotations: [
      passage('a1', source, text, 'Ain al-Asad', { tagIds: ['t1', 't3'] }),
      passage('a2', source, text, 'Harir base', { tagIds: ['t2'], note: docFromParagraphs(['moved here']) }),
      passage('a3', source, text, 'until 2026', { tagIds: ['t3', 't2'] }),
    ],
    links: [
      {
        id: 'l1',
        from: { kind: 'annotation', id: 'a1' },
        to: { kind: 'annotation', id: 'a2' },
        relationId: 'r1',
        comment: '',
        createdAt: AT,
      },
    ],
    notes: [
      { id: 'n1', title: 'Summary', doc: docFromParagraphs(['two phases']), createdAt: AT, updatedAt: AT },
    ],
  })
}

type Choice = [number, number, number, string]
const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length ? items[n % items.length] : undefined
const word = (s: string, fallback: string) => (s.trim() ? s.slice(0, 40) : fallback)

/** One operation drawn for the notebook as it stands (possibly one the reducer refuses). */
function opFor(nb: Notebook, original: Notebook, [kind, x, y, s]: Choice): Op | null {
  const a = pick(nb.annotations, x)
  const b = pick(nb.annotations, y)
  const tag = pick(nb.tags, x)
  const other = pick(nb.tags, y)
  const source = pick(nb.sources, x)
  const note = pick(nb.notes, x)
  const uid = `g${kind}x${x}y${y}`.slice(0, 60)
  switch (kind % 26) {
    case 0:
      return { type: 'renameNotebook', title: word(s, 'Renamed') }
    case 1:
      return {
        type: 'addSource',
        source: {
          ...original.sources[0],
          id: uid,
          title: word(s, 'New'),
          doc: docFromParagraphs([s || 'text']),
        },
      }
    case 2:
      return source
        ? {
            type: 'updateSource',
            id: source.id,
            patch: y % 2 ? { title: word(s, 'T') } : { doc: docFromParagraphs([s || 'changed']) },
          }
        : null
    case 3:
      return source ? { type: 'deleteSource', id: source.id } : null
    case 4:
      return source && nb.sources[0]
        ? {
            type: 'addAnnotation',
            annotation: {
              ...original.annotations[0],
              id: uid,
              sourceId: source.id,
              tagIds: tag ? [tag.id] : [],
            },
          }
        : null
    case 5:
      return a
        ? { type: 'updateAnnotation', id: a.id, patch: { note: s ? docFromParagraphs([s]) : null } }
        : null
    case 6:
      return a
        ? {
            type: 'updateAnnotation',
            id: a.id,
            patch: { color: y % 2 ? '#aa3300' : null, status: y % 3 ? 'anchored' : 'orphaned' },
          }
        : null
    case 7:
      return a
        ? {
            type: 'updateAnnotation',
            id: a.id,
            patch: { tagIds: nb.tags.filter((_, i) => (y >> i) & 1).map((t) => t.id) },
          }
        : null
    case 8:
      return a ? { type: 'deleteAnnotation', id: a.id } : null
    case 9:
      return {
        type: 'addTag',
        tag: { id: uid, name: `facet${y % 3}/${word(s, 'x')}`, label: '', color: '#123456', description: '' },
      }
    case 10:
      return tag
        ? {
            type: 'updateTag',
            id: tag.id,
            patch: y % 2 ? { name: `n/${word(s, 'y')}` } : { color: '#654321', description: s },
          }
        : null
    case 11:
      return tag ? { type: 'deleteTag', id: tag.id } : null
    case 12:
      return tag && other ? { type: 'mergeTags', fromId: tag.id, intoId: other.id } : null
    case 13:
      return {
        type: 'putFacet',
        facet: { key: y % 2 ? 'base' : 'phase', name: word(s, 'Facet'), color: '#abcdef' },
      }
    case 14:
      return nb.facets[0] ? { type: 'deleteFacet', key: nb.facets[0].key } : null
    case 15:
      return {
        type: 'addRelation',
        relation: { id: uid, name: word(s, 'rel') + y, inverse: 'inv', color: '#111111' },
      }
    case 16:
      return nb.relations[0]
        ? { type: 'updateRelation', id: nb.relations[0].id, patch: { name: word(s, 'r') + x } }
        : null
    case 17:
      return nb.relations[0] ? { type: 'deleteRelation', id: pick(nb.relations, y)!.id } : null
    case 18:
      return a && b && nb.relations[0]
        ? {
            type: 'addLink',
            link: {
              id: uid,
              from: { kind: 'annotation', id: a.id },
              to: y % 3 === 0 && note ? { kind: 'note', id: note.id } : { kind: 'annotation', id: b.id },
              relationId: pick(nb.relations, x)!.id,
              comment: s,
              createdAt: AT,
            },
          }
        : null
    case 19:
      return nb.links[0] ? { type: 'deleteLink', id: pick(nb.links, y)!.id } : null
    case 20:
      return {
        type: 'addNote',
        note: { id: uid, title: word(s, 'Note'), doc: docFromParagraphs([s]), createdAt: AT, updatedAt: AT },
      }
    case 21:
      return note
        ? {
            type: 'updateNote',
            id: note.id,
            patch: y % 2 ? { title: word(s, 'N') } : { doc: docFromParagraphs([s]) },
          }
        : null
    case 22:
      return note ? { type: 'deleteNote', id: note.id } : null
    case 23:
      return a && tag
        ? {
            type: 'retag',
            changes: [
              {
                id: a.id,
                ...(y % 2 ? { remove: tag.id } : {}),
                add: other ? { tagId: other.id, index: y % 3 } : undefined,
              },
            ],
          }
        : null
    case 24: {
      // Put back something of the original notebook that the batch removed (as an undo would).
      const index = original.annotations.findIndex((p) => !nb.annotations.some((q) => q.id === p.id))
      return index >= 0
        ? { type: 'restore', annotations: [{ annotation: original.annotations[index], index }] }
        : null
    }
    default: {
      if (nb.sources.length === 0) return null
      return fc.sample(viewOpArb(nb), { seed: x * 31 + y, numRuns: 1 })[0]
    }
  }
}

/** The batch: each drawn op kept if the reducer accepts it after the ones before. */
function batchFor(original: Notebook, choices: Choice[]): Op[] {
  const ops: Op[] = []
  let nb = original
  for (const choice of choices) {
    const op = opFor(nb, original, choice)
    if (!op) continue
    try {
      nb = applyOps(nb, [op], AT).notebook
      ops.push(op)
    } catch {
      // refused: not part of the batch
    }
  }
  return ops
}

/** The notebook without timestamps (an undo is exact except for when things happened). */
function timeless(nb: Notebook): unknown {
  return JSON.parse(JSON.stringify(nb, (k, v) => (k === 'updatedAt' ? undefined : v)))
}

const choice = fc.tuple(fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.string({ maxLength: 12 }))

describe('the undo law', () => {
  it(`restores the notebook exactly for ${RUNS} generated batches over every kind of operation`, () => {
    const original = base()
    let nonEmpty = 0
    fc.assert(
      fc.property(fc.array(choice, { minLength: 1, maxLength: 8 }), (choices) => {
        const ops = batchFor(original, choices)
        if (ops.length === 0) return
        nonEmpty++
        const done = applyOps(original, ops, LATER)
        expect(integrityProblems(done.notebook)).toEqual([])
        const undone = applyOps(done.notebook, done.inverse, LATER)
        expect(timeless(undone.notebook)).toEqual(timeless(original))
        const redone = applyOps(undone.notebook, ops, LATER)
        expect(timeless(redone.notebook)).toEqual(timeless(done.notebook))
      }),
      { numRuns: RUNS },
    )
    // The generator must actually exercise the reducer, not produce empty batches.
    expect(nonEmpty).toBeGreaterThan(RUNS * 0.9)
  })

  it('a tag deletion undone after a note was typed keeps the note (field-level inverse)', () => {
    const nb = base()
    const deleted = applyOps(nb, [{ type: 'deleteTag', id: 't2' }], AT)
    const typed = applyOps(
      deleted.notebook,
      [{ type: 'updateAnnotation', id: 'a2', patch: { note: docFromParagraphs(['typed later']) } }],
      AT,
    )
    const undone = applyOps(typed.notebook, deleted.inverse, AT).notebook
    const a2 = undone.annotations.find((a) => a.id === 'a2')!
    expect(a2.note).toEqual(docFromParagraphs(['typed later']))
    expect(a2.tagIds).toEqual(['t2'])
    expect(undone.annotations.find((a) => a.id === 'a3')!.tagIds).toEqual(['t3', 't2'])
  })

  it('a merge undone after other tags were added keeps them', () => {
    const nb = base()
    const merged = applyOps(nb, [{ type: 'mergeTags', fromId: 't3', intoId: 't2' }], AT)
    expect(merged.notebook.annotations.map((a) => a.tagIds)).toEqual([['t1', 't2'], ['t2'], ['t2']])
    const later = applyOps(
      merged.notebook,
      [{ type: 'retag', changes: [{ id: 'a2', add: { tagId: 't1', index: 0 } }] }],
      AT,
    )
    const undone = applyOps(later.notebook, merged.inverse, AT).notebook
    expect(undone.annotations.map((a) => a.tagIds)).toEqual([
      ['t1', 't3'],
      ['t1', 't2'],
      ['t3', 't2'],
    ])
  })
})
