// The errors a conversion ends with. They cross IPC/HTTP (and the import worker's message port)
// as { code, message }, and every message says what happened in words a reader can act on.
import { CANCELLED_MESSAGE } from '@shared/markdown-import/progress'

export const IMPORT_ERROR_CODES = [
  'import/too-large',
  'import/empty',
  'import/invalid',
  /** Over the time or memory budget (or refused up front as certain to be). */
  'import/too-complex',
  /** The converter could not start or stopped for another reason. */
  'import/unavailable',
  /** The person cancelled it (a Markdown import); nothing was added. */
  'import/cancelled',
] as const
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number]

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ImportError'
  }
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message }
  }
}

/** "The file “notes.md”" or "The pasted text": what the user handed us, for error messages. */
export function subjectOf(fileName: string | undefined): string {
  const base = fileName?.split(/[\\/]/).pop()?.trim()
  if (!base) return 'The pasted text'
  const chars = Array.from(base)
  return `The file “${chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : base}”`
}

/** Refused because converting it would take too long or too much memory; nothing was added. */
export function tooComplex(fileName: string | undefined, why: string): ImportError {
  return new ImportError(
    'import/too-complex',
    `${subjectOf(fileName)} is too complex to convert: ${why}. Nothing was added.`,
  )
}

/** A Markdown import the person cancelled: its worker was stopped before anything was written. */
export function cancelled(): ImportError {
  return new ImportError('import/cancelled', CANCELLED_MESSAGE)
}
