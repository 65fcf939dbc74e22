// Test replicas of a live notebook: a Y.Doc, its projection, and the notebook the reducer
// keeps, as the core holds them; plus random operations chosen to collide across replicas
// (names from a small pool, edits of the same passages and notes, deletions of linked things).
import fc from 'fast-check'
import * as Y from 'yjs'
import { LiveProjection, notebookToYDoc, settle, writeNotebookDiff } from '../../../src/shared/live'
import { applyOps, type Op } from '../../../src/shared/ops'
import { docFromParagraphs, plainText } from '../../../src/shared/plain-text'
import { NotebookSchema, type Notebook } from '../../../src/shared/schema'
import { AT, notebookWithSource, passage } from '../../helpers/notebook'

export function baseNotebook(): Notebook {
  const { nb, source, text } = notebookWithSource([
    'Troops leave Ain al-Asad and Baghdad International Airport for Harir base by September 2025.',
    'Phase two runs until 2026 in the Kurdistan region.',
  ])
  const tag = (id: string, name: string) => ({ id, name, label: '', color: '#336699', description: '' })
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

/** One replica as the core keeps it: the doc, its projection, and the notebook in step with both. */
export class Replica {
  readonly doc = new Y.Doc()
  readonly projection: LiveProjection
  notebook: Notebook

  constructor(from: Replica | Notebook) {
    if (from instanceof Replica) Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(from.doc))
    else notebookToYDoc(from, this.doc)
    this.projection = new LiveProjection(this.doc)
    this.notebook = this.projection.project().notebook
  }

  /** A local batch: the reducer decides, the doc records the difference. */
  apply(ops: Op[], at = AT): void {
    const { notebook } = applyOps(this.notebook, ops, at)
    writeNotebookDiff(this.doc, this.notebook, notebook, 'local')
    this.notebook = notebook
  }

  /** After remote updates: project, repair, write the repairs back (as the core does). */
  settle(): string[] {
    const settled = settle(this.doc, this.projection)
    this.notebook = settled.notebook
    return settled.notices
  }
}

/** Sends each replica what the other has that it lacks (the y-protocols sync, in memory). */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  const forB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const forA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, forB, 'remote')
  Y.applyUpdate(a, forA, 'remote')
}

export type Choice = [number, number, number, number]
export const choiceArb = fc.tuple(fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.nat(1000))
const NAMES = ['base/harir', 'base/erbil', 'phase/1', 'phase/2', 'Base/Harir', 'topic/x']
const WORDS = ['troops', 'Harir', 'by', '2025', 'leave', 'phase']
const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length ? items[n % items.length] : undefined

/** Inserts a word into a note's text at a place (typing), keeping the rest. */
function typed(
  doc: { content?: unknown[] } | null,
  n: number,
  side: string,
): ReturnType<typeof docFromParagraphs> {
  const text = doc ? plainText(doc as never) : ''
  const at = text.length ? n % (text.length + 1) : 0
  return docFromParagraphs([`${text.slice(0, at)}${side}${WORDS[n % WORDS.length]} ${text.slice(at)}`])
}

/** An operation for the notebook as it stands on one side (the reducer may refuse it). */
export function opFor(nb: Notebook, [kind, x, y, z]: Choice, side: string): Op | null {
  const a = pick(nb.annotations, x)
  const b = pick(nb.annotations, y)
  const tag = pick(nb.tags, y)
  const other = pick(nb.tags, z)
  const note = pick(nb.notes, x)
  const source = pick(nb.sources, x)
  const uid = `${side}${kind}x${x}y${y}z${z}`
  const entity = pick(nb.entities ?? [], y)
  switch (kind % 25) {
    case 0:
      return { type: 'renameNotebook', title: `Title ${side}${x % 3}` }
    case 1:
      return a && source
        ? {
            type: 'addAnnotation',
            annotation: { ...a, id: uid, sourceId: source.id, tagIds: tag ? [tag.id] : [] },
          }
        : null
    case 2:
      return a ? { type: 'updateAnnotation', id: a.id, patch: { note: typed(a.note, z, side) } } : null
    case 3:
      return a ? { type: 'updateAnnotation', id: a.id, patch: { color: y % 2 ? '#aa3300' : null } } : null
    case 4:
      return a && tag && !a.tagIds.includes(tag.id)
        ? { type: 'updateAnnotation', id: a.id, patch: { tagIds: [...a.tagIds, tag.id] } }
        : null
    case 5:
      return a ? { type: 'deleteAnnotation', id: a.id } : null
    case 6:
      return {
        type: 'addTag',
        tag: { id: uid, name: NAMES[y % NAMES.length], label: '', color: '#123456', description: '' },
      }
    case 7:
      return tag
        ? { type: 'updateTag', id: tag.id, patch: { name: `${NAMES[z % NAMES.length]}-${side}` } }
        : null
    case 8:
      return tag ? { type: 'updateTag', id: tag.id, patch: { color: z % 2 ? '#654321' : '#abcdef' } } : null
    case 9:
      return tag ? { type: 'deleteTag', id: tag.id } : null
    case 10:
      return tag && other ? { type: 'mergeTags', fromId: tag.id, intoId: other.id } : null
    case 11:
      return a && b && nb.relations[0]
        ? {
            type: 'addLink',
            link: {
              id: uid,
              from: { kind: 'annotation', id: a.id },
              to: z % 3 === 0 && note ? { kind: 'note', id: note.id } : { kind: 'annotation', id: b.id },
              relationId: pick(nb.relations, z)!.id,
              comment: '',
              createdAt: AT,
            },
          }
        : null
    case 12:
      return nb.links.length ? { type: 'deleteLink', id: pick(nb.links, y)!.id } : null
    case 13:
      return note ? { type: 'updateNote', id: note.id, patch: { doc: typed(note.doc, z, side) } } : null
    case 14:
      return note ? { type: 'deleteNote', id: note.id } : null
    case 15:
      return {
        type: 'addNote',
        note: {
          id: uid,
          title: `Note ${side}`,
          doc: docFromParagraphs([WORDS[z % WORDS.length]]),
          createdAt: AT,
          updatedAt: AT,
        },
      }
    case 16:
      return {
        type: 'addRelation',
        relation: {
          id: uid,
          name: ['supports', 'contradicts', 'causes'][z % 3],
          inverse: 'inv',
          color: '#111111',
        },
      }
    // The analyst's fields (#14) merge like the rest: grades, dates, entities.
    case 18:
      return a
        ? {
            type: 'setPassageGrade',
            id: a.id,
            grade: z % 5 === 0 ? null : { credibility: 1 + (z % 6), reason: side },
          }
        : null
    case 19:
      return source
        ? {
            type: 'setSourceReliability',
            id: source.id,
            reliability: { reliability: (['A', 'B', 'C', 'D', 'E', 'F'] as const)[z % 6], reason: side },
          }
        : null
    case 20:
      return a
        ? {
            type: 'putPassageDate',
            passageId: a.id,
            date: {
              id: `d${z % 3}`,
              value: { from: null, to: `${2024 + (z % 3)}` },
              text: `until ${2024 + (z % 3)}`,
              status: y % 4 === 0 ? 'rejected' : 'accepted',
            },
          }
        : null
    case 21:
      return source ? { type: 'setSourcePublished', id: source.id, published: `2024-0${1 + (z % 9)}` } : null
    case 22:
      return {
        type: 'addEntity',
        entity: {
          id: uid,
          type: 'place',
          name: ['Harir', 'Erbil', 'Ain al-Asad'][z % 3],
          aliases: z % 2 ? ['Hareer'] : [],
          description: '',
          coordinates: { lat: 36.5, lon: 44.3 },
        },
      }
    case 23:
      return entity
        ? { type: 'updateEntity', id: entity.id, patch: { aliases: [...entity.aliases, `${side}${z % 4}`] } }
        : null
    case 24:
      return entity ? { type: 'deleteEntity', id: entity.id } : null
    default:
      return source
        ? { type: 'updateSource', id: source.id, patch: { title: `Source ${side}${z % 4}` } }
        : null
  }
}

/** Applies each drawn op the reducer accepts, one batch per op (as a person's edits arrive). */
export function runOps(replica: Replica, choices: Choice[], side: string): number {
  let applied = 0
  for (const c of choices) {
    const op = opFor(replica.notebook, c, side)
    if (!op) continue
    try {
      replica.apply([op])
      applied++
    } catch {
      // refused by the reducer: not made
    }
  }
  return applied
}
