import { describe, expect, it } from 'vitest'
import { findTargets } from '../../../src/renderer/src/components/links/find-targets'
import type { Notebook } from '../../../src/shared/schema'
import { AT, notebookWithSource, passage } from '../../helpers/notebook'

function fixture(): Notebook {
  const { nb, source, text } = notebookWithSource([
    'The first phase ends the mission.',
    'Troops leave Ain al-Asad for Harir.',
  ])
  const tag = { id: 't1', name: 'base/ain-al-asad', label: 'Ain al-Asad', color: '#b35a1f', description: '' }
  return {
    ...nb,
    tags: [tag],
    annotations: [
      passage('p2', source, text, 'Troops leave', { tagIds: ['t1'] }),
      passage('p1', source, text, 'The first phase', {
        note: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Runs through September 2025' }] }],
        },
      }),
    ],
    notes: [
      {
        id: 'n1',
        title: 'Study notes',
        doc: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Timeline of the withdrawal' }] }],
        },
        createdAt: AT,
        updatedAt: AT,
      },
    ],
  }
}
const ids = (nb: Notebook, q: string, notes = true) => findTargets(nb, q, { notes }).map((t) => t.endpoint.id)

describe('findTargets', () => {
  it('matches the quote, the note and tag names, every word, ignoring case', () => {
    const nb = fixture()
    expect(ids(nb, 'FIRST phase')).toEqual(['p1'])
    expect(ids(nb, 'september')).toEqual(['p1'])
    expect(ids(nb, 'base/ain')).toEqual(['p2'])
    expect(ids(nb, 'asad troops')).toEqual(['p2'])
    expect(ids(nb, 'first troops')).toEqual([])
  })

  it('lists passages in reading order, then note pages (matched on title and text) unless left out', () => {
    const nb = fixture()
    expect(ids(nb, '')).toEqual(['p1', 'p2', 'n1'])
    expect(ids(nb, 'withdrawal')).toEqual(['n1'])
    expect(ids(nb, '', false)).toEqual(['p1', 'p2'])
    expect(findTargets(nb, '', { limit: 1 })).toHaveLength(1)
    expect(findTargets(nb, 'first')[0]).toMatchObject({ title: '“The first phase”', detail: 'Source one' })
  })

  it('finds a passage by the new name of a renamed tag', () => {
    const nb = fixture()
    const renamed = { ...nb, tags: [{ ...nb.tags[0], name: 'base/al-asad-airbase', label: 'Al Asad' }] }
    expect(ids(nb, 'airbase')).toEqual([])
    expect(ids(renamed, 'airbase')).toEqual(['p2'])
  })
})

describe('findTargets: ranking', () => {
  const { nb, source, text } = notebookWithSource([
    'Notes mention the move. Ain al-Asad empties first. The ʿAin al-Asad base stays open.',
    'Forces left Ḥarīr.',
  ])
  const note = (words: string) => ({
    type: 'doc' as const,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
  })
  const ranked: Notebook = {
    ...nb,
    annotations: [
      passage('mention', source, text, 'Notes mention the move', { note: note('About Ain al-Asad') }),
      passage('within', source, text, 'The ʿAin al-Asad base stays open'),
      passage('prefix', source, text, 'Ain al-Asad empties first'),
      passage('exact', source, text, 'Ain al-Asad'),
      passage('harir', source, text, 'Forces left Ḥarīr'),
    ],
    notes: [],
  }

  it('puts the quote equal to the query first, then quotes starting with it, then containing it, then notes', () => {
    expect(ids(ranked, 'Ain al-Asad')).toEqual(['exact', 'prefix', 'within', 'mention'])
    expect(ids(ranked, 'ain al')).toEqual(['exact', 'prefix', 'within', 'mention'])
  })

  it('folds case, accents, hyphens and hamza/ʿayn marks', () => {
    expect(ids(ranked, 'ain al asad')).toEqual(['exact', 'prefix', 'within', 'mention'])
    expect(ids(ranked, 'ʿain')).toEqual(['exact', 'prefix', 'within', 'mention'])
    expect(ids(ranked, 'harir')).toEqual(['harir'])
    expect(ids(ranked, 'HARĪR')).toEqual(['harir'])
  })
})
