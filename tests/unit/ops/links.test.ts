import { describe, expect, it } from 'vitest'
import { applyOps, type Op } from '../../../src/shared/ops'
import type { Link, Notebook } from '../../../src/shared/schema'
import { AT, notebookWithSource, passage } from '../../helpers/notebook'

function fixture(): Notebook {
  const { nb, source, text } = notebookWithSource([
    'The first phase ends the mission.',
    'Troops leave Ain al-Asad.',
  ])
  return {
    ...nb,
    annotations: [
      passage('p1', source, text, 'The first phase'),
      passage('p2', source, text, 'Ain al-Asad'),
      passage('p3', source, text, 'mission'),
    ],
    notes: [
      { id: 'n1', title: 'Study notes', doc: { type: 'doc', content: [] }, createdAt: AT, updatedAt: AT },
    ],
  }
}
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
const run = (nb: Notebook, ops: Op[]) => applyOps(nb, ops, AT)

describe('links', () => {
  it('creates a directed link and refuses self, duplicate and dangling links', () => {
    const nb = run(fixture(), [{ type: 'addLink', link: link('l1', 'p1', 'p2') }]).notebook
    expect(nb.links).toHaveLength(1)
    expect(() => run(nb, [{ type: 'addLink', link: link('l2', 'p1', 'p1') }])).toThrow(/itself/)
    expect(() => run(nb, [{ type: 'addLink', link: link('l2', 'p1', 'p2') }])).toThrow(/already linked/)
    expect(() => run(nb, [{ type: 'addLink', link: link('l2', 'p1', 'gone') }])).toThrow(/No passage/)
    expect(() => run(nb, [{ type: 'addLink', link: link('l2', 'p1', 'p2', 'nope') }])).toThrow(/No relation/)
    // Same ends with another relation, or the reverse direction, are different links.
    expect(
      run(nb, [{ type: 'addLink', link: link('l2', 'p1', 'p2', 'supports') }]).notebook.links,
    ).toHaveLength(2)
    expect(run(nb, [{ type: 'addLink', link: link('l3', 'p2', 'p1') }]).notebook.links).toHaveLength(2)
    expect(
      run(nb, [{ type: 'addLink', link: link('l4', 'p1', 'n1', 'supports', 'note') }]).notebook.links,
    ).toHaveLength(2)
  })

  it('deleting a passage removes its links, and undo restores both', () => {
    const linked = run(fixture(), [
      { type: 'addLink', link: link('l1', 'p1', 'p2') },
      { type: 'addLink', link: link('l2', 'p3', 'p1', 'supports') },
      { type: 'addLink', link: link('l3', 'p2', 'p3', 'causes') },
    ]).notebook
    const { notebook, inverse } = run(linked, [{ type: 'deleteAnnotation', id: 'p1' }])
    expect(notebook.annotations.map((a) => a.id)).toEqual(['p2', 'p3'])
    expect(notebook.links.map((l) => l.id)).toEqual(['l3'])
    const undone = run(notebook, inverse).notebook
    expect(undone.annotations.map((a) => a.id).sort()).toEqual(['p1', 'p2', 'p3'])
    expect(undone.links.map((l) => l.id).sort()).toEqual(['l1', 'l2', 'l3'])
    // Undoing twice cannot duplicate anything.
    expect(run(undone, inverse).notebook.links).toHaveLength(3)
  })

  it('deleting a relation removes its links; deleting a source removes its passages', () => {
    const linked = run(fixture(), [{ type: 'addLink', link: link('l1', 'p1', 'p2') }]).notebook
    const noRelation = run(linked, [{ type: 'deleteRelation', id: 'elaborates' }])
    expect(noRelation.notebook.links).toEqual([])
    expect(run(noRelation.notebook, noRelation.inverse).notebook.links).toHaveLength(1)
    const noSource = run(linked, [{ type: 'deleteSource', id: 'src1' }])
    expect(noSource.notebook.annotations).toEqual([])
    expect(noSource.notebook.links).toEqual([])
    const back = run(noSource.notebook, noSource.inverse).notebook
    expect(back.sources).toHaveLength(1)
    expect(back.annotations).toHaveLength(3)
  })

  it('a refused batch changes nothing', () => {
    const nb = fixture()
    expect(() =>
      run(nb, [
        { type: 'deleteAnnotation', id: 'p1' },
        { type: 'addLink', link: link('l1', 'p1', 'p2') },
      ]),
    ).toThrow()
    expect(nb.annotations).toHaveLength(3)
  })
})
