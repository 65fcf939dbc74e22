// "Restore from backup" for a damaged notebook file: the damaged file is moved aside to
// <data-dir>/damaged/ (never deleted: it may hold work worth recovering by hand) and the
// newest backup that parses and validates is put in its place.
import { mkdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { nanoid } from 'nanoid'
import { GlossaError } from '@shared/errors'
import type { Notebook, NotebookSummary } from '@shared/schema'
import { serializeNotebook } from '../store/durable-file'
import { writeFileDurably } from '../store/durable-write'
import type { Library } from '../store/library'
import { summarize } from '../store/listing'
import { readRegularFile } from '../store/regular-file'
import { parseNotebookText } from '../store/validate'
import { assertPlainFileName, fileStamp } from './file-names'

/** The newest backup of `file` that is a valid notebook, with its exact text. */
export async function newestValidBackup(
  library: Library,
  file: string,
): Promise<{ path: string; text: string; notebook: Notebook } | null> {
  for (const path of await library.backups.list(file)) {
    try {
      const text = (await readRegularFile(path)).toString('utf8')
      return { path, text, notebook: parseNotebookText(text, path) }
    } catch {
      // A damaged backup: try the next older one.
    }
  }
  return null
}

export async function restoreBackup(
  library: Library,
  dataDir: string,
  file: string,
): Promise<{ notebook: NotebookSummary; movedAsideTo: string }> {
  assertPlainFileName(file, 'notebook')
  const { notebooks, damaged } = await library.list()
  if (!damaged.some((d) => d.file === file)) {
    throw new GlossaError(
      'not-damaged',
      `“${file}” is not a damaged notebook file; only those are restored from a backup.`,
    )
  }
  const backup = await newestValidBackup(library, file)
  if (!backup)
    throw new GlossaError(
      'store/no-valid-backup',
      `No backup of “${file}” could be read; the file was left as it is.`,
    )
  let { notebook, text } = backup
  // Another file may hold the same notebook by now (a copy put back by hand): keep both apart.
  if (notebooks.some((n) => n.id === notebook.id)) {
    notebook = { ...notebook, id: nanoid(12) }
    text = serializeNotebook(notebook)
  }
  const asideDir = join(dataDir, 'damaged')
  await mkdir(asideDir, { recursive: true })
  const aside = join(asideDir, `${fileStamp()}-${file}`)
  const target = join(library.notebooksDir, file)
  await rename(target, aside)
  try {
    await writeFileDurably(target, text)
  } catch (error) {
    await rename(aside, target).catch(() => {}) // put the damaged file back rather than leave a gap
    throw error
  }
  return { notebook: summarize(notebook, file), movedAsideTo: aside }
}
