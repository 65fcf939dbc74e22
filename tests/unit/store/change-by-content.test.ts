// Changes from outside are found by content (a hash of the bytes Glossa last read or wrote),
// not by size and mtime: a change restored to the same size and mtime is noticed, a file only
// touched is not a change, and a change landing while a save is under way is never overwritten.
import { execFile } from 'node:child_process'
import * as fs from 'node:fs/promises'
import { copyFile, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { emptyNotebook } from '../../../src/core/seed'
import { DurableNotebookFile, type FsLike } from '../../../src/core/store/durable-file'
import { OpenNotebook } from '../../../src/core/store/open-notebook'
import { AT } from '../../helpers/notebook'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const fast = { delayMs: 1, maxWaitMs: 5 }
const touch = (args: string[]) => promisify(execFile)('touch', args)

async function written(title: string, fsLike: FsLike = fs) {
  const path = join(await tempDir(), 'a.json')
  await new DurableNotebookFile(path).write(emptyNotebook(title, AT))
  const file = new DurableNotebookFile(path, fsLike)
  const handle = OpenNotebook.create(file, (await file.read())!, fast)
  return { path, file, handle }
}

describe.skipIf(process.platform === 'win32')('changes found by content', () => {
  it('notices a change with the same size and mtime, and does not write over it', async () => {
    const { path, file, handle } = await written('Notes')
    const before = await stat(path)
    const reference = `${path}.times`
    await copyFile(path, reference)
    await touch(['-r', path, reference]) // keeps the mtime to the nanosecond
    const theirs = (await readFile(path, 'utf8')).replace('"Notes"', '"Nites"')
    await writeFile(path, theirs)
    await touch(['-r', reference, path]) // as `cp -p` or a backup tool restoring a file would
    const after = await stat(path)
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs])

    expect(await file.changedOnDisk()).toBe(true)
    const outcome = await handle.apply([{ type: 'renameNotebook', title: 'Mine' }], AT)
    expect(outcome.saved).toBe(false)
    expect(outcome.saveError).toMatch(/changed by another program/)
    expect(await readFile(path, 'utf8')).toBe(theirs)
  })

  it('does not take a file only touched (same bytes, new mtime) for a change', async () => {
    const { path, file, handle } = await written('Notes')
    const later = new Date(Date.now() + 60_000)
    await utimes(path, later, later)
    expect(await file.changedOnDisk()).toBe(false)
    expect((await handle.apply([{ type: 'renameNotebook', title: 'Mine' }], AT)).saved).toBe(true)
  })

  it('refuses to rename over a change that lands while its temp file is written', async () => {
    let theirs = ''
    let target = ''
    const racing: FsLike = {
      ...fs,
      open: (async (path: string, flags?: string) => {
        const handle = await fs.open(path, flags)
        if (flags !== 'wx' || !target) return handle
        // Another program saves the notebook while Glossa's temp file is being synced.
        const sync = handle.sync.bind(handle)
        return Object.assign(handle, {
          sync: async () => {
            await writeFile(target, theirs)
            return sync()
          },
        })
      }) as FsLike['open'],
    }
    const { path, handle } = await written('Notes', racing)
    theirs = JSON.stringify({ ...emptyNotebook('Theirs', AT), title: 'Theirs, saved meanwhile' })
    target = path
    const outcome = await handle.apply([{ type: 'renameNotebook', title: 'Mine' }], AT)
    expect(outcome.saved).toBe(false)
    expect(outcome.saveError).toMatch(/changed by another program/)
    expect(await readFile(path, 'utf8')).toBe(theirs)
    expect((await readdir(dirname(path))).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })
})
