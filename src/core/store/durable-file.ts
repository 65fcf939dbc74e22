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
import { jsonEqual } from '@shared/json-equal'
import { parseJsonText, readValidatedBefore, validateParsed } from './validate'

export type { FsLike } from './durable-write'

/**
 * What Glossa remembers of the files it validated: the SHA-256 of the bytes it last read and
 * validated, or validated and wrote, per file (kept in library-summaries.json by the Library).
 * A file whose bytes hash to that need not be validated again; any other bytes (edited by
 * another program, restored, older) are. The hash is always of the bytes just read, never taken
 * from the cache alone, so a cache that names a wrong hash only costs a full validation.
 */
export interface ValidatedContent {
  /** The SHA-256 Glossa last validated at `path`, if it remembers one. */
  hashOf(path: string): Promise<string | undefined>
  /** Told once the bytes at `path` were validated (read) or validated and written (write). */
  remember(path: string, content: Content, notebook: Notebook): void
}

export class DurableNotebookFile implements Adapter<Notebook> {
  /** What the file held after our last read or write: anything else means another program wrote. */
  private known: Content | null = null
  /** The bytes last read were validated before, or validating them changed nothing. */
  trusted = false
  /** Set when the file on disk is an older schema version, until the migrated notebook is written. */
  private migratedFrom: number | undefined

  constructor(
    readonly path: string,
    private readonly fs: FsLike = nodeFs,
    private readonly beforeReplace?: (path: string, info: { migratedFrom?: number }) => Promise<void>,
    private readonly validated?: ValidatedContent,
  ) {}

  async read(): Promise<Notebook | null> {
    const bytes = await readRegularFile(this.path, this.fs)
    const content = contentOf(bytes) // ~20 ms for 25 MB; validating them again costs ~1 s
    const remembered = await this.validated?.hashOf(this.path)
    const raw = parseJsonText(bytes.toString('utf8'))
    const name = basename(this.path)
    const known = remembered === content.sha256
    const { notebook, migratedFrom } = known ? readValidatedBefore(raw, name) : validateParsed(raw, name)
    markValid(notebook) // valid (just checked, or these very bytes were): saves need not check them again
    this.known = content
    this.migratedFrom = migratedFrom
    // Bytes whose validation changed nothing (no default filled in, no unknown member dropped,
    // no migration) may be taken as they are next time; others are validated until Glossa
    // writes the notebook itself.
    this.trusted = known || (migratedFrom === undefined && jsonEqual(notebook, raw))
    if (!known && this.trusted) this.validated?.remember(this.path, content, notebook)
    return notebook
  }

  /** The size and SHA-256 of the bytes last read or written (null before either). */
  get content(): Content | null {
    return this.known
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
    this.validated?.remember(this.path, this.known, data) // validated above, before any byte was written
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
