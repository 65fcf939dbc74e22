// Files arriving in notebooks/ (new notebooks, copies, imports, restores from the trash). In
// this process one name is claimed at a time, and the id of a notebook on its way in counts
// as taken; other processes are kept apart by link() (free-name.ts), which never overwrites.
import type { FsLike } from './durable-write'
import { notebookFileName, storedForm } from './file-names'
import { moveUnderFreeName } from './free-name'

export class Arrivals {
  private readonly ids = new Set<string>()
  private naming: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly dir: string,
    private readonly fs: FsLike,
  ) {}

  /** True while a notebook with this id is on its way in. */
  has(id: string): boolean {
    return this.ids.has(id)
  }

  /** Counts `id` as in the library until the returned function is called. */
  claim(id: string): () => void {
    this.ids.add(id)
    return () => this.ids.delete(id)
  }

  /** Moves the finished file `from` in under a name no file has, from `title`; returns the name. */
  moveIn(from: string, title: string, preferred?: string): Promise<string> {
    const choose = (taken: Set<string>) =>
      preferred && ![...taken].some((n) => sameName(n, preferred))
        ? preferred
        : notebookFileName(title, taken)
    const moved = this.naming.then(() => moveUnderFreeName(from, this.dir, choose, this.fs))
    this.naming = moved.catch(() => {})
    return moved
  }
}

const sameName = (a: string, b: string): boolean =>
  storedForm(a).toLowerCase() === storedForm(b).toLowerCase()
