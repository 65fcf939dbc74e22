// A lowdb adapter for one notebook file: validate on read and before every write; write
// durably (temp file + fsync + rename + fsync of the folder) so a crash leaves either the old
// or the new file, never half of one; refuse to write over a file changed by someone else.
import { createHash } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { Adapter } from 'lowdb'
import { GlossaError } from '@shared/errors'
import type { Notebook } from '@shared/schema'
import { contentOf, encoded, onDisk, type Content, type OnDisk } from './content-hash'
import { syncFolder, writeFailed, writeTempFile, type FsLike } from './durable-write'
import { readRegularFile } from './regular-file'
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
    return !same(await onDisk(this.path, this.fs, this.known.size).catch(() => null), this.known)
  }

  /** "Keep mine": the next write replaces the file even if another program changed it. */
  forgetStamp(): void {
    this.known = null
  }

  async write(data: Notebook): Promise<void> {
    validateForSave(data, SAVE_NAME) // throws before touching disk
    if (this.beforeReplace) await this.beforeReplace(this.path, { migratedFrom: this.migratedFrom })
    // Streamed in chunks from the save cache (never one long block of stringify + encode),
    // hashed as they are written.
    const hash = createHash('sha256')
    let size = 0
    const chunks = encoded(serializeChunks(data), (bytes) => {
      hash.update(bytes)
      size += bytes.length
    })
    const tmp = await writeTempFile(this.path, chunks, this.fs)
    try {
      await this.refuseToReplace()
      await this.fs.rename(tmp, this.path)
      this.known = { size, sha256: hash.digest('hex') }
    } catch (error) {
      await this.fs.unlink(tmp).catch(() => {})
      throw writeFailed(this.path, error)
    }
    await syncFolder(dirname(this.path), this.fs)
    this.migratedFrom = undefined
  }

  /**
   * Checked once the new file is ready, just before the rename: a change that landed while it
   * was written is not overwritten (the temp file goes, theirs stays). A symbolic link, FIFO,
   * socket or folder at our path is never replaced, not even by "Keep mine".
   */
  private async refuseToReplace(): Promise<void> {
    const now = await onDisk(this.path, this.fs, this.known?.size)
    if ('notRegular' in now)
      throw new GlossaError(
        'store/not-a-file',
        `${now.notRegular} Glossa did not replace “${basename(this.path)}”.`,
      )
    if (this.known && !same(now, this.known))
      throw new GlossaError(
        'store/changed-on-disk',
        `“${basename(this.path)}” was changed by another program; Glossa did not overwrite it.`,
      )
  }
}

const same = (now: OnDisk | null, known: Content): boolean =>
  now !== null && 'content' in now && now.content.size === known.size && now.content.sha256 === known.sha256

const SAVE_NAME = 'the notebook about to be saved'

/** Validates (throws before touching disk) and formats a notebook as its file holds it; see save-cache.ts. */
export function serializeNotebook(data: Notebook): string {
  validateForSave(data, SAVE_NAME)
  return serializeSync(data)
}
