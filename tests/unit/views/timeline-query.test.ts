// The Timeline's own search box: words (accents and hamza folded) match an entry's label and
// date words; tag: and grade: narrow to passages as in Ctrl+K; found dates that are
// no passage yet drop out once an operator asks for passages; a bad operator says why.
import { describe, expect, it } from 'vitest'
import { timelineMatcher } from '../../../src/renderer/src/components/timeline/timeline-query'
import { plainText } from '../../../src/shared/plain-text'
import { timelineEntries } from '../../../src/shared/views/timeline'
import { notebookWithSource, passage } from '../../helpers/notebook'

describe('the Timeline search box', () => {
  const {
    nb: base,
    source,
    text,
  } = notebookWithSource([
    'Troops leave Ain al-Asad through September 2025 and move to Hareer base until 2026.',
    'The invasion in 2003 and the rise of ISIS in 2014.',
  ])
  const graded = {
    ...source,
    reliability: { reliability: 'B' as const, reason: 'AP' },
    published: '2024-09-27',
  }
  const tag = { id: 't1', name: 'phase/1', label: '', color: '#123456', description: '' }
  const nb = {
    ...base,
    sources: [graded],
    tags: [tag],
    annotations: [
      passage('p1', graded, text, 'Troops leave Ain al-Asad through September 2025', {
        tagIds: ['t1'],
        grade: { credibility: 2, reason: 'officials' },
        dates: [
          {
            id: 'd1',
            value: { from: null, to: '2025-09' },
            text: 'through September 2025',
            status: 'accepted',
          },
        ],
      }),
      passage('p2', graded, text, 'move to Hareer base until 2026', {
        dates: [{ id: 'd2', value: { from: null, to: '2026' }, text: 'until 2026', status: 'accepted' }],
      }),
    ],
  }
  const { entries } = timelineEntries(nb, nb.annotations, new Map([[graded.id, plainText(graded.doc)]]), true)
  const shown = (query: string) => {
    const { matches, errors } = timelineMatcher(nb, query)
    return { ids: entries.filter(matches).map((e) => e.passageId ?? `found:${e.phrase}`), errors }
  }

  it('keeps everything for an empty query, passages and found dates alike', () => {
    expect(shown('').ids).toEqual(expect.arrayContaining(['p1', 'p2', 'found:in 2003', 'found:in 2014']))
  })

  it('matches words folded: case, accents, hyphens', () => {
    expect(shown('HARÉÉR').ids).toEqual(['p2'])
    expect(shown('ain al asad').ids).toEqual(['p1'])
    // A found date's label is the clause around it: both found years share the ISIS sentence.
    expect(shown('isis').ids).toEqual(['found:in 2003', 'found:in 2014'])
  })

  it('narrows by tag: and grade:, leaving found dates out', () => {
    expect(shown('tag:phase/1').ids).toEqual(['p1'])
    expect(shown('grade:B2').ids).toEqual(['p1'])
    // p2 takes its source's letter and has no number: grade:B matches it, grade:<=B2 does not.
    expect(shown('grade:B').ids.sort()).toEqual(['p1', 'p2'])
    expect(shown('grade:<=B2').ids).toEqual(['p1'])
    expect(shown('grade:<=A1').ids).toEqual([])
  })

  it('says why a bad operator is not used', () => {
    expect(shown('grade:Z9').errors.join(' ')).toMatch(/grade/i)
  })
})
