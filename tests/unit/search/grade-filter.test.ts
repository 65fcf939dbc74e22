// grade: in search: `grade:B2`, `grade:<=C3`, alone or with words; a passage without its own
// letter takes its source's; a bad grade is reported, not silently ignored.
import { describe, expect, it } from 'vitest'
import type { Notebook } from '../../../src/shared/schema'
import { NotebookSearch } from '../../../src/shared/search'
import { parseQuery } from '../../../src/shared/search/query'
import { seedNotebook } from './fixture'

function graded(): Notebook {
  const nb = seedNotebook()
  const grade = {
    'a-bases': { credibility: 2 },
    'a-hareer': { credibility: 3 },
    'a-phase2': { reliability: 'D' as const, credibility: 2 },
  }
  return {
    ...nb,
    sources: nb.sources.map((s) =>
      s.id === 'seed' ? { ...s, reliability: { reliability: 'B' as const, reason: 'AP' } } : s,
    ),
    annotations: nb.annotations.map((a) =>
      a.id in grade ? { ...a, grade: { ...grade[a.id as keyof typeof grade], reason: '' } } : a,
    ),
  }
}

describe('grade: in search', () => {
  const search = NotebookSearch.build(graded())
  const ids = (q: string) =>
    search
      .search(q)
      .map((r) => r.id)
      .sort()

  it('filters passages by grade, with the source’s letter where the passage has none', () => {
    expect(ids('grade:B2')).toEqual(['a-bases'])
    expect(ids('grade:<=C3')).toEqual(['a-bases', 'a-hareer'])
    expect(ids('grade:D')).toEqual(['a-phase2'])
    expect(ids('grade:2')).toEqual(['a-bases', 'a-phase2'])
    expect(ids('grade:>=B3 Hareer')).toEqual(['a-hareer'])
    expect(ids('grade:A1')).toEqual([])
  })

  it('says what is wrong with a grade it cannot read', () => {
    expect(parseQuery('grade:Z9').errors).toEqual([
      'grade:Z9 is not a grade (use a letter A–F and/or a number 1–6, e.g. grade:B2 or grade:<=C3)',
    ])
  })
})
