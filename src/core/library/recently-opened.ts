// When each notebook was last opened, in <data-dir>/library-state.json, so the library can
// list notebooks opened or changed most recently first. A convenience: a missing or damaged
// state file is treated as empty and rewritten, never an error.
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { removeStaleTempFiles, writeFileDurably } from '../store/durable-write'
import { readRegularFile } from '../store/regular-file'

const StateSchema = z.object({ lastOpened: z.record(z.string(), z.string()) })
/** Keeps the file small however many notebooks come and go. */
const MAX_ENTRIES = 1000

export class RecentlyOpened {
  readonly path: string
  private state: Map<string, string> | null = null
  private writes: Promise<void> = Promise.resolve()

  constructor(dataDir: string) {
    this.path = join(dataDir, 'library-state.json')
  }

  private async load(): Promise<Map<string, string>> {
    if (this.state) return this.state
    // Temp files of this file that a crash left behind (the data dir may hold other things: only ours).
    await removeStaleTempFiles(dirname(this.path), { of: basename(this.path) })
    const text = await readRegularFile(this.path).then(
      (bytes) => bytes.toString('utf8'),
      () => '',
    )
    let entries: [string, string][] = []
    try {
      entries = Object.entries(StateSchema.parse(JSON.parse(text)).lastOpened)
    } catch {
      // Missing or unreadable: start afresh.
    }
    this.state ??= new Map(entries)
    return this.state
  }

  async get(id: string): Promise<string | undefined> {
    return (await this.load()).get(id)
  }

  async all(): Promise<ReadonlyMap<string, string>> {
    return this.load()
  }

  /** Records the time and writes the file (writes are queued, so they never interleave). */
  async record(id: string, at: string): Promise<void> {
    const state = await this.load()
    state.delete(id)
    state.set(id, at)
    while (state.size > MAX_ENTRIES) state.delete(state.keys().next().value!)
    const text = JSON.stringify({ lastOpened: Object.fromEntries(state) }, null, 1)
    this.writes = this.writes.catch(() => {}).then(() => writeFileDurably(this.path, text))
    return this.writes
  }
}

/** Most recent of "opened" and "changed" first; ties by title. */
export function byRecency<T extends { title: string; updatedAt: string; openedAt?: string }>(
  a: T,
  b: T,
): number {
  const recency = (n: T) => (n.openedAt && n.openedAt > n.updatedAt ? n.openedAt : n.updatedAt)
  return recency(b).localeCompare(recency(a)) || a.title.localeCompare(b.title)
}
