// The updates a live doc received since its state was last written, appended to
// `<id>.ydoc.log` instead of re-writing the whole state (23 MB at 20,000 passages) after every
// change. Each record is [length u32 LE][CRC-32 u32 LE][a Yjs update]: a crash mid-append leaves
// a torn last record, which the reader leaves out and the writer cuts off before appending.
// When the log grows past a bound the whole state is written again and the log emptied.
import { open } from 'node:fs/promises'
import { crc32 } from 'node:zlib'
import * as Y from 'yjs'
import { writeYDocFile, ydocLogPath } from './ydoc-file'

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

/** Updates appended to a doc's log within this time are written (and fsynced) as one record. */
const APPEND_DELAY_MS = 30

export class YDocLog {
  private pending: Uint8Array[] = []
  private timer: ReturnType<typeof setTimeout> | undefined
  private running: Promise<void> = Promise.resolve()
  private trimmed = false
  private records = 0
  compactions = 0

  constructor(
    private readonly path: string,
    /** The whole state now, for compaction. */
    private readonly encodeState: () => Uint8Array,
    private stateBytes: number,
    /** Whole records already in the log (a torn tail past them is cut off first). */
    private logBytes: number,
    records: number,
    private readonly bounds: LogBounds = DEFAULT_LOG_BOUNDS,
  ) {
    this.records = records
  }

  append(update: Uint8Array): void {
    this.pending.push(update)
    this.timer ??= setTimeout(() => void this.flush(), APPEND_DELAY_MS)
  }

  /** Writes what is pending now (and waits for a write under way). */
  flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    this.running = this.running
      .then(() => this.write())
      .catch((error: unknown) => console.error('[glossa live] could not save the live state:', error))
    return this.running
  }

  private async write(): Promise<void> {
    const batch = this.pending.splice(0)
    if (!batch.length) return
    const update = batch.length === 1 ? batch[0] : Y.mergeUpdates(batch)
    const record = encodeLogRecord(update)
    const handle = await open(ydocLogPath(this.path), 'a')
    try {
      if (!this.trimmed) {
        await handle.truncate(this.logBytes)
        this.trimmed = true
      }
      await handle.write(record)
      await handle.datasync()
    } finally {
      await handle.close()
    }
    this.logBytes += record.length
    this.records++
    if (this.overBound()) await this.compact()
  }

  private overBound(): boolean {
    const { minBytes, stateShare, maxRecords } = this.bounds
    return (
      this.records > maxRecords || (this.logBytes > minBytes && this.logBytes > this.stateBytes * stateShare)
    )
  }

  /**
   * The state written whole, then the log emptied: a crash between the two leaves a state that
   * already holds the log's updates, and applying an update twice changes nothing.
   */
  private async compact(): Promise<void> {
    const state = this.encodeState()
    await writeYDocFile(this.path, state)
    const handle = await open(ydocLogPath(this.path), 'r+')
    try {
      await handle.truncate(0)
      await handle.datasync()
    } finally {
      await handle.close()
    }
    this.stateBytes = state.length
    this.logBytes = 0
    this.records = 0
    this.compactions++
  }
}
