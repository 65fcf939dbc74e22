// Admiralty grades: the label a passage shows (its own letter, or its source's), the filter
// syntax, and comparisons as ranks.
import { describe, expect, it } from 'vitest'
import { effectiveGrade, gradeLabel, matchesGrade, parseGradeFilter } from '../../../src/shared/views/grades'

const source = { reliability: { reliability: 'B' as const, reason: 'wire service' } }

describe('grades', () => {
  it('labels a passage with its source’s letter unless it has its own', () => {
    expect(gradeLabel({ grade: { credibility: 2, reason: '' } }, source)).toBe('B2')
    expect(gradeLabel({ grade: { reliability: 'D', credibility: 4, reason: '' } }, source)).toBe('D4')
    expect(gradeLabel({}, source)).toBe('B?')
    expect(gradeLabel({ grade: { credibility: 3, reason: '' } }, {})).toBe('?3')
    expect(gradeLabel({}, {})).toBe('')
    expect(effectiveGrade({ grade: { reliability: 'A', reason: '' } }, source).from).toBe('passage')
  })

  it('parses grade filters', () => {
    expect(parseGradeFilter('B2')).toEqual({ op: '=', reliability: 'B', credibility: 2 })
    expect(parseGradeFilter('<=c3')).toEqual({ op: '<=', reliability: 'C', credibility: 3 })
    expect(parseGradeFilter('>4')).toEqual({ op: '>', reliability: undefined, credibility: 4 })
    for (const bad of ['G2', 'B7', '', '<=', 'B2x', '=>B2'])
      expect(parseGradeFilter(bad)).toHaveProperty('error')
  })

  it('matches by rank, and a missing part never matches a filter on it', () => {
    const f = (s: string) =>
      parseGradeFilter(s) as Exclude<ReturnType<typeof parseGradeFilter>, { error: string }>
    expect(matchesGrade(f('B2'), { reliability: 'B', credibility: 2 })).toBe(true)
    expect(matchesGrade(f('B2'), { reliability: 'B', credibility: 3 })).toBe(false)
    expect(matchesGrade(f('<=C3'), { reliability: 'A', credibility: 3 })).toBe(true)
    expect(matchesGrade(f('<=C3'), { reliability: 'D', credibility: 1 })).toBe(false)
    expect(matchesGrade(f('<=C3'), { reliability: 'B' })).toBe(false)
    expect(matchesGrade(f('<=C'), { reliability: 'B' })).toBe(true)
    expect(matchesGrade(f('>=5'), { reliability: 'A', credibility: 6 })).toBe(true)
  })
})

describe('fields for exporters', async () => {
  const { passageViewFields, sourceViewFields } = await import('../../../src/shared/views/export-fields')
  const { notebookWithSource, passage } = await import('../../helpers/notebook')
  it('gives each passage its grade, dates, entities and corroboration', () => {
    const { nb, source, text } = notebookWithSource(['Troops move to Hareer base until 2026.'])
    const graded = {
      ...source,
      reliability: { reliability: 'B' as const, reason: 'AP' },
      published: '2024-09-27',
    }
    const p = passage('p1', graded, text, 'Hareer base until 2026', {
      grade: { credibility: 2, reason: 'officials' },
      dates: [{ id: 'd1', value: { from: null, to: '2026' }, text: 'until 2026', status: 'accepted' }],
    })
    const fields = passageViewFields({
      ...nb,
      sources: [graded],
      annotations: [p],
      entities: [{ id: 'h', type: 'place', name: 'Harir', aliases: ['Hareer'], description: '' }],
    }).get('p1')!
    expect(fields).toEqual({
      grade: 'B2',
      gradeReason: 'officials',
      dates: [{ value: { from: null, to: '2026' }, label: 'until 2026', text: 'until 2026' }],
      entities: ['Harir'],
      entityIds: ['h'],
      supportedBy: [],
      contradictedBy: [],
    })
    expect(sourceViewFields(graded)).toEqual({
      published: '2024-09-27',
      reliability: 'B',
      reliabilityReason: 'AP',
    })
  })
})
