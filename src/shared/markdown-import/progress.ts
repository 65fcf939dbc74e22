// How far a Markdown import is, as the core tells the window (contract: markdownImportProgress)
// and the import worker tells the core. `done` of `total` counts characters of Markdown parsed
// while reading an export (parse-parts.ts cuts a long file into parts of ~16 KB; remark's parse
// is ~90 % of an import), and notes converted while importing other Markdown notes.
import { z } from 'zod'

export const IMPORT_PHASES = [
  /** For a free import worker (they also convert sources). */
  'waiting',
  /** Parsing the export's Markdown, in the worker: done/total characters. */
  'reading',
  /** Turning the parsed export into the notebook (anchoring passages), in the worker. */
  'building',
  /** Checking the notebook against the schema, in the core. */
  'checking',
  /** Writing the notebook's file: too late to cancel. */
  'saving',
  /** Converting Markdown notes to sources: done/total notes. */
  'converting',
  'done',
] as const
export type ImportPhase = (typeof IMPORT_PHASES)[number]

const Count = z.number().int().nonnegative()
export const ImportProgressSchema = z.object({ phase: z.enum(IMPORT_PHASES), done: Count, total: Count })
export type ImportProgress = z.infer<typeof ImportProgressSchema>

/** What a cancelled import ends with (code `import/cancelled`), wherever it was stopped. */
export const CANCELLED_MESSAGE = 'The import was cancelled; nothing was added.'

/** A window's name for one import, so it can ask how far it is and cancel it. */
export const ImportJobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'an import job id')

/** What the dialog says the import is doing (the bar shows how far). */
export function phaseText(phase: ImportPhase): string {
  switch (phase) {
    case 'waiting':
      return 'Waiting for the importer…'
    case 'reading':
      return 'Reading the export…'
    case 'building':
      return 'Rebuilding the notebook…'
    case 'checking':
      return 'Checking the notebook…'
    case 'saving':
      return 'Saving the notebook…'
    case 'converting':
      return 'Converting the notes…'
    case 'done':
      return 'Finishing…'
  }
}
