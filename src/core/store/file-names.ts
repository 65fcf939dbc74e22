// Notebook files get readable, safe and unique names derived from the title.
import { safeFileName } from '@shared/export/safe-file-name'

export function notebookFileName(title: string, taken: Set<string>): string {
  const lowerTaken = new Set([...taken].map((n) => n.replace(/\.json$/i, '').toLowerCase()))
  return `${safeFileName(title, lowerTaken)}.json`
}
