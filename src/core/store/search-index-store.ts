// Saved search indexes (#16): <data-dir>/search-index/<notebook id>.bin holds 64 ASCII hex
// digits naming the key (the SHA-256 of the notebook file the index was built from) and the
// Glossa version that saved it, then the window's snapshot bytes. The version is in it because
// the same file bytes open as the same notebook only within one version: a later one may
// migrate, repair or tokenize them otherwise, so an upgrade builds every index once. A cache: the core never reads a snapshot, only its key and envelope,
// and anything unreadable, torn or of another key is simply not loaded (the window builds the
// index again and saves it anew).
import { rename, rm, mkdir, open } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { GlossaError } from '@shared/errors'
import { isSearchSnapshot, MAX_SNAPSHOT_BYTES } from '@shared/search/snapshot-format'
import { removeStaleTempFiles, writeFailed, writeTempFile } from './durable-write'
import { SAFE_READ_FLAGS } from './regular-file'

const KEY_BYTES = 64
const KEY = /^[0-9a-f]{64}$/
/** The contract's Id, checked again here: a file name from it must not leave the folder. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/

export class SearchIndexStore {
  readonly dir: string

  /** `appVersion`: the running Glossa's version (absent in tests: the key alone). */
  constructor(
    dataDir: string,
    private readonly appVersion = '',
  ) {
    this.dir = join(dataDir, 'search-index')
  }

  /** What the file starts with for `key`: the key itself, or with a version, both hashed. */
  private stamp(key: string): string {
    return this.appVersion ? createHash('sha256').update(`${key}\n${this.appVersion}`).digest('hex') : key
  }

  /** The snapshot saved for `id` under exactly `key`, else null. */
  async load(id: string, key: string): Promise<Uint8Array | null> {
    if (!KEY.test(key) || !SAFE_ID.test(id)) return null
    const snapshot = await readStamped(this.pathOf(id), this.stamp(key)).catch(() => null)
    return snapshot && isSearchSnapshot(snapshot) ? snapshot : null
  }

  /**
   * Replaces the snapshot of `id` atomically (temp file beside it, then rename): a reader sees
   * the old file or the new one. The temp file is fsynced by writeTempFile; the folder is not,
   * since a lost rename only costs a rebuild.
   */
  async save(id: string, key: string, snapshot: Uint8Array): Promise<void> {
    if (!KEY.test(key)) throw new GlossaError('invalid-arguments', 'A search index key is 64 hex digits.')
    const path = this.pathOf(id)
    await mkdir(this.dir, { recursive: true })
    // Temp files of a save cut short by a crash (named as durable-write.ts names them).
    await removeStaleTempFiles(this.dir)
    const tmp = await writeTempFile(path, chunks(Buffer.from(this.stamp(key), 'latin1'), snapshot))
    try {
      await rename(tmp, path)
    } catch (error) {
      await rm(tmp, { force: true }).catch(() => {})
      throw writeFailed(path, error)
    }
  }

  /** Forgets the snapshot of `id` (its notebook went to the trash); nothing there is fine. */
  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true })
  }

  pathOf(id: string): string {
    if (!SAFE_ID.test(id))
      throw new GlossaError('invalid-arguments', 'A notebook id uses letters, digits, _ and -.')
    return join(this.dir, `${id}.bin`)
  }
}

/**
 * What follows `stamp` in the file, if it starts with it and is a regular file of a size a
 * snapshot can have (opened without following links or waiting on a FIFO). The stamp is read
 * first: after an edit the file is usually another key's, and is then not read at all. The
 * snapshot gets an array of its own (Electron's IPC sends a view's whole buffer, and a small
 * Buffer may sit in Node's shared pool beside other data), read in place: no copy.
 */
async function readStamped(path: string, stamp: string): Promise<Uint8Array | null> {
  const handle = await open(path, SAFE_READ_FLAGS)
  try {
    const st = await handle.stat()
    if (!st.isFile() || st.size < KEY_BYTES || st.size > KEY_BYTES + MAX_SNAPSHOT_BYTES) return null
    const head = Buffer.alloc(KEY_BYTES)
    const { bytesRead } = await handle.read(head, 0, KEY_BYTES, 0)
    if (bytesRead !== KEY_BYTES || head.toString('latin1') !== stamp) return null
    const snapshot = new Uint8Array(st.size - KEY_BYTES)
    for (let at = 0; at < snapshot.length;) {
      const { bytesRead: n } = await handle.read(snapshot, at, snapshot.length - at, KEY_BYTES + at)
      if (n === 0) return null // the file shrank meanwhile: torn
      at += n
    }
    return snapshot
  } finally {
    await handle.close().catch(() => {})
  }
}

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* parts
}
