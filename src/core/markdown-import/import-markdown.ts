// "Import notebook…" for Markdown: a Glossa Markdown export (one file, a folder, a zip's files)
// comes back as the notebook it was written from; any other Markdown notes become the sources of
// a new notebook. Everything is read and checked before the library is touched: bad input gets a
// clear error and nothing is added. An export is read in an import worker (read-in-worker.ts),
// not on the core's thread, which keeps answering meanwhile; the job says how far it is and can
// be cancelled until the file is written.
import { GlossaError } from '@shared/errors'
import { ImportProblem, prepareFiles, type InputFile } from '@shared/markdown-import/files'
import type { ImportProgress } from '@shared/markdown-import/progress'
import { detectExport } from '@shared/markdown-import/read-export'
import { describeZodError } from '@shared/errors'
import { NotebookSchema, type NotebookSummary } from '@shared/schema'
import type { Library } from '../store/library'
import { emptyNotebook } from '../seed'
import { importedTitle } from '../library/copies'
import { ImportJobs, type ImportJob } from './jobs'
import { noteToSource, type Convert } from './notes-as-sources'

export interface ImportMarkdownResult {
  notebook: NotebookSummary
  kind: 'glossa' | 'markdown'
  warnings: string[]
}

/** Reads an export into a notebook off the core's thread (ConversionPool.readExport). */
export type ReadExportOffThread = (
  files: InputFile[],
  options: { now: string; signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void },
) => Promise<unknown>

export interface ImportMarkdownDeps {
  library: Library
  /** The source converter (src/core/import, in its worker pool), for notes that are not an export. */
  convert: Convert
  readExport: ReadExportOffThread
}

export async function importMarkdown(
  deps: ImportMarkdownDeps,
  input: { files: InputFile[]; name?: string },
  job: ImportJob = new ImportJobs().start(),
  now = new Date().toISOString(),
): Promise<ImportMarkdownResult> {
  let files: InputFile[]
  try {
    files = prepareFiles(input.files)
  } catch (error) {
    throw asGlossa(error)
  }
  if (detectExport(files)) {
    let nb
    try {
      nb = await deps.readExport(files, { now, signal: job.signal, onProgress: job.report })
    } catch (error) {
      throw asGlossa(error)
    }
    job.throwIfCancelled()
    job.report({ phase: 'checking', done: 0, total: 0 })
    // The worker's notebook crosses a boundary: the schema checks it before the library sees it.
    const checked = NotebookSchema.safeParse(nb)
    if (!checked.success)
      throw new GlossaError(
        'import/invalid',
        describeZodError(checked.error, 'Markdown export (nothing was imported)'),
      )
    const title = await importedTitle(deps.library, checked.data.title)
    const notebook = await save(job, () =>
      deps.library.add({ ...checked.data, title }, { newIdIfTaken: true }),
    )
    return { notebook, kind: 'glossa', warnings: [] }
  }
  const warnings: string[] = []
  const base = emptyNotebook(notebookTitle(input.name, files), now)
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const [i, file] of sorted.entries()) {
    job.throwIfCancelled()
    job.report({ phase: 'converting', done: i, total: sorted.length })
    try {
      const { source, warning } = await noteToSource(file, deps.convert, now)
      base.sources.push(source)
      if (warning) warnings.push(warning)
    } catch (error) {
      const code = (error as { code?: string }).code
      // An empty note is skipped; anything else (too large, too complex) stops the import.
      if (code !== 'import/empty') throw asGlossa(error, file.path)
      warnings.push(`${file.path} has no readable text and was left out.`)
    }
  }
  if (base.sources.length === 0)
    throw new GlossaError('import/empty', 'None of the files has readable text; nothing was imported.')
  const checked = NotebookSchema.safeParse(base)
  if (!checked.success) throw new GlossaError('import/invalid', describeZodError(checked.error, 'notebook'))
  const notebook = await save(job, () => deps.library.add(checked.data))
  return { notebook, kind: 'markdown', warnings }
}

/** Writes the checked notebook: from here on a cancel is refused (throws if one came before). */
async function save(job: ImportJob, add: () => Promise<NotebookSummary>): Promise<NotebookSummary> {
  job.commit()
  job.report({ phase: 'saving', done: 0, total: 0 })
  const notebook = await add()
  job.report({ phase: 'done', done: 1, total: 1 })
  return notebook
}

function notebookTitle(name: string | undefined, files: InputFile[]): string {
  const fromName = name?.replace(/\.(zip|md|markdown)$/i, '').trim()
  if (fromName) return fromName.slice(0, 300)
  const only =
    files.length === 1
      ? files[0].path
          .split('/')
          .pop()!
          .replace(/\.(md|markdown)$/i, '')
      : ''
  return only || 'Imported notes'
}

function asGlossa(error: unknown, path?: string): GlossaError {
  if (error instanceof GlossaError) return error
  if (error instanceof ImportProblem) return new GlossaError('import/invalid', error.message)
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : String(error)
  return new GlossaError(
    typeof code === 'string' && code.startsWith('import/') ? code : 'import/invalid',
    path && !message.includes(path) ? `${path}: ${message}` : message,
  )
}
