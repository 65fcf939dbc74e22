import { describe, expect, it } from 'vitest'
import {
  brokenLinks,
  endOf,
  linkCounts,
  linksOf,
  readingOf,
  referencedPassageIds,
  repairLinkOps,
} from '../../../src/shared/links'
import { applyOps } from '../../../src/shared/ops'
import type { DocNode, Link, Notebook } from '../../../src/shared/schema'
import { AT, notebookWithSource, passage } from '../../helpers/notebook'

const ref = (annotationId: string): DocNode => ({ type: 'passageRef', attrs: { annotationId } })
const para = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content })
const link = (
  id: string,
  from: string,
  to: string,
  relationId = 'elaborates',
  toKind: 'annotation' | 'note' = 'annotation',
): Link => ({
  id,
  from: { kind: 'annotation', id: from },
  to: { kind: toKind, id: to },
  relationId,
  comment: '',
  createdAt: AT,
})

function fixture(): Notebook {
  const { nb, source, text } = notebookWithSource([
    'The first phase ends the mission.',
    'Troops leave Ain al-Asad.',
  ])
  return {
    ...nb,
    annotations: [
      passage('p1', source, text, 'The first phase ends the mission.'),
      passage('p2', source, text, 'Ain al-Asad'),
    ],
    notes: [
      {
        id: 'n1',
        title: 'Study notes',
        doc: {
          type: 'doc',
          content: [
            para({ type: 'text', text: 'See ' }, ref('p1'), { type: 'text', text: ' and ' }, ref('p1')),
          ],
        },
        createdAt: AT,
        updatedAt: AT,
      },
      {
        id: 'n2',
        title: 'Analysis',
        doc: {
          type: 'doc',
          content: [
            { type: 'bulletList', content: [{ type: 'listItem', content: [para(ref('p2'), ref('p1'))] }] },
          ],
        },
        createdAt: AT,
        updatedAt: AT,
      },
    ],
    links: [
      link('l1', 'p1', 'p2'),
      link('l2', 'p2', 'p1', 'precedes'),
      link('l3', 'p1', 'n2', 'supports', 'note'),
    ],
  }
}

describe('linksOf', () => {
  it('reads outgoing links with the relation and backlinks with its inverse', () => {
    const nb = fixture()
    const p2 = linksOf(nb, { kind: 'annotation', id: 'p2' })
    expect(p2.outgoing.map((r) => `${r.reading} → ${r.other.label}`)).toEqual([
      'precedes → “The first phase ends the mission.”',
    ])
    expect(p2.incoming.map((r) => `${r.reading} ← ${r.other.label}`)).toEqual([
      'elaborated by ← “The first phase ends the mission.”',
    ])
    const p1 = linksOf(nb, { kind: 'annotation', id: 'p1' })
    expect(p1.outgoing.map((r) => r.reading)).toEqual(['elaborates', 'supports'])
    expect(p1.incoming.map((r) => r.reading)).toEqual(['follows'])
    expect(p1.outgoing[1].other).toMatchObject({ label: '‘Analysis’', missing: false })
    // A note page's own links, from its side.
    expect(
      linksOf(nb, { kind: 'note', id: 'n2' }).incoming.map((r) => `${r.reading} ← ${r.other.label}`),
    ).toEqual(['supported by ← “The first phase ends the mission.”'])
  })

  it('every default relation has an inverse reading', () => {
    const nb = fixture()
    expect(nb.relations.map((r) => [readingOf(r, 'out'), readingOf(r, 'in')])).toEqual([
      ['supports', 'supported by'],
      ['contradicts', 'contradicted by'],
      ['elaborates', 'elaborated by'],
      ['causes', 'caused by'],
      ['precedes', 'follows'],
      ['same place', 'same place as'],
    ])
    expect([readingOf(undefined, 'out'), readingOf(undefined, 'in')]).toEqual(['linked to', 'linked from'])
  })

  it('lists the note pages that reference a passage, once each, in notebook order', () => {
    const nb = fixture()
    expect(linksOf(nb, { kind: 'annotation', id: 'p1' }).references.map((n) => n.title)).toEqual([
      'Study notes',
      'Analysis',
    ])
    expect(linksOf(nb, { kind: 'annotation', id: 'p2' }).references.map((n) => n.title)).toEqual(['Analysis'])
    // Editing a note (a new notes array) is seen at once.
    const edited = applyOps(
      nb,
      [
        {
          type: 'updateNote',
          id: 'n2',
          patch: { doc: { type: 'doc', content: [para({ type: 'text', text: 'nothing' })] } },
        },
      ],
      AT,
    ).notebook
    expect(linksOf(edited, { kind: 'annotation', id: 'p2' }).references).toEqual([])
  })

  it('reports ends that no longer exist instead of throwing', () => {
    const nb = { ...fixture(), annotations: fixture().annotations.filter((a) => a.id !== 'p2'), notes: [] }
    const p1 = linksOf(nb, { kind: 'annotation', id: 'p1' })
    expect(p1.outgoing.map((r) => [r.other.label, r.other.missing])).toEqual([
      ['missing passage', true],
      ['missing note', true],
    ])
    expect(endOf(nb, { kind: 'annotation', id: 'nope' })).toMatchObject({
      missing: true,
      label: 'missing passage',
    })
  })
})

describe('references in note documents', () => {
  it('finds passageRef nodes at any depth, unique, in order of first appearance', () => {
    const nb = fixture()
    expect(referencedPassageIds(nb.notes[0].doc)).toEqual(['p1'])
    expect(referencedPassageIds(nb.notes[1].doc)).toEqual(['p2', 'p1'])
    expect(
      referencedPassageIds({
        type: 'doc',
        content: [
          para({ type: 'passageRef', attrs: {} }),
          para({ type: 'passageRef', attrs: { annotationId: 7 } }),
        ],
      }),
    ).toEqual([])
  })
})

describe('broken links', () => {
  it('are found and removed with ordinary operations that save and undo like any other', () => {
    const nb = fixture()
    const damaged: Notebook = {
      ...nb,
      links: [
        ...nb.links,
        link('bad1', 'p1', 'gone'),
        link('bad2', 'ghost', 'p2'),
        link('bad3', 'p1', 'p2', 'no-such-relation'),
        link('bad4', 'p2', 'n9', 'supports', 'note'),
      ],
    }
    expect(brokenLinks(damaged).map((l) => l.id)).toEqual(['bad1', 'bad2', 'bad3', 'bad4'])
    const ops = repairLinkOps(damaged)
    expect(ops).toEqual(['bad1', 'bad2', 'bad3', 'bad4'].map((id) => ({ type: 'deleteLink', id })))
    const { notebook, inverse } = applyOps(damaged, ops, AT)
    expect(notebook.links.map((l) => l.id)).toEqual(['l1', 'l2', 'l3'])
    expect(repairLinkOps(notebook)).toEqual([])
    // Putting broken links back is refused by the batch's integrity check.
    expect(() => applyOps(notebook, inverse, AT)).toThrow(/does not exist/)
    expect(repairLinkOps(nb)).toEqual([])
  })

  it('counts links per relation', () => {
    expect([...linkCounts(fixture().links)]).toEqual([
      ['elaborates', 1],
      ['precedes', 1],
      ['supports', 1],
    ])
  })
})
