// What a notebook file holds, as a SHA-256 of its bytes: how Glossa tells its own last read or
// write from another program's change. Size and mtime cannot: a file restored with the same
// size and mtime (cp -p, a sync tool) looked unchanged, and a file only touched looked changed.
import { createHash } from 'node:crypto'
import type { FsLike } from './durable-write'
import { notRegularReason, SAFE_READ_FLAGS } from './regular-file'

export interface Content {
  size: number
  sha256: string
}
/** What is at a path now: nothing, something Glossa never reads or replaces, or a regular file. */
export type OnDisk = { missing: true } | { notRegular: string } | { content: Content }

/** Reading in pieces of this size gives the event loop a turn between them (~1 ms of hashing each). */
const PIECE = 1 << 20

export function contentOf(bytes: Buffer): Content {
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }
}

/**
 * What is at `path`, read piece by piece (never whole). `expectedSize`: a regular file of
 * another size is another file, so its bytes are not hashed (sha256 is then empty).
 */
export async function onDisk(path: string, fs: FsLike, expectedSize?: number): Promise<OnDisk> {
  let handle
  try {
    // Non-blocking and without following links: a FIFO or a link put here cannot hang or fool us.
    handle = await fs.open(path, SAFE_READ_FLAGS)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { missing: true }
    if (code === 'ELOOP') return { notRegular: 'This is a symbolic link; Glossa only opens regular files.' }
    if (code === 'ENXIO') return { notRegular: 'This is a socket; Glossa only opens regular files.' }
    throw error
  }
  try {
    const st = await handle.stat()
    const notRegular = notRegularReason(st)
    if (notRegular) return { notRegular }
    if (expectedSize !== undefined && st.size !== expectedSize)
      return { content: { size: st.size, sha256: '' } }
    const hash = createHash('sha256')
    const buffer = Buffer.allocUnsafe(Math.min(PIECE, st.size + 1))
    let size = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) break
      hash.update(buffer.subarray(0, bytesRead))
      size += bytesRead
    }
    return { content: { size, sha256: hash.digest('hex') } }
  } finally {
    await handle.close().catch(() => {})
  }
}

/** Encodes the text chunks as UTF-8 once, handing each piece to `seen` (hash, size) on its way. */
export async function* encoded(
  chunks: AsyncIterable<string>,
  seen: (bytes: Buffer) => void,
): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk, 'utf8')
    seen(bytes)
    yield bytes
  }
}
