// The batch's referential-integrity check: no operation, restore included, can leave a passage
// on a missing source, a tag id naming nothing, or a link to nothing; derived fields (a
// source's text hash) come from the reducer, never from the caller.
import { describe, expect, it } from 'vitest'
import { applyOps } from '../../../src/shared/ops'
import { integrityProblems } from '../../../src/shared/ops/integrity'
import { docFromParagraphs, plainText, textHash } from '../../../src/shared/plain-text'
import type { Notebook } from '../../../src/shared/schema'
import { AT, notebookWithSource, passage } from '../../helpers/notebook'

function fixture(): Notebook {
  const { nb, source, text } = notebookWithSource(['Troops leave Ain al-Asad for Harir.'])
  return {
    ...nb,
    tags: [{ id: 't1', name: 'base/harir', label: '', color: '#336699', description: '' }],
    relations: [{ id: 'r1', name: 'supports', inverse: 'supported by', color: '#2e7d4f' }],
    annotations: [passage('a1', source, text, 'Ain al-Asad'), passage('a2', source, text, 'Harir')],
  }
}

describe('integrity at the end of every batch', () => {
  it('refuses a restore that puts a passage on a missing source', () => {
    const nb = fixture()
    const stray = { ...nb.annotations[0], id: 'a9', sourceId: 'nowhere' }
    expect(() =>
      applyOps(nb, [{ type: 'restore', annotations: [{ annotation: stray, index: 0 }] }], AT),
    ).toThrow(/source that does not exist/)
  })

  it('refuses a restore that carries an unknown or repeated tag', () => {
    const nb = fixture()
    const unknown = { ...nb.annotations[0], tagIds: ['ghost'] }
    expect(() =>
      applyOps(nb, [{ type: 'restore', annotations: [{ annotation: unknown, index: 0 }] }], AT),
    ).toThrow(/tag that does not exist/)
    const twice = { ...nb.annotations[0], tagIds: ['t1', 't1'] }
    expect(() =>
      applyOps(nb, [{ type: 'restore', annotations: [{ annotation: twice, index: 0 }] }], AT),
    ).toThrow(/one tag twice/)
  })

  it('refuses a restored link to nothing, with an unknown relation, or to itself', () => {
    const nb = fixture()
    const link = (from: string, to: string, relationId = 'r1') => ({
      link: {
        id: `l-${from}-${to}-${relationId}`,
        from: { kind: 'annotation' as const, id: from },
        to: { kind: 'annotation' as const, id: to },
        relationId,
        comment: '',
        createdAt: AT,
      },
      index: 0,
    })
    expect(() => applyOps(nb, [{ type: 'restore', links: [link('a1', 'gone')] }], AT)).toThrow(
      /does not exist/,
    )
    expect(() => applyOps(nb, [{ type: 'restore', links: [link('a1', 'a2', 'r9')] }], AT)).toThrow(/relation/)
    expect(() => applyOps(nb, [{ type: 'restore', links: [link('a1', 'a1')] }], AT)).toThrow(/itself/)
    expect(applyOps(nb, [{ type: 'restore', links: [link('a1', 'a2')] }], AT).notebook.links).toHaveLength(1)
  })

  it('refuses the whole batch: nothing of it is applied', () => {
    const nb = fixture()
    const ops = [
      { type: 'renameNotebook' as const, title: 'Changed' },
      {
        type: 'restore' as const,
        annotations: [{ annotation: { ...nb.annotations[0], id: 'a9', sourceId: 'x' }, index: 0 }],
      },
    ]
    expect(() => applyOps(nb, ops, AT)).toThrow()
    expect(nb.title).toBe('Test notebook')
  })

  it('computes a source’s text hash itself, ignoring the caller’s', () => {
    const nb = fixture()
    const doc = docFromParagraphs(['A new text.'])
    const added = applyOps(
      nb,
      [{ type: 'addSource', source: { ...nb.sources[0], id: 's2', doc, textHash: 'forged' } }],
      AT,
    ).notebook
    expect(added.sources[1].textHash).toBe(textHash(plainText(doc)))
    const edited = applyOps(
      added,
      [{ type: 'updateSource', id: 's2', patch: { doc: docFromParagraphs(['Other.']) } }],
      AT,
    )
    expect(edited.notebook.sources[1].textHash).toBe(textHash('Other.'))
    // Field-level inverse: the undo restores the text (and so its hash), nothing else.
    const undone = applyOps(edited.notebook, edited.inverse, AT).notebook
    expect(undone.sources[1].textHash).toBe(textHash(plainText(doc)))
  })

  it('lists every broken rule of a hand-edited file', () => {
    const nb = fixture()
    const broken: Notebook = {
      ...nb,
      annotations: [{ ...nb.annotations[0], sourceId: 'gone', tagIds: ['ghost'] }, nb.annotations[1]],
    }
    expect(integrityProblems(broken)).toHaveLength(1)
    expect(integrityProblems(nb)).toEqual([])
  })
})
