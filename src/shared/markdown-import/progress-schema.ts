// The checks on an import's progress and job id where they cross a boundary (the contract, the
// import worker's messages). Apart from progress.ts so that the window's first chunk has no zod.
import { z } from 'zod'
import { IMPORT_PHASES, type ImportProgress } from './progress'

const Count = z.number().int().nonnegative()
export const ImportProgressSchema: z.ZodType<ImportProgress> = z.object({
  phase: z.enum(IMPORT_PHASES),
  done: Count,
  total: Count,
})

/** A window's name for one import, so it can ask how far it is and cancel it. */
export const ImportJobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'an import job id')
