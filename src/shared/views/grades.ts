// Admiralty grades (the NATO "A1" system): a source's reliability A–F and a claim's
// credibility 1–6. A passage's grade is its own letter, or else its source's, with its own
// number; filters compare them as ranks, A and 1 best (`grade:<=C3` = at least C and at least 3).
import type { Annotation, PassageGrade, Source } from '../schema'

export type Reliability = NonNullable<PassageGrade['reliability']>
export const RELIABILITY: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
}
export const CREDIBILITY: Record<number, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
}

export interface Grade {
  reliability?: Reliability
  credibility?: number
  /** Where the letter comes from. */
  from?: 'passage' | 'source'
}

export function effectiveGrade(a: Pick<Annotation, 'grade'>, source?: Pick<Source, 'reliability'>): Grade {
  const own = a.grade?.reliability
  const reliability = own ?? source?.reliability?.reliability
  return {
    reliability,
    credibility: a.grade?.credibility,
    from: own ? 'passage' : reliability ? 'source' : undefined,
  }
}

/** "B2"; "B?" (no credibility yet), "?2" (no reliability); "" when neither is known. For cards and exports. */
export function gradeLabel(a: Pick<Annotation, 'grade'>, source?: Pick<Source, 'reliability'>): string {
  const g = effectiveGrade(a, source)
  if (!g.reliability && g.credibility === undefined) return ''
  return `${g.reliability ?? '?'}${g.credibility ?? '?'}`
}

/** "B2 — usually reliable, probably true" */
export function gradeDescription(g: Grade): string {
  const parts = [
    g.reliability ? RELIABILITY[g.reliability].toLowerCase() : 'reliability not graded',
    g.credibility !== undefined ? CREDIBILITY[g.credibility].toLowerCase() : 'credibility not graded',
  ]
  return parts.join(', ')
}

export type Comparison = '=' | '<=' | '<' | '>=' | '>'
export interface GradeFilter {
  op: Comparison
  reliability?: Reliability
  credibility?: number
}

const FILTER = /^(<=|>=|<|>|=)?([A-Fa-f])?([1-6])?$/

/** `B2`, `<=C3`, `>=4`, `A`: a comparison and a letter, a number or both. */
export function parseGradeFilter(text: string): GradeFilter | { error: string } {
  const m = FILTER.exec(text.trim())
  if (!m || (!m[2] && !m[3]))
    return {
      error: `grade:${text} is not a grade (use a letter A–F and/or a number 1–6, e.g. grade:B2 or grade:<=C3)`,
    }
  return {
    op: (m[1] as Comparison | undefined) ?? '=',
    reliability: m[2] ? (m[2].toUpperCase() as Reliability) : undefined,
    credibility: m[3] ? Number(m[3]) : undefined,
  }
}

function compare(op: Comparison, value: number, bound: number): boolean {
  switch (op) {
    case '=':
      return value === bound
    case '<=':
      return value <= bound
    case '<':
      return value < bound
    case '>=':
      return value >= bound
    case '>':
      return value > bound
  }
}

/** A grade missing a part the filter names does not match it. */
export function matchesGrade(filter: GradeFilter, grade: Grade): boolean {
  if (filter.reliability) {
    if (!grade.reliability) return false
    const rank = (l: string) => l.charCodeAt(0) - 64
    if (!compare(filter.op, rank(grade.reliability), rank(filter.reliability))) return false
  }
  if (filter.credibility !== undefined) {
    if (grade.credibility === undefined) return false
    if (!compare(filter.op, grade.credibility, filter.credibility)) return false
  }
  return true
}
