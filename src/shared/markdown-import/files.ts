// What a Markdown import accepts, checked before anything is parsed: text files only (no NUL
// bytes, valid UTF-8), paths that stay inside the chosen folder or zip, sizes and counts that
// cannot exhaust memory. A refusal says which file and why, and nothing has been changed yet.

export interface InputFile {
  /** Relative path inside the chosen folder or zip, `/`-separated ("sources/A.md"). */
  path: string
  content: string
}

export class ImportProblem extends Error {
  readonly code = 'import/invalid'
  constructor(message: string) {
    super(message)
    this.name = 'ImportProblem'
  }
}

export const IMPORT_LIMITS = {
  /** One Markdown file; the largest export of a 20,000-passage notebook is about 12 MB. */
  fileBytes: 32 * 1024 * 1024,
  /** Everything together (a folder or a zip, unpacked). */
  totalBytes: 96 * 1024 * 1024,
  /** Markdown files in one import; an export has one per source and note page, plus one. */
  files: 2_000,
} as const

const MB = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`

/** A path inside the import, or a problem: absolute, `..`, drive letters and backslashes refused. */
export function safeRelativePath(raw: string): string {
  const path = raw.replace(/^\.\//, '')
  if (
    path === '' ||
    path.includes('\\') ||
    path.startsWith('/') ||
    /^[A-Za-z]:/.test(path) ||
    path.split('/').some((seg) => seg === '..' || seg === '.') ||
    /[\u0000-\u001f]/.test(path)
  )
    throw new ImportProblem(
      `“${raw.slice(0, 120)}” points outside the folder being imported; nothing was imported.`,
    )
  return path
}

export const isMarkdownPath = (path: string): boolean => /\.(md|markdown)$/i.test(path)

/** Checks sizes and counts of the files about to be read (names and byte sizes). */
export function checkSizes(files: readonly { path: string; size: number }[]): void {
  const md = files.filter((f) => isMarkdownPath(f.path))
  if (md.length === 0) throw new ImportProblem('There is no Markdown (.md) file to import.')
  if (md.length > IMPORT_LIMITS.files)
    throw new ImportProblem(
      `There are ${md.length.toLocaleString('en-US')} Markdown files; an import takes at most ${IMPORT_LIMITS.files.toLocaleString('en-US')}.`,
    )
  let total = 0
  for (const f of md) {
    if (f.size > IMPORT_LIMITS.fileBytes)
      throw new ImportProblem(
        `${f.path} is ${MB(f.size)}; a Markdown file can be at most ${MB(IMPORT_LIMITS.fileBytes)}.`,
      )
    total += f.size
  }
  if (total > IMPORT_LIMITS.totalBytes)
    throw new ImportProblem(
      `The files come to ${MB(total)}; an import can be at most ${MB(IMPORT_LIMITS.totalBytes)}.`,
    )
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** Bytes → text, refusing what is not UTF-8 text (a binary file renamed .md). */
export function decodeText(path: string, bytes: Uint8Array): string {
  // NUL never occurs in text; a few kilobytes tell a binary file apart.
  if (bytes.subarray(0, 8_192).includes(0))
    throw new ImportProblem(`${path} is not a text file (it holds binary data); nothing was imported.`)
  try {
    return decoder.decode(bytes)
  } catch {
    throw new ImportProblem(
      `${path} is not valid UTF-8 text; save it as UTF-8 and try again. Nothing was imported.`,
    )
  }
}

/** The files to import: Markdown only, paths checked, sizes checked, one root folder removed. */
export function prepareFiles(files: readonly InputFile[]): InputFile[] {
  const checked = files.map((f) => ({ path: safeRelativePath(f.path), content: f.content }))
  checkSizes(checked.map((f) => ({ path: f.path, size: f.content.length })))
  for (const f of checked)
    if (f.content.includes('\u0000'))
      throw new ImportProblem(`${f.path} is not a text file (it holds binary data); nothing was imported.`)
  const md = checked.filter((f) => isMarkdownPath(f.path))
  // A folder or zip with everything in one top folder ("Notebook/index.md"): drop that folder.
  const tops = new Set(md.map((f) => (f.path.includes('/') ? f.path.split('/')[0] : '')))
  if (tops.size === 1 && !tops.has('')) {
    const cut = [...tops][0].length + 1
    return md.map((f) => ({ path: f.path.slice(cut), content: f.content }))
  }
  return md
}
