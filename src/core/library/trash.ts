// The trash: deleted notebooks sit in <data-dir>/trash/<time>-<random>-<file> until restored.
// Listing reads each file for its title; a file that no longer validates is still listed
// (with the reason) so nothing in the trash is ever invisible.
import { lstat, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { GlossaError } from '@shared/errors'
import type { NotebookSummary } from '@shared/schema'
import type { Library } from '../store/library'
import { notRegularReason, readRegularFile } from '../store/regular-file'
import { MAX_NOTEBOOK_BYTES, parseNotebookText } from '../store/validate'
import { assertPlainFileName } from './file-names'

export interface TrashedNotebook {
  trashedAs: string
  title: string
  trashedAt: string
  reason?: string
}

// Library.trash names files `${ISO time with - for : and .}-${6 random chars}-${original file}`.
const TRASH_NAME = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z-[A-Za-z0-9_-]{6}-(.+)$/

function parseTrashName(name: string): { trashedAt?: string; original: string } {
  const m = TRASH_NAME.exec(name)
  return m ? { trashedAt: `${m[1]}:${m[2]}:${m[3]}.${m[4]}Z`, original: m[5] } : { original: name }
}

export async function listTrash(library: Library): Promise<TrashedNotebook[]> {
  const names = await readdir(library.trashDir).catch(() => [] as string[])
  const items = await Promise.all(
    names
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .map(async (trashedAs): Promise<TrashedNotebook> => {
        const path = join(library.trashDir, trashedAs)
        const parsed = parseTrashName(trashedAs)
        const st = await lstat(path)
        const trashedAt = parsed.trashedAt ?? st.mtime.toISOString()
        try {
          const notRegular = notRegularReason(st)
          if (notRegular) throw new Error(notRegular)
          if (st.size > MAX_NOTEBOOK_BYTES) throw new Error('The file is too large to open.')
          const nb = parseNotebookText((await readRegularFile(path)).toString('utf8'), trashedAs)
          return { trashedAs, title: nb.title, trashedAt }
        } catch (error) {
          return {
            trashedAs,
            title: parsed.original,
            trashedAt,
            reason: error instanceof Error ? error.message : String(error),
          }
        }
      }),
  )
  return items.sort(
    (a, b) => b.trashedAt.localeCompare(a.trashedAt) || a.trashedAs.localeCompare(b.trashedAs),
  )
}

/**
 * Moves a trashed notebook back into the library, under its old file name when that is free.
 * If a notebook with the same id is in the library meanwhile (e.g. imported again), the
 * restored one gets a new id rather than shadowing it.
 */
export async function restoreFromTrash(library: Library, trashedAs: string): Promise<NotebookSummary> {
  assertPlainFileName(trashedAs, 'trash')
  const path = join(library.trashDir, trashedAs)
  const st = await lstat(path).catch(() => null)
  if (!st) throw new GlossaError('not-found', `There is no “${trashedAs}” in the trash.`)
  const notRegular = notRegularReason(st)
  if (notRegular)
    throw new GlossaError('store/not-a-file', `“${trashedAs}” cannot be restored: ${notRegular}`)
  if (st.size > MAX_NOTEBOOK_BYTES)
    throw new GlossaError('store/too-large', `“${trashedAs}” is too large to restore.`)
  let nb
  try {
    nb = parseNotebookText((await readRegularFile(path)).toString('utf8'), trashedAs)
  } catch (error) {
    throw new GlossaError('store/damaged', `“${trashedAs}” cannot be restored: ${(error as Error).message}`)
  }
  // Never over another file: a name taken meanwhile gets a free one (see Library.adopt).
  return library.adopt(path, nb, parseTrashName(trashedAs).original)
}
