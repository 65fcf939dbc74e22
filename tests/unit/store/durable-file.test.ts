import * as fs from 'node:fs/promises'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyNotebook } from '../../../src/core/seed'
import { DurableNotebookFile, type FsLike } from '../../../src/core/store/durable-file'
import { OpenNotebook } from '../../../src/core/store/open-notebook'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const AT = '2026-01-01T00:00:00.000Z'

describe('DurableNotebookFile', () => {
  it('writes valid JSON and reads it back', async () => {
    const dir = await tempDir()
    const path = join(dir, 'a.json')
    const file = new DurableNotebookFile(path)
    const nb = emptyNotebook('Round trip', AT)
    await file.write(nb)
    expect(await file.read()).toEqual(nb)
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('refuses to write an invalid notebook and leaves the file untouched', async () => {
    const dir = await tempDir()
    const path = join(dir, 'a.json')
    const file = new DurableNotebookFile(path)
    await file.write(emptyNotebook('Good', AT))
    const before = await readFile(path, 'utf8')
    const bad = { ...emptyNotebook('Bad', AT), title: '' }
    await expect(file.write(bad)).rejects.toThrow(/title/)
    expect(await readFile(path, 'utf8')).toBe(before)
  })

  it('keeps the previous file intact when the disk is full', async () => {
    const dir = await tempDir()
    const path = join(dir, 'a.json')
    await new DurableNotebookFile(path).write(emptyNotebook('Before', AT))
    const before = await readFile(path, 'utf8')
    const fullDisk: FsLike = {
      ...fs,
      open: (async (p: string, flags: string) => {
        const handle = await fs.open(p, flags)
        return Object.assign(handle, {
          writeFile: async () => {
            throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
          },
        })
      }) as FsLike['open'],
    }
    const file = new DurableNotebookFile(path, fullDisk)
    const handle = OpenNotebook.create(file, await file.read().then((n) => n!), { delayMs: 1, maxWaitMs: 5 })
    const outcome = await handle.apply([{ type: 'renameNotebook', title: 'After' }], AT)
    expect(outcome.saved).toBe(false)
    expect(outcome.saveError).toMatch(/disk is full/)
    expect(await readFile(path, 'utf8')).toBe(before)
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(handle.data.title).toBe('After') // kept in memory for the next save
  })

  it('does not overwrite a file another program changed', async () => {
    const dir = await tempDir()
    const path = join(dir, 'a.json')
    const file = new DurableNotebookFile(path)
    await file.write(emptyNotebook('Mine', AT))
    const theirs = JSON.stringify({ ...emptyNotebook('Theirs', AT), title: 'Theirs, longer title' })
    await writeFile(path, theirs)
    await expect(file.write(emptyNotebook('Mine again', AT))).rejects.toMatchObject({
      code: 'store/changed-on-disk',
    })
    expect(await readFile(path, 'utf8')).toBe(theirs)
  })
})
