// Rolling backups are written like notebooks: copied to a temp file, fsynced, renamed. A crash
// mid-copy used to leave a truncated backup under a backup's name, counted among the ten kept
// (pushing out a good one); now it leaves only a temp file, never listed, swept once stale.
import * as fs from 'node:fs/promises'
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Backups, type BackupsFs } from '../../../src/core/store/backups'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const everyTime = { minIntervalMs: 0, keep: 3 }

async function notebookFile(dir: string, text: string): Promise<string> {
  const path = join(dir, 'notes.json')
  await writeFile(path, text)
  return path
}

describe('rolling backups', () => {
  it('a copy cut short by a crash is never listed as a backup, and is swept once stale', async () => {
    const dir = await tempDir()
    const text = JSON.stringify({ notebook: 'x'.repeat(10_000) })
    const path = await notebookFile(dir, text)
    const crashMidCopy: BackupsFs = {
      ...fs,
      copyFile: async (from, to) => {
        await writeFile(to, (await readFile(from)).subarray(0, 100)) // half a file, then the crash
        throw Object.assign(new Error('killed'), { code: 'EINTR' })
      },
    }
    const backups = new Backups(join(dir, 'backups'), everyTime, crashMidCopy)
    await expect(backups.beforeReplace(path)).rejects.toThrow()
    expect(await backups.list(path)).toEqual([])

    // A later backup (after a restart) is whole, and sweeps the old leftover.
    const folder = backups.folderFor(path)
    const old = new Date(Date.now() - 120_000)
    for (const name of await readdir(folder)) await utimes(join(folder, name), old, old)
    const fine = new Backups(join(dir, 'backups'), everyTime)
    await fine.beforeReplace(path)
    const [only] = await fine.list(path)
    expect(await readFile(only, 'utf8')).toBe(text)
    expect(await readdir(folder)).toEqual([only.slice(folder.length + 1)])
  })

  it('keeps the newest few, each a complete copy', async () => {
    const dir = await tempDir()
    const backups = new Backups(join(dir, 'backups'), everyTime)
    const path = join(dir, 'notes.json')
    for (let i = 0; i < 5; i++) {
      await writeFile(path, `{"version":${i}}`)
      await backups.beforeReplace(path)
      // Backups are named by time to the millisecond; wait for the next one.
      const at = Date.now()
      while (Date.now() === at) await new Promise((resolve) => setImmediate(resolve))
    }
    const kept = await backups.list(path)
    expect(await Promise.all(kept.map((p) => readFile(p, 'utf8')))).toEqual([
      '{"version":4}',
      '{"version":3}',
      '{"version":2}',
    ])
  })
})
