// A lowdb adapter for one notebook file: validate on read and before every write; write
// durably (temp file + fsync + rename + fsync of the folder) so a crash leaves either the old
// or the new file, never half of one; refuse to write over a file changed by someone else.
import { createHash } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { Adapter } from 'lowdb'
import { GlossaError } from '@shared/errors'
import type { Notebook } from '@shared/schema'
import { contentOf, contentOfFile, hashing, type Content } from './content-hash'
import { syncFolder, writeFailed, writeTempFile, type FsLike } from './durable-write'
import { notRegularReason, readRegularFile } from './regular-file'
import { markValid, serializeChunks, serializeSync, validateForSave } from './save-cache'
import { readNotebookText } from './validate'

export type { FsLike } from './durable-write'

export class DurableNotebookFile implements Adapter<Notebook> {
  /** What the file held after our last read or write: anything else means another program wrote. */
  private known: Content | null = null
  /** Set when the file on disk is an older schema version, until the migrated notebook is written. */
  private migratedFrom: number | undefined

  constructor(
    readonly path: string,
    private readonly fs: FsLike = nodeFs,
    private readonly beforeReplace?: (path: string, info: { migratedFrom?: number }) => Promise<void>,
  ) {}

  async read(): Promise<Notebook | null> {
    const bytes = await readRegularFile(this.path, this.fs)
    const { notebook, migratedFrom } = readNotebookText(bytes.toString('utf8'), basename(this.path))
    markValid(notebook) // just parsed: saves need not check these objects again
    this.known = contentOf(bytes)
    this.migratedFrom = migratedFrom
    return notebook
  }

  /** True when the file on disk is not the one we last read or wrote (compared by content). */
  async changedOnDisk(): Promise<boolean> {
    if (!this.known) return false
    // Another size is another file; the same size (or mtime) proves nothing, so the bytes decide.
    if (await this.sizeChanged()) return true
    return (await contentOfFile(this.path, this.fs))?.sha256 !== this.known.sha256
  }

  /** A different size, or no longer a regular file (a symbolic link, a FIFO: never replaced). */
  private async sizeChanged(): Promise<boolean> {
    const st = await this.fs.lstat(this.path).catch(() => null)
    return !st?.isFile() || st.size !== this.known?.size
  }

  /** "Keep mine": the next write replaces the file even if another program changed it. */
  forgetStamp(): void {
    this.known = null
  }

  async write(data: Notebook): Promise<void> {
    validateForSave(data, SAVE_NAME) // throws before touching disk
    // The quick checks first, so a doomed save writes nothing.
    await this.refuseIfNotRegular()
    if (this.known && (await this.sizeChanged())) throw this.changedError()
    if (this.beforeReplace) await this.beforeReplace(this.path, { migratedFrom: this.migratedFrom })
    // Streamed in chunks from the save cache: never one long block of stringify + encode.
    const hash = createHash('sha256')
    const tmp = await writeTempFile(this.path, hashing(serializeChunks(data), hash), this.fs)
    try {
      const { size } = await this.fs.stat(tmp)
      // Checked again by content once the new file is ready, just before the rename: a change
      // that landed while it was written is not overwritten (the temp file goes, theirs stays).
      if (await this.changedOnDisk()) throw this.changedError()
      await this.refuseIfNotRegular() // even "Keep mine" never replaces a link or a pipe
      await this.fs.rename(tmp, this.path)
      this.known = { size, sha256: hash.digest('hex') }
    } catch (error) {
      await this.fs.unlink(tmp).catch(() => {})
      throw writeFailed(this.path, error)
    }
    await syncFolder(dirname(this.path), this.fs)
    this.migratedFrom = undefined
  }

  /** A symbolic link, FIFO, socket or folder at our path is never replaced (a missing file may be written). */
  private async refuseIfNotRegular(): Promise<void> {
    const st = await this.fs.lstat(this.path).catch(() => null)
    const reason = st && notRegularReason(st)
    if (reason)
      throw new GlossaError('store/not-a-file', `${reason} Glossa did not replace “${basename(this.path)}”.`)
  }

  private changedError(): GlossaError {
    return new GlossaError(
      'store/changed-on-disk',
      `“${basename(this.path)}” was changed by another program; Glossa did not overwrite it.`,
    )
  }
}

const SAVE_NAME = 'the notebook about to be saved'

/** Validates (throws before touching disk) and formats a notebook as its file holds it; see save-cache.ts. */
export function serializeNotebook(data: Notebook): string {
  validateForSave(data, SAVE_NAME)
  return serializeSync(data)
}
