// Changes from outside while a notebook is open: detected (and our own writes never mistaken
// for them), reloaded only when nothing is unsaved, never silently overwritten, and written
// over only when asked ("Keep mine").
import { readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../../src/core/service'
import { dispatch } from '../../../src/core/dispatch'
import { RESOURCES, useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const AT = '2026-02-03T04:05:06.000Z'

async function setup() {
  const dataDir = await tempDir()
  const service = await createService({
    dataDir,
    resourcesDir: RESOURCES,
    host: 'web',
    version: 't',
    coalesce: { delayMs: 5, maxWaitMs: 20 },
  })
  const [summary] = (await service.handlers.listNotebooks({})).notebooks
  const path = join(dataDir, 'notebooks', summary.file)
  const { notebook } = await service.handlers.openNotebook({ id: summary.id })
  const { id } = summary
  /** Another program rewrites the file with a new title. */
  const theirs = async (title: string) => {
    const text = JSON.stringify({ ...JSON.parse(await readFile(path, 'utf8')), title }, null, 2)
    await writeFile(path, text)
    return text
  }
  const rename = (title: string) =>
    service.handlers.applyOps({ id, at: AT, ops: [{ type: 'renameNotebook', title }] })
  return { service, h: service.handlers, id, path, notebook, theirs, rename }
}

describe('changes from outside', () => {
  it('detects a change on disk, and not its own writes', async () => {
    const { h, id, theirs, rename } = await setup()
    expect(await h.checkExternalChange({ id })).toEqual({ changed: false })
    // Edits and checks interleaved: a check during our own write must not report a change.
    const checks = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 2 ? rename(`Mine ${i}`).then(() => false) : h.checkExternalChange({ id }).then((r) => r.changed),
      ),
    )
    expect(checks.every((c) => c === false)).toBe(true)
    await theirs('Theirs')
    expect(await h.checkExternalChange({ id })).toEqual({ changed: true })
  })

  it('reloads from disk when nothing is unsaved, and saves later edits on top of theirs', async () => {
    const { h, id, path, theirs, rename } = await setup()
    expect((await rename('Mine')).saved).toBe(true)
    await theirs('Theirs')
    const { notebook } = await h.reloadNotebook({ id })
    expect(notebook.title).toBe('Theirs')
    expect(await h.checkExternalChange({ id })).toEqual({ changed: false })
    expect((await h.openNotebook({ id })).notebook.title).toBe('Theirs')
    const added = await h.applyOps({
      id,
      at: AT,
      ops: [{ type: 'putFacet', facet: { key: 'mine', name: 'Mine', color: '#123456' } }],
    })
    expect(added.saved).toBe(true)
    const onDisk = JSON.parse(await readFile(path, 'utf8'))
    expect(onDisk.title).toBe('Theirs')
    expect(onDisk.facets.map((f: { key: string }) => f.key)).toContain('mine')
  })

  it('never silently overwrites: an edit after their change is not saved, and reload is refused', async () => {
    const { h, id, path, theirs, rename } = await setup()
    const text = await theirs('Theirs')
    const outcome = await rename('Mine')
    expect(outcome.saved).toBe(false)
    expect(outcome.saveError).toMatch(/changed by another program/)
    expect(await readFile(path, 'utf8')).toBe(text)
    const refused = await dispatch(h, 'reloadNotebook', { id })
    expect(refused).toEqual({
      ok: false,
      error: { code: 'store/unsaved-edits', message: expect.any(String) },
    })
    expect((await h.openNotebook({ id })).notebook.title).toBe('Mine') // still in memory
    expect(await readFile(path, 'utf8')).toBe(text)
  })

  it('"Load theirs" discards unsaved edits without writing', async () => {
    const { service, h, id, path, theirs, rename } = await setup()
    const text = await theirs('Theirs')
    expect((await rename('Mine')).saved).toBe(false)
    const { notebook } = await h.reloadNotebook({ id, discardUnsaved: true })
    expect(notebook.title).toBe('Theirs')
    await service.library.flushAll() // any write still pending would land now
    expect(await readFile(path, 'utf8')).toBe(text)
    expect(await h.checkExternalChange({ id })).toEqual({ changed: false })
  })

  it('"Keep mine" writes its copy over theirs', async () => {
    const { h, id, path, theirs, rename } = await setup()
    await theirs('Theirs')
    expect((await rename('Mine')).saved).toBe(false)
    expect(await h.forceSave({ id })).toEqual({ saved: true })
    expect(JSON.parse(await readFile(path, 'utf8')).title).toBe('Mine')
    expect(await h.checkExternalChange({ id })).toEqual({ changed: false })
    expect((await rename('Mine again')).saved).toBe(true)
  })

  it('reports a file deleted or damaged by another program with a typed error', async () => {
    const { h, id, path } = await setup()
    await writeFile(path, '{ half a notebook')
    expect(await h.checkExternalChange({ id })).toEqual({ changed: true })
    expect(await dispatch(h, 'reloadNotebook', { id })).toMatchObject({
      ok: false,
      error: { code: 'store/damaged' },
    })
    expect((await h.openNotebook({ id })).notebook.title).not.toBe('') // the in-memory copy is kept
    await unlink(path)
    expect(await h.checkExternalChange({ id })).toEqual({ changed: true })
    expect(await dispatch(h, 'reloadNotebook', { id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })
})
