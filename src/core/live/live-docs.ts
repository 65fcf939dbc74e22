// The live docs of the notebooks windows follow: opened on the first window's request, kept
// in step with the store's notebook from then on.
import type { Library } from '../store/library'
import type { OpenNotebook } from '../store/open-notebook'
import { LiveNotebook } from './live-notebook'
import { ydocPath } from './ydoc-file'

interface Entry {
  handle: OpenNotebook
  live: Promise<LiveNotebook>
  unwatch?: () => void
}

export class LiveDocs {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly library: Library) {}

  /** The live doc of notebook `id` (opening the notebook if needed). */
  async get(id: string): Promise<LiveNotebook> {
    const handle = await this.library.openNotebook(id)
    const entry = this.entries.get(id)
    if (entry?.handle === handle) return entry.live
    // A new handle (first use, or the notebook was trashed and restored): a new doc follows it.
    if (entry) void this.drop(id, entry)
    const fresh: Entry = { handle, live: this.open(handle) }
    this.entries.set(id, fresh)
    fresh.live.then(
      (live) => (fresh.unwatch = handle.watch((nb) => live.follow(nb))),
      () => this.entries.delete(id),
    )
    return fresh.live
  }

  private async open(handle: OpenNotebook): Promise<LiveNotebook> {
    const live = await LiveNotebook.open(ydocPath(this.library.notebooksDir, handle.data.id), handle.data)
    // Edits applied while the doc was being read.
    live.follow(handle.data)
    return live
  }

  private async drop(id: string, entry: Entry): Promise<void> {
    entry.unwatch?.()
    if (this.entries.get(id) === entry) this.entries.delete(id)
    await (await entry.live).close()
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.entries].map(([id, e]) => this.drop(id, e).catch(() => {})))
  }
}
