// Repairs made as a notebook opens: passages of a changed source re-anchored (or orphaned),
// broken references mended, missing sources stood in for, all as ordinary operations.
import { describe, expect, it } from 'vitest'
import { applyOps } from '../../../src/shared/ops'
import { integrityProblems } from '../../../src/shared/ops/integrity'
import { repairOps } from '../../../src/shared/ops/repair'
import { docFromParagraphs, plainText, textHash } from '../../../src/shared/plain-text'
import type { Notebook } from '../../../src/shared/schema'
import { AT, notebookWithSource, passage } from '../../helpers/notebook'

function fixture(): Notebook {
  const { nb, source, text } = notebookWithSource(['Troops leave Ain al-Asad for Harir by September 2025.'])
  return {
    ...nb,
    tags: [{ id: 't1', name: 'base/harir', label: '', color: '#336699', description: '' }],
    relations: [{ id: 'r1', name: 'supports', inverse: 'supported by', color: '#2e7d4f' }],
    annotations: [
      passage('a1', source, text, 'Ain al-Asad', { tagIds: ['t1'] }),
      passage('a2', source, text, 'Harir'),
    ],
  }
}

const repaired = (nb: Notebook) => applyOps(nb, repairOps(nb, AT).ops, AT).notebook

describe('repair when a notebook opens', () => {
  it('does nothing to a notebook that keeps every rule', () => {
    expect(repairOps(fixture(), AT)).toEqual({ ops: [], notices: [] })
  })

  it('re-anchors passages of a source whose text was changed outside Glossa, and orphans the lost', () => {
    const nb = fixture()
    const doc = docFromParagraphs(['Today, troops leave Ain al-Asad for Erbil by September 2025.'])
    const changed: Notebook = {
      ...nb,
      sources: [{ ...nb.sources[0], doc, textHash: textHash(plainText(doc)) }],
    }
    const { notices } = repairOps(changed, AT)
    const after = repaired(changed)
    const a1 = after.annotations.find((a) => a.id === 'a1')!
    expect(a1.status).toBe('anchored')
    expect(plainText(doc).slice(a1.target.position.start, a1.target.position.end)).toBe('Ain al-Asad')
    expect(after.annotations.find((a) => a.id === 'a2')!.status).toBe('orphaned')
    expect(notices.join(' ')).toMatch(/1 passage could not be found/)
    expect(repairOps(after, AT).ops).toEqual([])
  })

  it('widens a stored passage that ends inside a character to the whole character', () => {
    const { nb, source, text } = notebookWithSource(['Harir 😀 base'])
    const at = text.indexOf('😀')
    const split = {
      ...passage('a1', source, text, 'Harir'),
      target: {
        quote: { exact: text.slice(0, at + 1), prefix: '', suffix: text.slice(at + 1) },
        position: { start: 0, end: at + 1 },
      },
    }
    const after = repaired({ ...nb, annotations: [split] })
    expect(after.annotations[0].target.quote.exact).toBe('Harir 😀')
    expect(after.annotations[0].target.position).toEqual({ start: 0, end: at + 2 })
    expect(integrityProblems(after)).toEqual([])
    expect(repairOps(after, AT).ops).toEqual([])
  })

  it('fixes a stored text hash that does not match the text', () => {
    const nb = fixture()
    const forged: Notebook = { ...nb, sources: [{ ...nb.sources[0], textHash: 'forged' }] }
    expect(repaired(forged).sources[0].textHash).toBe(nb.sources[0].textHash)
  })

  it('mends broken references: unknown tags, links to nothing, passages without their source', () => {
    const nb = fixture()
    const broken: Notebook = {
      ...nb,
      annotations: [
        { ...nb.annotations[0], tagIds: ['t1', 'ghost', 't1'] },
        { ...nb.annotations[1], sourceId: 'lost-source' },
      ],
      links: [
        {
          id: 'l1',
          from: { kind: 'annotation', id: 'a1' },
          to: { kind: 'annotation', id: 'gone' },
          relationId: 'r1',
          comment: '',
          createdAt: AT,
        },
        {
          id: 'l2',
          from: { kind: 'annotation', id: 'a1' },
          to: { kind: 'annotation', id: 'a2' },
          relationId: 'r1',
          comment: '',
          createdAt: AT,
        },
      ],
    }
    const { notices } = repairOps(broken, AT)
    const after = repaired(broken)
    expect(integrityProblems(after)).toEqual([])
    expect(after.annotations[0].tagIds).toEqual(['t1'])
    expect(after.links.map((l) => l.id)).toEqual(['l2'])
    const stand = after.sources.find((s) => s.id === 'lost-source')!
    expect(stand.title).toBe('Recovered passages')
    const a2 = after.annotations.find((a) => a.id === 'a2')!
    expect(a2.status).toBe('anchored')
    expect(plainText(stand.doc).slice(a2.target.position.start, a2.target.position.end)).toBe('Harir')
    expect(notices).toHaveLength(3)
  })
})
