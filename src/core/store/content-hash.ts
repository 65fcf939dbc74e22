// What a notebook file holds, as a SHA-256 of its bytes: how Glossa tells its own last read or
// write from another program's change. Size and mtime cannot: a file restored with the same
// size and mtime (cp -p, a sync tool) looked unchanged, and a file only touched looked changed.
import { createHash, type Hash } from 'node:crypto'
import type { FsLike } from './durable-write'
import { SAFE_READ_FLAGS } from './regular-file'

export interface Content {
  size: number
  sha256: string
}

/** Reading in pieces of this size gives the event loop a turn between them (~1 ms of hashing each). */
const PIECE = 1 << 20

export function contentOf(bytes: Buffer): Content {
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }
}

/** The content of the file at `path` (read piece by piece, never whole); null if it cannot be read. */
export async function contentOfFile(path: string, fs: FsLike): Promise<Content | null> {
  const handle = await fs.open(path, SAFE_READ_FLAGS).catch(() => null)
  if (!handle) return null
  try {
    const hash = createHash('sha256')
    const buffer = Buffer.allocUnsafe(PIECE)
    let size = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, PIECE, null)
      if (bytesRead === 0) break
      hash.update(buffer.subarray(0, bytesRead))
      size += bytesRead
    }
    return { size, sha256: hash.digest('hex') }
  } catch {
    return null
  } finally {
    await handle.close().catch(() => {})
  }
}

/** Passes the chunks through, hashing them as they go by (the text as UTF-8, as it is written). */
export async function* hashing(chunks: AsyncIterable<string>, hash: Hash): AsyncGenerator<string> {
  for await (const chunk of chunks) {
    hash.update(chunk, 'utf8')
    yield chunk
  }
}
