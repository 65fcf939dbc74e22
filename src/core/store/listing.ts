// Pieces of listing the library: what a listed notebook shows, which file stands for a
// notebook held by two files, and the checks made before a file is read at all.
import { GlossaError } from '@shared/errors'
import type { DamagedFile, Notebook, NotebookSummary } from '@shared/schema'
import { checkRegular } from './regular-file'
import { MAX_NOTEBOOK_BYTES } from './validate'

export interface Entry {
  file: string
  summary?: NotebookSummary
  damaged?: DamagedFile
}

export function summarize(nb: Notebook, file: string): NotebookSummary {
  return {
    id: nb.id,
    file,
    title: nb.title,
    sourceCount: nb.sources.length,
    annotationCount: nb.annotations.length,
    updatedAt: nb.updatedAt,
  }
}

/**
 * Two files holding the same notebook (one copied by hand in a file manager) would both open
 * the same one. The file already known for the id in `fileById` (else the first by name)
 * stays the notebook, and `fileById` learns it; the other is listed with the reason,
 * untouched, so nothing is lost.
 */
export function oneFilePerNotebook(entries: Entry[], fileById: Map<string, string>): Entry[] {
  const chosen = new Map<string, string>()
  for (const e of entries) {
    if (!e.summary) continue
    const known = fileById.get(e.summary.id)
    const current = chosen.get(e.summary.id)
    if (!current || (e.file === known && current !== known)) chosen.set(e.summary.id, e.file)
  }
  for (const [id, file] of chosen) fileById.set(id, file)
  return entries.map((e) => {
    const keep = e.summary ? chosen.get(e.summary.id) : undefined
    if (!e.summary || keep === e.file) return e
    const reason = `It holds the same notebook as “${keep}” (a copy made outside Glossa). Move it out of the notebooks folder and add it with “Import notebook…” to keep it as a separate notebook.`
    return { file: e.file, damaged: { file: e.file, reason, hasBackup: false } }
  })
}

/** Refuses folders, links, pipes and files too large to parse, before reading them. */
export async function checkNotebookFile(path: string): Promise<void> {
  const st = await checkRegular(path)
  if (st.size > MAX_NOTEBOOK_BYTES) {
    throw new GlossaError(
      'store/too-large',
      `The file is ${Math.round(st.size / 1048576)} MB; Glossa opens notebooks up to ${MAX_NOTEBOOK_BYTES / 1048576} MB.`,
    )
  }
}
