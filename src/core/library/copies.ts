// Notebooks that enter the library as copies: duplicates of an open one, and imported files.
// Both get written as new files; an id already in the library is never reused.
import { nanoid } from 'nanoid'
import { GlossaError } from '@shared/errors'
import { LIMITS, type Notebook, type NotebookSummary } from '@shared/schema'
import type { Library } from '../store/library'
import { parseNotebookText } from '../store/validate'

const COPY_SUFFIX = ' (copy)'

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })
const codePoints = (s: string): number => Array.from(s).length

/** "Title (copy)", cut on whole characters (never half an emoji) to stay within the title limit. */
export function copyTitle(title: string): string {
  const room = LIMITS.titleLength - codePoints(COPY_SUFFIX) // zod counts code points
  if (codePoints(title) <= room) return title + COPY_SUFFIX
  let cut = ''
  for (const { segment } of graphemes.segment(title)) {
    if (codePoints(cut + segment) > room) break
    cut += segment
  }
  return cut.trimEnd() + COPY_SUFFIX
}

export async function duplicateNotebook(library: Library, id: string, now: string): Promise<NotebookSummary> {
  const original = (await library.openNotebook(id)).data
  const copy: Notebook = {
    ...structuredClone(original),
    id: nanoid(12),
    title: copyTitle(original.title),
    createdAt: now,
    updatedAt: now,
  }
  return library.add(copy)
}

/** Validates a notebook file's text like a library file, then adds it (new id if the id is taken). */
export async function importNotebook(
  library: Library,
  fileName: string,
  content: string,
): Promise<NotebookSummary> {
  let nb: Notebook
  try {
    nb = parseNotebookText(content, fileName || 'the imported file')
  } catch (error) {
    const code =
      (error as GlossaError).code === 'store/newer-version' ? 'import/newer-version' : 'import/invalid'
    throw new GlossaError(code, `Could not import “${fileName}”: ${(error as Error).message}`)
  }
  return library.add(nb, { newIdIfTaken: true })
}
