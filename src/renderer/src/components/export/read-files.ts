// Files picked for a Markdown import (one .md, a .zip, or a folder) → checked text files.
// Sizes and counts are checked from the File objects before any byte is read; a zip's entries
// from its directory before any is inflated (shared/markdown-import/zip.ts).
import {
  checkSizes,
  decodeText,
  isMarkdownPath,
  prepareFiles,
  safeRelativePath,
  type InputFile,
} from '@shared/markdown-import/files'
import { readZip } from '@shared/markdown-import/zip'

/** A folder pick names each file by its path inside the folder. */
const pathOf = (file: File): string =>
  (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name

export async function readImportFiles(picked: readonly File[]): Promise<InputFile[]> {
  const out: InputFile[] = []
  const zips = picked.filter((f) => /\.zip$/i.test(f.name))
  const markdown = picked.filter((f) => isMarkdownPath(f.name))
  if (markdown.length) checkSizes(markdown.map((f) => ({ path: pathOf(f), size: f.size })))
  for (const zip of zips) out.push(...readZip(new Uint8Array(await zip.arrayBuffer()), zip.name))
  for (const file of markdown) {
    const path = safeRelativePath(pathOf(file))
    out.push({ path, content: decodeText(path, new Uint8Array(await file.arrayBuffer())) })
  }
  return prepareFiles(out)
}

/** What to call the notebook made from these files: the zip's, folder's or file's name. */
export function importName(picked: readonly File[]): string | undefined {
  const first = picked[0]
  if (!first) return undefined
  const folder = pathOf(first).split('/')
  return folder.length > 1 ? folder[0] : first.name.replace(/\.(zip|md|markdown)$/i, '')
}
