// Notebook files get readable, safe and unique names derived from the title.
import { safeFileName } from '@shared/export/safe-file-name'

/**
 * A name as the file system will store it, so that two titles stored under one name are seen
 * as one: UTF-8 cannot hold a lone surrogate ('\ud800' is written as U+FFFD, exactly what
 * String.prototype.toWellFormed gives), and one composed form (NFC), since macOS lists names
 * decomposed. Names are then compared case-insensitively (Windows and macOS ignore case).
 */
export function storedForm(name: string): string {
  return Buffer.from(name, 'utf8').toString('utf8').normalize('NFC')
}

export function notebookFileName(title: string, taken: Set<string>): string {
  const lowerTaken = new Set([...taken].map((n) => storedForm(n.replace(/\.json$/i, '')).toLowerCase()))
  return `${safeFileName(storedForm(title), lowerTaken)}.json`
}
