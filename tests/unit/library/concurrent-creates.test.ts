// Notebooks created at the same moment under one title (a double-click, two windows, two
// processes): each gets its own file, and every acknowledged id opens its own notebook.
import * as fs from 'node:fs/promises'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyNotebook } from '../../../src/core/seed'
import type { FsLike } from '../../../src/core/store/durable-file'
import { Library } from '../../../src/core/store/library'
import type { NotebookSummary } from '../../../src/shared/schema'
import { AT } from '../../helpers/notebook'
import { useTempDirs } from '../../helpers/temp-dir'
import { serviceIn } from './service-fixture'

const tempDir = useTempDirs()
const PARALLEL = 8

/** Every summary names its own file, which holds that very notebook; nothing is listed as damaged. */
async function expectEachInItsOwnFile(dataDir: string, created: NotebookSummary[]): Promise<void> {
  expect(new Set(created.map((c) => c.id)).size).toBe(created.length)
  expect(new Set(created.map((c) => c.file.toLowerCase())).size).toBe(created.length)
  for (const c of created) {
    const onDisk = JSON.parse(await readFile(join(dataDir, 'notebooks', c.file), 'utf8'))
    expect(onDisk.id, c.file).toBe(c.id)
  }
  const { notebooks, damaged } = await new Library({ dataDir }).list()
  expect(damaged).toEqual([])
  for (const c of created) expect(notebooks.map((n) => n.id)).toContain(c.id)
}

describe('notebooks created at the same time', () => {
  it('8 parallel createNotebook calls with one title leave 8 files, each id its own notebook', async () => {
    const dataDir = await tempDir()
    const { h } = await serviceIn(dataDir)
    const created = await Promise.all(
      Array.from({ length: PARALLEL }, () => h.createNotebook({ title: 'Field notes' })),
    )
    await expectEachInItsOwnFile(dataDir, created)
    // An edit through one id changes that notebook only.
    const [first, ...others] = created
    const edit = await h.applyOps({ id: first.id, at: AT, ops: [{ type: 'renameNotebook', title: 'Mine' }] })
    expect(edit.saved).toBe(true)
    for (const c of others) expect((await h.openNotebook({ id: c.id })).notebook.title).toBe('Field notes')
    expect(JSON.parse(await readFile(join(dataDir, 'notebooks', first.file), 'utf8')).title).toBe('Mine')
  })

  it('8 parallel duplicates of one notebook leave 8 copies', async () => {
    const dataDir = await tempDir()
    const { h } = await serviceIn(dataDir)
    const seed = (await h.listNotebooks({})).notebooks[0]
    const copies = await Promise.all(
      Array.from({ length: PARALLEL }, () => h.duplicateNotebook({ id: seed.id })),
    )
    await expectEachInItsOwnFile(dataDir, [seed, ...copies])
  })

  it('8 parallel imports of one file leave 8 notebooks, each under its own id', async () => {
    const dataDir = await tempDir()
    const { h } = await serviceIn(dataDir)
    const content = JSON.stringify(emptyNotebook('Imported', AT))
    const imported = await Promise.all(
      Array.from({ length: PARALLEL }, () => h.importNotebook({ fileName: 'x.json', content })),
    )
    await expectEachInItsOwnFile(dataDir, imported)
  })

  it('two libraries on one folder (two processes) never overwrite each other', async () => {
    const dataDir = await tempDir()
    const libraries = [new Library({ dataDir }), new Library({ dataDir })]
    const created = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => libraries[i % 2].add(emptyNotebook('Same title', AT))),
    )
    await expectEachInItsOwnFile(dataDir, created)
  })

  it('still never overwrites on a file system without hard links', async () => {
    const dataDir = await tempDir()
    const noLinks: FsLike = {
      ...fs,
      link: async () => {
        throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' })
      },
    }
    const libraries = [new Library({ dataDir, fs: noLinks }), new Library({ dataDir, fs: noLinks })]
    const created = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => libraries[i % 2].add(emptyNotebook('Same title', AT))),
    )
    await expectEachInItsOwnFile(dataDir, created)
  })
})
