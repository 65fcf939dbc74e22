// How far a Markdown import is, as the core tells the window (contract: markdownImportProgress)
// and the import worker tells the core. `done` of `total` counts characters of Markdown parsed
// while reading an export (parse-parts.ts cuts a long file into parts of ~16 KB; remark's parse
// is ~90 % of an import), and notes converted while importing other Markdown notes.
// No zod here: the library window imports this, and zod in its first chunk cost the cold start
// ~100 KB to parse before the first paint (#16). The schemas are in progress-schema.ts.

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

export interface ImportProgress {
  phase: ImportPhase
  done: number
  total: number
}

/** What a cancelled import ends with (code `import/cancelled`), wherever it was stopped. */
export const CANCELLED_MESSAGE = 'The import was cancelled; nothing was added.'

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
