// Admiralty grades: a source's reliability (A–F) and a passage's credibility (1–6), each with
// its reason. Setting one returns the previous value (or null) as its inverse.
import { z } from 'zod'
import { Id, PassageGradeSchema, SourceGradeSchema, type Notebook } from '../schema'
import { mustFind, replaceAt, type Applied } from './apply'
import type { OpOf } from './schema'

export const GRADE_OP_SCHEMAS = [
  /** null removes the grade. */
  z.object({ type: z.literal('setPassageGrade'), id: Id, grade: PassageGradeSchema.nullable() }),
  z.object({ type: z.literal('setSourceReliability'), id: Id, reliability: SourceGradeSchema.nullable() }),
] as const

export type GradeOp = OpOf<'setPassageGrade'> | OpOf<'setSourceReliability'>

export function applyGradeOp(nb: Notebook, op: GradeOp, at: string): Applied {
  switch (op.type) {
    case 'setPassageGrade': {
      const { item, index } = mustFind(nb.annotations, op.id, 'passage')
      const { grade: previous, ...rest } = item
      const next = op.grade === null ? rest : { ...rest, grade: op.grade }
      return {
        notebook: { ...nb, annotations: replaceAt(nb.annotations, index, { ...next, updatedAt: at }) },
        inverse: [{ type: 'setPassageGrade', id: op.id, grade: previous ?? null }],
      }
    }
    case 'setSourceReliability': {
      const { item, index } = mustFind(nb.sources, op.id, 'source')
      const { reliability: previous, ...rest } = item
      const next = op.reliability === null ? rest : { ...rest, reliability: op.reliability }
      return {
        notebook: { ...nb, sources: replaceAt(nb.sources, index, { ...next, updatedAt: at }) },
        inverse: [{ type: 'setSourceReliability', id: op.id, reliability: previous ?? null }],
      }
    }
  }
}
