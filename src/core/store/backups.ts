// Rolling backups: before a notebook file is replaced, a copy of the current file is kept in
// <data-dir>/backups/<file>/ — at most one per interval, the newest few kept.
import { copyFile, lstat, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { writeFileDurably } from './durable-write'

export interface BackupPolicy {
  minIntervalMs: number
  keep: number
}
export const DEFAULT_BACKUP_POLICY: BackupPolicy = { minIntervalMs: 60_000, keep: 10 }

export class Backups {
  constructor(
    private readonly root: string,
    private readonly policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
  ) {}

  folderFor(file: string): string {
    return join(this.root, basename(file))
  }

  async list(file: string): Promise<string[]> {
    const dir = this.folderFor(file)
    const names = await readdir(dir).catch(() => [] as string[])
    // Only the rolling, timestamp-named copies: pre-migration-v<n>.json is kept apart, forever.
    return names
      .filter((n) => /^\d{4}-\d\d-\d\dT.*\.json$/.test(n))
      .sort()
      .reverse()
      .map((n) => join(dir, n))
  }

  /** Before a migrated notebook is first written: the original file, once (never replaced). */
  async keepPreMigration(path: string, fromVersion: number): Promise<void> {
    const target = join(this.folderFor(path), `pre-migration-v${fromVersion}.json`)
    if (
      await stat(target).then(
        () => true,
        () => false,
      )
    )
      return
    await mkdir(this.folderFor(path), { recursive: true })
    await writeFileDurably(target, await readFile(path, 'utf8'))
  }

  /** Copies the current file aside unless a recent backup exists. */
  async beforeReplace(path: string): Promise<void> {
    // Only a regular file is copied (copying a FIFO would wait for a writer forever).
    const exists = await lstat(path).then(
      (st) => st.isFile(),
      () => false,
    )
    if (!exists) return
    const [newest] = await this.list(path)
    if (newest) {
      const age = Date.now() - (await stat(newest)).mtimeMs
      if (age < this.policy.minIntervalMs) return
    }
    const dir = this.folderFor(path)
    await mkdir(dir, { recursive: true })
    await copyFile(path, join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`))
    for (const old of (await this.list(path)).slice(this.policy.keep)) await rm(old, { force: true })
  }
}
