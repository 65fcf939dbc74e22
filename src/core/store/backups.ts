// Rolling backups: before a notebook file is replaced, a copy of the current file is kept in
// <data-dir>/backups/<file>/ — at most one per interval, the newest few kept.
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import { lstat, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { removeStaleTempFiles, syncFolder, writeFailed } from './durable-write'

export interface BackupPolicy {
  minIntervalMs: number
  keep: number
}
export const DEFAULT_BACKUP_POLICY: BackupPolicy = { minIntervalMs: 60_000, keep: 10 }
/** The file system backups are copied through (tests simulate a crash mid-copy). */
export type BackupsFs = Pick<typeof nodeFs, 'copyFile' | 'open' | 'rename' | 'unlink'>

export class Backups {
  constructor(
    private readonly root: string,
    private readonly policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
    private readonly fs: BackupsFs = nodeFs,
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
    await this.copyDurably(path, target)
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
    await this.copyDurably(
      path,
      join(this.folderFor(path), `${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    )
    for (const old of (await this.list(path)).slice(this.policy.keep)) await rm(old, { force: true })
  }

  /**
   * Like a notebook save: a temp file, fsynced, then renamed, so a crash never leaves a cut
   * copy under a backup's name (it would count among the ten kept and push out a good one).
   * Temp files an earlier crash left here are swept once stale.
   */
  private async copyDurably(from: string, to: string): Promise<void> {
    const dir = dirname(to)
    await mkdir(dir, { recursive: true })
    await removeStaleTempFiles(dir)
    const tmp = join(dir, `.${basename(to)}.${randomBytes(4).toString('hex')}.tmp`)
    try {
      await this.fs.copyFile(from, tmp, constants.COPYFILE_EXCL)
      const handle = await this.fs.open(tmp, 'r+')
      await handle.sync().finally(() => handle.close())
      await this.fs.rename(tmp, to)
    } catch (error) {
      await this.fs.unlink(tmp).catch(() => {})
      throw writeFailed(from, error)
    }
    await syncFolder(dir, this.fs)
  }
}
