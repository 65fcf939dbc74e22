import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir'
import { serviceIn } from './service-fixture'

const tempDir = useTempDirs()

/** Waits until the clock shows a later millisecond (timestamps must differ), not a fixed time. */
async function clockTicks(): Promise<void> {
  const now = Date.now()
  while (Date.now() === now) await new Promise((r) => setImmediate(r))
}

describe('recent notebooks first', () => {
  it('lists a notebook opened just now before ones changed earlier, across restarts', async () => {
    const dataDir = await tempDir()
    const first = await serviceIn(dataDir)
    const seed = (await first.h.listNotebooks({})).notebooks[0]
    await clockTicks()
    const later = await first.h.createNotebook({ title: 'Later' })
    expect((await first.h.listNotebooks({})).notebooks.map((n) => n.id)).toEqual([later.id, seed.id])

    await clockTicks()
    await first.h.openNotebook({ id: seed.id })
    const listed = (await first.h.listNotebooks({})).notebooks
    expect(listed.map((n) => n.id)).toEqual([seed.id, later.id])
    expect(listed[0].openedAt).toBeDefined()
    expect(listed[1].openedAt).toBeUndefined()
    const state = JSON.parse(await readFile(join(dataDir, 'library-state.json'), 'utf8'))
    expect(Object.keys(state.lastOpened)).toEqual([seed.id])
    await first.service.close()

    const second = await serviceIn(dataDir)
    expect((await second.h.listNotebooks({})).notebooks.map((n) => n.id)).toEqual([seed.id, later.id])
  })

  it('treats a damaged state file as empty and still opens notebooks', async () => {
    const dataDir = await tempDir()
    const { h } = await serviceIn(dataDir)
    await writeFile(join(dataDir, 'library-state.json'), '{"lastOpened": [')
    const fresh = await serviceIn(dataDir)
    const seed = (await fresh.h.listNotebooks({})).notebooks[0]
    expect(seed.openedAt).toBeUndefined()
    await fresh.h.openNotebook({ id: seed.id })
    expect(
      JSON.parse(await readFile(join(dataDir, 'library-state.json'), 'utf8')).lastOpened[seed.id],
    ).toBeDefined()
    expect((await h.listNotebooks({})).notebooks).toHaveLength(1)
  })
})

describe('library-state.json temp files', () => {
  it('sweeps the ones a crash left (once a minute old), and nothing else', async () => {
    const dataDir = await tempDir()
    await mkdir(dataDir, { recursive: true })
    const stale = '.library-state.json.0badc0de.tmp'
    const fresh = '.library-state.json.0000beef.tmp' // a write under way in another instance
    const other = '.something-else.json.0badc0de.tmp' // not ours to remove
    for (const name of [stale, fresh, other]) await writeFile(join(dataDir, name), '{"lastOp')
    const old = new Date(Date.now() - 120_000)
    for (const name of [stale, other]) await utimes(join(dataDir, name), old, old)
    const { h } = await serviceIn(dataDir)
    await h.listNotebooks({})
    const left = await readdir(dataDir)
    expect(left).not.toContain(stale)
    expect(left).toEqual(expect.arrayContaining([fresh, other]))
  })
})
