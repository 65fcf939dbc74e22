// Writing files so that a crash leaves either the old or the new file, never half of one:
// temp file + fsync + rename + fsync of the folder. Errors come back as reasons a person can act on.
import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { GlossaError } from '@shared/errors'

/** The file system notebook files go through (tests inject faults). */
export type FsLike = Pick<
  typeof nodeFs,
  'open' | 'rename' | 'stat' | 'lstat' | 'unlink' | 'readFile' | 'link'
>

/** `.<name>.<8 hex>.tmp` beside the file it will become: hidden from the library, swept once stale. */
const TEMP_NAME = /^\..+\.[0-9a-f]{8}\.tmp$/

/**
 * Writes `text` to a new temp file beside `path`, fsyncs and closes it, and returns its path.
 * On failure the temp file is removed and a `store/write-failed` error says why.
 */
export async function writeTempFile(
  path: string,
  text: string | AsyncIterable<string | Uint8Array>,
  fs: FsLike = nodeFs,
): Promise<string> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`)
  let handle: nodeFs.FileHandle | undefined
  try {
    handle = await fs.open(tmp, 'wx')
    if (typeof text === 'string') await handle.writeFile(text, 'utf8')
    // Each writeFile continues at the handle's current position: the chunks land in order.
    else for await (const chunk of text) await handle.writeFile(chunk)
    await handle.sync()
    await handle.close()
    return tmp
  } catch (error) {
    await handle?.close().catch(() => {})
    await fs.unlink(tmp).catch(() => {})
    throw writeFailed(path, error)
  }
}

export async function writeFileDurably(
  path: string,
  text: string | AsyncIterable<string>,
  fs: FsLike = nodeFs,
): Promise<void> {
  const tmp = await writeTempFile(path, text, fs)
  try {
    await fs.rename(tmp, path)
  } catch (error) {
    await fs.unlink(tmp).catch(() => {})
    throw writeFailed(path, error)
  }
  await syncFolder(dirname(path), fs)
}

export function writeFailed(path: string, error: unknown): GlossaError {
  if (error instanceof GlossaError) return error
  return new GlossaError(
    'store/write-failed',
    `Could not save “${basename(path)}”: ${describeFsError(error)}. The previous version on disk is intact.`,
  )
}

/**
 * Temp files a crash left behind, once old enough not to be a write in progress. `of` limits
 * the sweep to the temp files of one file name (for folders Glossa does not own alone).
 */
export async function removeStaleTempFiles(
  dir: string,
  { olderThanMs = 60_000, of }: { olderThanMs?: number; of?: string } = {},
): Promise<number> {
  const names = await nodeFs.readdir(dir).catch(() => [] as string[])
  let removed = 0
  for (const name of names.filter((n) => TEMP_NAME.test(n) && (!of || n.startsWith(`.${of}.`)))) {
    const st = await nodeFs.lstat(join(dir, name)).catch(() => null)
    if (st?.isFile() && Date.now() - st.mtimeMs > olderThanMs)
      removed += await nodeFs.unlink(join(dir, name)).then(
        () => 1,
        () => 0,
      )
  }
  return removed
}

export async function syncFolder(dir: string, fs: Pick<FsLike, 'open'> = nodeFs): Promise<void> {
  // Makes a rename or link itself durable; not supported on every platform (Windows), so best effort.
  const handle = await fs.open(dir, 'r').catch(() => undefined)
  if (!handle) return
  await handle.sync().catch(() => {})
  await handle.close().catch(() => {})
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
  const known: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOENT: 'the folder does not exist',
    EISDIR: 'it is a folder',
  }
  return (code && known[code]) || (error instanceof Error ? error.message : String(error))
}
