// Names that arrive from outside (the renderer, the browser) and must name a file directly
// inside one of the library's folders: never a path, never a hidden or temp file.
import { GlossaError } from '@shared/errors'

export function assertPlainFileName(name: string, what: string): string {
  const bad =
    name.length === 0 ||
    name.length > 400 ||
    name !== name.trim() ||
    /[/\\\u0000-\u001f]/.test(name) ||
    name.startsWith('.') ||
    !name.endsWith('.json')
  if (bad) throw new GlossaError('invalid-name', `“${name.slice(0, 80)}” is not a ${what} file name.`)
  return name
}

/** A sortable, file-name-safe time stamp (ISO without ':' and '.'). */
export function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-')
}
