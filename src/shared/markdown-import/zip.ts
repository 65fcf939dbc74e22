// A zip of a Markdown export (or of notes), read in memory with fflate: entry names are checked
// before anything is inflated (no `..`, no absolute paths, no drive letters: nothing may land
// outside the folder), and sizes are taken from the zip's directory first, so a small zip that
// would inflate to gigabytes is refused without inflating it.
import { unzipSync } from 'fflate'
import {
  checkSizes,
  decodeText,
  ImportProblem,
  isMarkdownPath,
  safeRelativePath,
  type InputFile,
} from './files'

export function readZip(bytes: Uint8Array, zipName = 'the zip'): InputFile[] {
  const listed: { path: string; size: number }[] = []
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith('/')) return false // a folder entry
        const path = safeRelativePath(file.name)
        if (!isMarkdownPath(path)) return false // pictures and the like are not imported
        listed.push({ path, size: file.originalSize })
        // Checked as the directory is read, before this entry is inflated.
        checkSizes(listed.map((f) => ({ ...f, path: f.path })))
        return true
      },
    })
  } catch (error) {
    if (error instanceof ImportProblem) throw error
    throw new ImportProblem(`${zipName} is not a readable zip file; nothing was imported.`)
  }
  if (listed.length === 0) throw new ImportProblem(`${zipName} holds no Markdown (.md) file.`)
  return Object.entries(entries).map(([name, data]) => {
    const path = safeRelativePath(name)
    return { path, content: decodeText(path, data) }
  })
}
