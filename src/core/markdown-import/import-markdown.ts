// "Import notebook…" for Markdown: a Glossa Markdown export (one file, a folder, a zip's files)
// comes back as the notebook it was written from; any other Markdown notes become the sources of
// a new notebook. Everything is read and checked before the library is touched: bad input gets a
// clear error and nothing is added.
import { nanoid } from 'nanoid'
import { GlossaError } from '@shared/errors'
import { ImportProblem, prepareFiles, type InputFile } from '@shared/markdown-import/files'
import { detectExport, readExport } from '@shared/markdown-import/read-export'
import { describeZodError } from '@shared/errors'
import { NotebookSchema, type NotebookSummary } from '@shared/schema'
import type { Library } from '../store/library'
import { emptyNotebook } from '../seed'
import { noteToSource, type Convert } from './notes-as-sources'

export interface ImportMarkdownResult {
  notebook: NotebookSummary
  kind: 'glossa' | 'markdown'
  warnings: string[]
}

export async function importMarkdown(
  library: Library,
  convert: Convert,
  input: { files: InputFile[]; name?: string },
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
      nb = readExport(files, { now, newId: () => nanoid(12) })
    } catch (error) {
      throw asGlossa(error)
    }
    const checked = NotebookSchema.safeParse(nb)
    if (!checked.success)
      throw new GlossaError(
        'import/invalid',
        describeZodError(checked.error, 'Markdown export (nothing was imported)'),
      )
    return { notebook: await library.add(checked.data, { newIdIfTaken: true }), kind: 'glossa', warnings: [] }
  }
  const warnings: string[] = []
  const base = emptyNotebook(notebookTitle(input.name, files), now)
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const file of sorted) {
    try {
      const { source, warning } = await noteToSource(file, convert, now)
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
  return { notebook: await library.add(checked.data), kind: 'markdown', warnings }
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
