// OpenNotebook.searchIndexKey at the moments the file and memory disagree: the file's hash is
// taken with the notebook it belongs to, so a reload that has read the new bytes but not yet
// swapped the notebook in, an edit not yet written, or a notebook never written gives no key.
import * as fs from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyNotebook } from '../../../src/core/seed'
import { DurableNotebookFile, type FsLike } from '../../../src/core/store/durable-file'
import { OpenNotebook } from '../../../src/core/store/open-notebook'
import { AT } from '../../helpers/notebook'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const hashOf = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex')

/** A gate a test opens by hand. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { wait: () => opened, open }
}

async function setup(fsLike: FsLike = fs) {
  const path = join(await tempDir(), 'a.json')
  await new DurableNotebookFile(path).write(emptyNotebook('Notes', AT))
  const file = new DurableNotebookFile(path, fsLike)
  const handle = await OpenNotebook.open(file, { delayMs: 1, maxWaitMs: 5 })
  return { path, file, handle }
}

describe('OpenNotebook.searchIndexKey', () => {
  it('is the hash of the bytes read, then of the bytes written', async () => {
    const { path, handle } = await setup()
    expect(handle.searchIndexKey).toBe(await hashOf(path))
    const edit = handle.apply([{ type: 'renameNotebook', title: 'Two' }], AT)
    expect(handle.searchIndexKey).toBeUndefined()
    expect((await edit).saved).toBe(true)
    expect(handle.searchIndexKey).toBe(await hashOf(path))
  })

  it('is absent while a reload has read the new bytes but memory still holds the old notebook', async () => {
    const reading = gate()
    const release = gate()
    let armed = false
    // The fs the file is read through: once armed, a read stalls after its bytes are in hand.
    const stalling: FsLike = {
      ...fs,
      readFile: (async (...args: Parameters<typeof fs.readFile>) => {
        const bytes = await fs.readFile(...args)
        if (armed) {
          reading.open()
          await release.wait()
        }
        return bytes
      }) as FsLike['readFile'],
    }
    const { path, file, handle } = await setup(stalling)
    const old = handle.searchIndexKey
    const nb = JSON.parse(await readFile(path, 'utf8'))
    await writeFile(path, JSON.stringify({ ...nb, title: 'Elsewhere' }))
    armed = true
    const reload = handle.reload()
    await reading.wait()
    expect(handle.searchIndexKey).toBe(old) // nothing read yet: memory and its key agree
    release.open()
    // Step through the microtasks between the file taking the new hash and the swap.
    // (Bounded: the rest of the read is microtasks, but a loop of them would starve any I/O.)
    const seen: (string | undefined)[] = []
    for (let turn = 0; turn < 1_000 && handle.data.title !== 'Elsewhere'; turn++) {
      if (file.content?.sha256 !== old) seen.push(handle.searchIndexKey)
      await Promise.resolve()
    }
    await reload
    expect(seen.length).toBeGreaterThan(0) // the moment exists...
    expect(new Set(seen)).toEqual(new Set([undefined])) // ...and gives no key
    expect(handle.searchIndexKey).toBe(await hashOf(path))
  })

  it('is absent for a notebook made in memory and not yet written', async () => {
    const path = join(await tempDir(), 'b.json')
    const handle = OpenNotebook.create(new DurableNotebookFile(path), emptyNotebook('New', AT))
    expect(handle.searchIndexKey).toBeUndefined()
  })
})
