// What the library lists of each notebook file (title, counts, dates), kept in
// <data-dir>/library-summaries.json with the file's size and mtime, so a cold start lists the
// library without parsing every notebook (a 20,000-passage file takes about a second to parse
// and validate; #16's first paint). A file whose size or mtime changed is read again, and opening
// a notebook always reads and validates it in full, so a stale entry can only show a stale title
// until the next change. A missing or damaged cache is treated as empty and rewritten.
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { NotebookSummarySchema, type NotebookSummary } from '@shared/schema'
import { removeStaleTempFiles, writeFileDurably } from './durable-write'
import { readRegularFile } from './regular-file'

const EntrySchema = z.object({ mtimeMs: z.number(), size: z.number(), summary: NotebookSummarySchema })
const CacheSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), EntrySchema) })
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

  set(file: string, entry: SummaryEntry): void {
    this.entries?.set(file, entry)
    this.dirty = true
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
    if (!this.dirty) return
    this.dirty = false
    const text = JSON.stringify({ version: 1, entries: Object.fromEntries(entries) })
    this.writes = this.writes
      .catch(() => {})
      .then(() => writeFileDurably(this.path, text))
      .catch(() => {})
    return this.writes
  }
}
