// A lowdb adapter for one notebook file: validate on read and before every write; write
// durably (temp file + fsync + rename + fsync of the folder) so a crash leaves either the old
// or the new file, never half of one; refuse to write over a file changed by someone else.
import * as nodeFs from 'node:fs/promises'
import { basename } from 'node:path'
import type { Adapter } from 'lowdb'
import { GlossaError } from '@shared/errors'
import type { Notebook } from '@shared/schema'
import { markValid, serializeChunks, serializeSync, validateForSave } from './save-cache'
import { writeFileDurably, type FsLike } from './durable-write'
import { readNotebookText } from './validate'

export type { FsLike } from './durable-write'
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
