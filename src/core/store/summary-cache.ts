// What the library lists of each notebook file (title, counts, dates), kept in
// <data-dir>/library-summaries.json with the file's size and mtime, so a cold start lists the
// library without parsing every notebook (a 20,000-passage file takes about a second to parse
// and validate; #16's first paint). A file whose size or mtime changed is read again, and opening
// a notebook always reads and validates it in full, so a stale entry can only show a stale title
// until the next change. A missing or damaged cache is treated as empty and rewritten.
//
// Each entry may also hold `sha256`: the hash of the bytes Glossa last validated in that file
// (read and validated, or validated and written), so opening a file Glossa wrote skips
// validating it again (durable-file.ts, ValidatedContent). The hash is compared with the bytes
// actually read, never trusted by itself: a file changed in any way is validated in full. A
// cache written under another schema version is dropped whole, so a stricter schema (which
// comes with a new SCHEMA_VERSION) validates every file once more.
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { NotebookSummarySchema, SCHEMA_VERSION, type NotebookSummary } from '@shared/schema'
import { onDisk } from './content-hash'
import { removeStaleTempFiles, writeFileDurably } from './durable-write'
import { readRegularFile } from './regular-file'

const EntrySchema = z.object({
  mtimeMs: z.number(),
  size: z.number(),
  summary: NotebookSummarySchema,
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
})
const CacheSchema = z.object({
  version: z.literal(2),
  schemaVersion: z.literal(SCHEMA_VERSION),
  entries: z.record(z.string(), EntrySchema),
})
export type SummaryEntry = z.infer<typeof EntrySchema>

export class SummaryCache {
  readonly path: string
  private entries: Map<string, SummaryEntry> | null = null
  private dirty = false
  private writes: Promise<void> = Promise.resolve()

  constructor(dataDir: string) {
    this.path = join(dataDir, 'library-summaries.json')
  }

  async load(): Promise<Map<string, SummaryEntry>> {
    if (this.entries) return this.entries
    await removeStaleTempFiles(dirname(this.path), { of: basename(this.path) })
    let entries: [string, SummaryEntry][] = []
    try {
      const text = (await readRegularFile(this.path)).toString('utf8')
      entries = Object.entries(CacheSchema.parse(JSON.parse(text)).entries)
    } catch {
      // Missing, unreadable or from another version: every file is read once more.
    }
    this.entries ??= new Map(entries)
    return this.entries
  }

  /** The cached summary of `file`, if its size and mtime are still the ones it was made from. */
  get(file: string, stat: { mtimeMs: number; size: number }): NotebookSummary | undefined {
    const entry = this.entries?.get(file)
    return entry && entry.mtimeMs === stat.mtimeMs && entry.size === stat.size ? entry.summary : undefined
  }

  /**
   * The summary of `file` if it is unchanged: same size and mtime, or (a file only touched, or
   * copied back with a new mtime) same size and the SHA-256 of bytes Glossa validated, which
   * costs a read and a hash instead of a parse. The entry then takes the new mtime.
   */
  async unchanged(
    file: string,
    stat: { mtimeMs: number; size: number },
    path: string,
  ): Promise<NotebookSummary | undefined> {
    const quick = this.get(file, stat)
    if (quick) return quick
    const entry = this.entries?.get(file)
    if (!entry?.sha256 || entry.size !== stat.size) return undefined
    const now = await onDisk(path, nodeFs, stat.size).catch(() => null)
    if (!now || !('content' in now) || now.content.sha256 !== entry.sha256) return undefined
    this.set(file, { ...entry, mtimeMs: stat.mtimeMs })
    return entry.summary
  }

  set(file: string, entry: SummaryEntry): void {
    this.entries?.set(file, entry)
    this.dirty = true
  }

  /** The SHA-256 of the bytes Glossa last validated in `file`, if it remembers one. */
  async hashOf(file: string): Promise<string | undefined> {
    return (await this.load()).get(file)?.sha256
  }

  /**
   * Records a validated file (its stat, summary and hash). Written with the next listing or
   * flush (a quit), not by itself: losing it to a crash only costs one more validation.
   */
  async remember(file: string, entry: SummaryEntry): Promise<void> {
    ;(await this.load()).set(file, entry)
    this.dirty = true
  }

  /** Writes what changed since the last write, if anything; resolves when done (or failed). */
  flush(): Promise<void> {
    return this.write()
  }

  /** Forgets files that are gone and writes the cache if it changed (queued; failures only cost speed). */
  async save(present: ReadonlySet<string>): Promise<void> {
    const entries = this.entries
    if (!entries) return
    for (const file of entries.keys())
      if (!present.has(file)) {
        entries.delete(file)
        this.dirty = true
      }
    await this.write()
  }

  private write(): Promise<void> {
    const entries = this.entries
    if (!entries || !this.dirty) return this.writes
    this.dirty = false
    const text = JSON.stringify({
      version: 2,
      schemaVersion: SCHEMA_VERSION,
      entries: Object.fromEntries(entries),
    })
    this.writes = this.writes
      .catch(() => {})
      .then(() => writeFileDurably(this.path, text))
      .catch(() => {})
    return this.writes
  }
}
