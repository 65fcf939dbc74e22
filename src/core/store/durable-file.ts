// A lowdb adapter for one notebook file: validate on read and before every write; write
// durably (temp file + fsync + rename + fsync of the folder) so a crash leaves either the old
// or the new file, never half of one; refuse to write over a file changed by someone else.
import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'
import { GlossaError } from '@shared/errors'
import type { Notebook } from '@shared/schema'
import { markValid, serializeChunks, serializeSync, validateForSave } from './save-cache'
import { readNotebookText } from './validate'

export type FsLike = Pick<typeof nodeFs, 'open' | 'rename' | 'stat' | 'unlink' | 'readFile'>
export interface FileStamp {
  mtimeMs: number
  size: number
}

export class DurableNotebookFile implements Adapter<Notebook> {
  /** mtime and size after our last read or write: anything else means another program wrote. */
  private stamp: FileStamp | null = null
  /** Set when the file on disk is an older schema version, until the migrated notebook is written. */
  private migratedFrom: number | undefined

  constructor(
    readonly path: string,
    private readonly fs: FsLike = nodeFs,
    private readonly beforeReplace?: (path: string, info: { migratedFrom?: number }) => Promise<void>,
  ) {}

  async read(): Promise<Notebook | null> {
    const text = await this.fs.readFile(this.path, 'utf8')
    const st = await this.fs.stat(this.path)
    const { notebook, migratedFrom } = readNotebookText(text, basename(this.path))
    markValid(notebook) // just parsed: saves need not check these objects again
    this.stamp = { mtimeMs: st.mtimeMs, size: st.size }
    this.migratedFrom = migratedFrom
    return notebook
  }

  /** True when the file on disk is not the one we last read or wrote. */
  async changedOnDisk(): Promise<boolean> {
    if (!this.stamp) return false
    try {
      const st = await this.fs.stat(this.path)
      return st.mtimeMs !== this.stamp.mtimeMs || st.size !== this.stamp.size
    } catch {
      return true
    }
  }

  /** "Keep mine": the next write replaces the file even if another program changed it. */
  forgetStamp(): void {
    this.stamp = null
  }

  async write(data: Notebook): Promise<void> {
    validateForSave(data, SAVE_NAME) // throws before touching disk
    if (await this.changedOnDisk()) {
      throw new GlossaError(
        'store/changed-on-disk',
        `“${basename(this.path)}” was changed by another program; Glossa did not overwrite it.`,
      )
    }
    if (this.beforeReplace) await this.beforeReplace(this.path, { migratedFrom: this.migratedFrom })
    // Streamed in chunks from the save cache: never one long block of stringify + encode.
    await writeFileDurably(this.path, serializeChunks(data), this.fs)
    const st = await this.fs.stat(this.path)
    this.stamp = { mtimeMs: st.mtimeMs, size: st.size }
    this.migratedFrom = undefined
  }
}

const SAVE_NAME = 'the notebook about to be saved'

/** Validates (throws before touching disk) and formats a notebook as its file holds it; see save-cache.ts. */
export function serializeNotebook(data: Notebook): string {
  validateForSave(data, SAVE_NAME)
  return serializeSync(data)
}

export async function writeFileDurably(
  path: string,
  text: string | AsyncIterable<string>,
  fs: FsLike = nodeFs,
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`)
  let handle: nodeFs.FileHandle | undefined
  try {
    handle = await fs.open(tmp, 'wx')
    if (typeof text === 'string') await handle.writeFile(text, 'utf8')
    // Each writeFile continues at the handle's current position: the chunks land in order.
    else for await (const chunk of text) await handle.writeFile(chunk, 'utf8')
    await handle.sync()
    await handle.close()
    handle = undefined
    await fs.rename(tmp, path)
  } catch (error) {
    await handle?.close().catch(() => {})
    await fs.unlink(tmp).catch(() => {})
    throw new GlossaError(
      'store/write-failed',
      `Could not save “${basename(path)}”: ${describeFsError(error)}. The previous version on disk is intact.`,
    )
  }
  await syncFolder(dirname(path), fs)
}

/** Temp files a crash left behind (`.<name>.<hex>.tmp`), once old enough not to be a write in progress. */
export async function removeStaleTempFiles(dir: string, olderThanMs = 60_000): Promise<number> {
  const names = await nodeFs.readdir(dir).catch(() => [] as string[])
  let removed = 0
  for (const name of names.filter((n) => /^\..+\.[0-9a-f]{8}\.tmp$/.test(n))) {
    const st = await nodeFs.stat(join(dir, name)).catch(() => null)
    if (st?.isFile() && Date.now() - st.mtimeMs > olderThanMs)
      removed += await nodeFs.unlink(join(dir, name)).then(
        () => 1,
        () => 0,
      )
  }
  return removed
}

async function syncFolder(dir: string, fs: FsLike): Promise<void> {
  // Makes the rename itself durable; not supported on every platform (Windows), so best effort.
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
