// "Load theirs" (reload with discardUnsaved) and edits in flight: an edit that reload
// discards answers saved: false with the reason; an edit answered saved: true is on disk and
// is never dropped by a reload.
import * as fs from 'node:fs/promises'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyNotebook } from '../../../src/core/seed'
import { DurableNotebookFile, type FsLike } from '../../../src/core/store/durable-file'
import { OpenNotebook } from '../../../src/core/store/open-notebook'
import type { Op } from '../../../src/shared/ops'
import { mulberry32 } from '../../helpers/crash-child'
import { AT } from '../../helpers/notebook'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const DISCARDED = /discarded when the notebook was reloaded from disk/

const addNote = (id: string): Op[] => [
  {
    type: 'addNote',
    note: { id, title: id, doc: { type: 'doc', content: [] }, createdAt: AT, updatedAt: AT },
  },
]
const notesOnDisk = async (path: string): Promise<string[]> =>
  JSON.parse(await readFile(path, 'utf8')).notes.map((n: { id: string }) => n.id)

/** A gate a test opens by hand: `wait()` resolves once `open()` is called. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { wait: () => opened, open }
}

async function setup(fsLike: FsLike = fs, coalesce = { delayMs: 20, maxWaitMs: 60 }) {
  const path = join(await tempDir(), 'a.json')
  await new DurableNotebookFile(path).write(emptyNotebook('Notes', AT))
  const file = new DurableNotebookFile(path, fsLike)
  const handle = OpenNotebook.create(file, (await file.read())!, coalesce)
  return { path, handle }
}

describe('reload with discardUnsaved and edits in flight', () => {
  it('an edit waiting to be written when reload discards it answers saved: false', async () => {
    const { path, handle } = await setup()
    const edit = handle.apply(addNote('waiting'), AT)
    await handle.reload(true)
    const outcome = await edit
    expect(outcome.saved).toBe(false)
    expect(outcome.saveError).toMatch(DISCARDED)
    await handle.flush()
    expect(await notesOnDisk(path)).toEqual([])
    expect(handle.data.notes).toEqual([])
    expect(handle.hasUnsavedChanges).toBe(false)
  })

  it('an edit applied while reload reads the file is discarded too, and says so', async () => {
    const reading = gate()
    const release = gate()
    let armed = false
    const slowRead: FsLike = {
      ...fs,
      readFile: (async (...args: Parameters<typeof fs.readFile>) => {
        if (armed) {
          armed = false
          reading.open()
          await release.wait()
        }
        return fs.readFile(...args)
      }) as FsLike['readFile'],
    }
    const { path, handle } = await setup(slowRead)
    armed = true
    const reload = handle.reload(true)
    await reading.wait()
    const edit = handle.apply(addNote('during'), AT)
    release.open()
    await reload
    const outcome = await edit
    expect(outcome).toMatchObject({ saved: false, saveError: expect.stringMatching(DISCARDED) })
    await handle.flush()
    expect(await notesOnDisk(path)).toEqual([])
    expect(handle.data.notes).toEqual([])
  })

  it('an edit whose write is under way when reload is asked for is saved, and kept', async () => {
    const writing = gate()
    const release = gate()
    let armed = false
    const slowWrite: FsLike = {
      ...fs,
      open: (async (path: string, flags?: string) => {
        const handle = await fs.open(path, flags)
        if (armed && flags === 'wx') {
          armed = false
          writing.open()
          await release.wait()
        }
        return handle
      }) as FsLike['open'],
    }
    const { path, handle } = await setup(slowWrite)
    armed = true
    const edit = handle.apply(addNote('written'), AT)
    await writing.wait()
    const reload = handle.reload(true)
    release.open()
    expect(await edit).toEqual({ saved: true, updatedAt: AT })
    expect((await reload).notes.map((n) => n.id)).toEqual(['written'])
    expect(await notesOnDisk(path)).toEqual(['written'])
  })

  it('never answers saved: true for an edit that is not on disk, however edits and reloads interleave', async () => {
    const { path, handle } = await setup(fs, { delayMs: 2, maxWaitMs: 6 })
    const random = mulberry32(7)
    const saved: string[] = []
    const pending: Promise<void>[] = []
    for (let i = 0; i < 60; i++) {
      const id = `n${i}`
      pending.push(
        handle.apply(addNote(id), AT).then((outcome) => {
          if (outcome.saved) saved.push(id)
          else expect(outcome.saveError).toMatch(DISCARDED)
        }),
      )
      if (random() < 0.2) pending.push(handle.reload(true).then(() => {}))
      if (random() < 0.3) await new Promise((resolve) => setTimeout(resolve, random() * 10))
    }
    await Promise.all(pending)
    await handle.flush()
    const onDisk = await notesOnDisk(path)
    for (const id of saved) expect(onDisk, id).toContain(id)
    expect(handle.data.notes.map((n) => n.id)).toEqual(onDisk)
  })
})
