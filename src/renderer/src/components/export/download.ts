// Browser-host downloads: a Blob handed to an <a download>, and the Markdown folder layout
// zipped file by file so the page can repaint (and show progress) between files.
import { strToU8, Zip, ZipDeflate } from 'fflate'

const MIME: Record<string, string> = {
  md: 'text/markdown;charset=utf-8',
  jsonld: 'application/ld+json;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  zip: 'application/zip',
}

export function mimeFor(name: string): string {
  return MIME[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream'
}

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by now; keep the URL a while for slow browsers, then free it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** Zips `files` (paths inside the archive), reporting the share done after each file. */
export async function zipFiles(
  files: { path: string; content: string }[],
  onProgress: (done: number) => void,
): Promise<Blob> {
  const chunks: Uint8Array[] = []
  let failure: Error | null = null
  const zip = new Zip((error, chunk) => {
    if (error) failure = error
    else chunks.push(chunk)
  })
  for (const [i, file] of files.entries()) {
    const entry = new ZipDeflate(file.path, { level: 6 })
    zip.add(entry)
    entry.push(strToU8(file.content), true)
    onProgress((i + 1) / files.length)
    await nextFrame()
  }
  zip.end() // ZipDeflate is synchronous, so every chunk has been delivered when end() returns
  if (failure) throw failure
  return new Blob(chunks as BlobPart[], { type: MIME.zip })
}
