import { describe, expect, it } from 'vitest'
import { applyOps, type Op } from '../../../src/shared/ops'
import type { Notebook, Tag } from '../../../src/shared/schema'
import { AT, notebookWithSource, passage } from '../../helpers/notebook'

const tag = (id: string, name: string): Tag => ({ id, name, label: '', color: '#336699', description: '' })

function fixture(): Notebook {
  const { nb, source, text } = notebookWithSource([
    'Troops leave Ain al-Asad and Baghdad International Airport for Hareer base.',
  ])
  return {
    ...nb,
    tags: [tag('t1', 'base/ain-al-asad'), tag('t2', 'base/harir'), tag('t3', 'phase/1')],
    annotations: [
      passage('a1', source, text, 'Ain al-Asad', { tagIds: ['t1', 't3'] }),
      passage('a2', source, text, 'Hareer base', { tagIds: ['t2'] }),
      passage('a3', source, text, 'Troops leave', { tagIds: ['t1', 't2'] }),
    ],
  }
}

/** Every passage's tag ids point at existing tags, without duplicates. */
function assertConsistent(nb: Notebook): void {
  const ids = new Set(nb.tags.map((t) => t.id))
  for (const a of nb.annotations) {
    expect(
      a.tagIds.every((id) => ids.has(id)),
      `${a.id} has a dangling tag`,
    ).toBe(true)
    expect(new Set(a.tagIds).size).toBe(a.tagIds.length)
  }
}

const run = (nb: Notebook, ops: Op[]) => applyOps(nb, ops, AT)

describe('tag operations', () => {
  const table: [string, Op[], (nb: Notebook) => void][] = [
    [
      'rename',
      [{ type: 'updateTag', id: 't1', patch: { name: ' base / Ain al Asad ' } }],
      (nb) => {
        expect(nb.tags.find((t) => t.id === 't1')!.name).toBe('base/Ain al Asad')
        expect(nb.annotations.find((a) => a.id === 'a1')!.tagIds).toContain('t1')
      },
    ],
    [
      'move to another facet',
      [{ type: 'updateTag', id: 't2', patch: { name: 'place/harir' } }],
      (nb) => {
        expect(nb.tags.find((t) => t.id === 't2')!.name).toBe('place/harir')
      },
    ],
    [
      'merge',
      [{ type: 'mergeTags', fromId: 't2', intoId: 't1' }],
      (nb) => {
        expect(nb.tags.map((t) => t.id)).toEqual(['t1', 't3'])
        expect(nb.annotations.map((a) => a.tagIds)).toEqual([['t1', 't3'], ['t1'], ['t1']])
      },
    ],
    [
      'delete',
      [{ type: 'deleteTag', id: 't1' }],
      (nb) => {
        expect(nb.annotations.map((a) => a.tagIds)).toEqual([['t3'], ['t2'], ['t2']])
      },
    ],
  ]
  for (const [name, ops, check] of table) {
    it(`${name} keeps passages consistent and is undone exactly`, () => {
      const before = fixture()
      const { notebook, inverse } = run(before, ops)
      check(notebook)
      assertConsistent(notebook)
      const undone = run(notebook, inverse).notebook
      expect({ ...undone, updatedAt: before.updatedAt }).toEqual(before)
      // Redo after undo gives the same result again.
      expect(run(undone, ops).notebook.tags).toEqual(notebook.tags)
    })
  }

  it('refuses bad names with a clear message', () => {
    const nb = fixture()
    const bad: [string, RegExp][] = [
      ['', /at least one letter/],
      ['  ', /at least one letter/],
      ['///', /at least one letter/],
      ['BASE/AIN-AL-ASAD', /already exists/],
      ['x'.repeat(121), /at most 120/],
    ]
    for (const [name, message] of bad) {
      expect(() => run(nb, [{ type: 'addTag', tag: tag('t9', name) }]), name).toThrow(message)
    }
    expect(() => run(nb, [{ type: 'updateTag', id: 't2', patch: { name: 'Phase/1' } }])).toThrow(
      /already exists/,
    )
    expect(() => run(nb, [{ type: 'mergeTags', fromId: 't1', intoId: 't1' }])).toThrow(/itself/)
  })

  it('refuses tagging with an unknown tag', () => {
    expect(() =>
      run(fixture(), [{ type: 'updateAnnotation', id: 'a1', patch: { tagIds: ['nope'] } }]),
    ).toThrow(/No tag/)
  })

  it('treats facet keys that differ only by case as one facet', () => {
    const nb = { ...fixture(), facets: [{ key: 'Base', name: 'Bases', color: '#224466' }] }
    const put = run(nb, [{ type: 'putFacet', facet: { key: 'base', name: 'Places', color: '#112233' } }])
    expect(put.notebook.facets).toEqual([{ key: 'base', name: 'Places', color: '#112233' }])
    expect(run(put.notebook, put.inverse).notebook.facets).toEqual(nb.facets)
    expect(run(nb, [{ type: 'deleteFacet', key: 'BASE' }]).notebook.facets).toEqual([])
  })
})
