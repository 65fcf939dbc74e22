// Notebooks that enter the library as copies: duplicates of an open one, and imported files.
// Both get written as new files; an id already in the library is never reused.
import { nanoid } from 'nanoid'
import { GlossaError } from '@shared/errors'
import { LIMITS, type Notebook, type NotebookSummary } from '@shared/schema'
import type { Library } from '../store/library'
import { parseNotebookText } from '../store/validate'
import { codePoints, graphemePrefix } from '@shared/text-length'

/** "Title (copy)", cut on whole characters (never half an emoji) to stay within the title limit. */
export function copyTitle(title: string): string {
  return withSuffix(title, ' (copy)')
}

/**
 * The title an imported notebook is added under: its own, or "Title (imported)", "Title
 * (imported 2)"… when a notebook in the library already has it (case aside), so that importing
 * the same file or export again gives cards that can be told apart.
 */
export async function importedTitle(library: Library, title: string): Promise<string> {
  const key = (t: string): string => t.trim().toLocaleLowerCase()
  const taken = new Set((await library.list()).notebooks.map((n) => key(n.title)))
  if (!taken.has(key(title))) return title
  for (let n = 1; ; n++) {
    const candidate = withSuffix(title, n === 1 ? ' (imported)' : ` (imported ${n})`)
    if (!taken.has(key(candidate))) return candidate
  }
}

/** `title` + `suffix`, the title cut on whole characters to keep the whole within the limit. */
function withSuffix(title: string, suffix: string): string {
  const room = LIMITS.titleLength - codePoints(suffix) // zod counts code points
  if (codePoints(title) <= room) return title + suffix
  const cut = graphemePrefix(title, room)
  return cut.trimEnd() + suffix
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
  return library.add({ ...nb, title: await importedTitle(library, nb.title) }, { newIdIfTaken: true })
}
