// The updates a live doc received since its state was last written, appended to
// `<id>.ydoc.log` instead of re-writing the whole state (23 MB at 20,000 passages) after every
// change. Each record is [length u32 LE][CRC-32 u32 LE][a Yjs update]: a crash mid-append leaves
// a torn last record, which the reader leaves out and the writer cuts off before appending.
// When the log grows past a bound the whole state is written again and the log emptied.
import { randomBytes } from 'node:crypto'
import { closeSync, fdatasyncSync, fsyncSync, ftruncateSync, openSync, renameSync, writeSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import { ydocLogPath } from './ydoc-file'

const HEADER = 8

export function encodeLogRecord(update: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(HEADER + update.length)
  record.writeUInt32LE(update.length, 0)
  record.writeUInt32LE(crc32(update), 4)
  record.set(update, HEADER)
  return record
}

/** The whole records at the start of `bytes`, and how many bytes they take. */
export function readLogRecords(bytes: Uint8Array): { records: Uint8Array[]; validBytes: number } {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const records: Uint8Array[] = []
  let at = 0
  while (at + HEADER <= view.length) {
    const length = view.readUInt32LE(at)
    const end = at + HEADER + length
    if (end > view.length) break
    const update = view.subarray(at + HEADER, end)
    if (crc32(update) !== view.readUInt32LE(at + 4)) break
    records.push(new Uint8Array(update))
    at = end
  }
  return { records, validBytes: at }
}

export interface LogBounds {
  /** The log is folded into the state once it holds more than this many bytes… */
  minBytes: number
  /** …and more than this share of the state's size… */
  stateShare: number
  /** …or more records than this (each costs a step when the doc is read). */
  maxRecords: number
}
export const DEFAULT_LOG_BOUNDS: LogBounds = { minBytes: 1024 * 1024, stateShare: 0.5, maxRecords: 5_000 }

export class YDocLog {
  private fd: number | null = null
  private broken = false
  compactions = 0

  constructor(
    private readonly path: string,
    /** The whole state now, for compaction. */
    private readonly encodeState: () => Uint8Array,
    private stateBytes: number,
    /** Whole records already in the log (a torn tail past them is cut off first). */
    private logBytes: number,
    private records: number,
    private readonly bounds: LogBounds = DEFAULT_LOG_BOUNDS,
  ) {}

  /**
   * Appends `update` and syncs it to disk before returning. Synchronous on purpose: the doc's
   * update handlers run in order, this one before the team link's, so whatever the server (or a
   * window) could have received from this app is in the log. An update the server holds and the
   * log lost would come back as a second copy of the same text: after a crash the doc is brought
   * up to the JSON file by writing the difference as a new edit.
   */
  append(update: Uint8Array): void {
    if (this.broken) return
    try {
      const fd = this.open()
      const record = encodeLogRecord(update)
      writeSync(fd, record)
      fdatasyncSync(fd)
      this.logBytes += record.length
      this.records++
      if (this.overBound()) this.compact()
    } catch (error) {
      // The doc is history: the JSON file holds every edit; a doc that misses some is brought up
      // to the file when it is opened again.
      this.broken = true
      console.error('[glossa live] could not save the live state:', error)
    }
  }

  /** Everything appended is on disk already; kept so callers can wait for a save. */
  flush(): Promise<void> {
    return Promise.resolve()
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  private open(): number {
    if (this.fd !== null) return this.fd
    const fd = openSync(ydocLogPath(this.path), 'a')
    ftruncateSync(fd, this.logBytes)
    this.fd = fd
    return fd
  }

  private overBound(): boolean {
    const { minBytes, stateShare, maxRecords } = this.bounds
    return (
      this.records > maxRecords || (this.logBytes > minBytes && this.logBytes > this.stateBytes * stateShare)
    )
  }

  /**
   * The state written whole (temp, fsync, rename), then the log emptied; synchronous, so no
   * update comes between the two. A crash between them leaves a state that already holds the
   * log's updates, and applying an update twice changes nothing. Rare: the log has grown past
   * half the state.
   */
  private compact(): void {
    const state = this.encodeState()
    const tmp = `${this.path}.${randomBytes(4).toString('hex')}.tmp`
    const fd = openSync(tmp, 'wx')
    try {
      writeSync(fd, state)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, this.path)
    const log = this.open()
    ftruncateSync(log, 0)
    fdatasyncSync(log)
    this.stateBytes = state.length
    this.logBytes = 0
    this.records = 0
    this.compactions++
  }
}
