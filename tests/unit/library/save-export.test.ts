import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir'
import { serviceIn } from './service-fixture'

const tempDir = useTempDirs()

describe('saveExport (the desktop save dialog) and exportNotebook', () => {
  it('is unsupported without a dialog, so the browser host downloads instead', async () => {
    const { h } = await serviceIn(await tempDir())
    const seed = (await h.listNotebooks({})).notebooks[0]
    await expect(h.saveExport({ id: seed.id, format: 'md' })).rejects.toMatchObject({ code: 'unsupported' })
    const md = await h.exportNotebook({ id: seed.id, format: 'md' })
    expect(md.kind).toBe('file')
    expect(md.files).toHaveLength(1)
    expect(md.files[0].content).toMatch(/^---\ntitle: /)
    const folder = await h.exportNotebook({ id: seed.id, format: 'md-folder' })
    expect(folder.kind).toBe('folder')
    expect(folder.files.map((f) => f.path)).toContain('index.md')
  })

  it('saveExportFiles answers noDialog (not an error) without a dialog: the window downloads', async () => {
    const { h } = await serviceIn(await tempDir())
    const seed = (await h.listNotebooks({})).notebooks[0]
    const files = [{ path: 'notes.md', content: '# Notes\n' }]
    await expect(h.saveExportFiles({ id: seed.id, kind: 'file', files })).resolves.toEqual({ noDialog: true })
  })

  it('writes where the dialog says, and nothing when it is cancelled', async () => {
    const dir = await tempDir()
    const asked: [string, string][] = []
    let answer: string | null = null
    const { h } = await serviceIn(await tempDir(), {
      chooseExportTarget: async (name, kind) => {
        asked.push([name, kind])
        return answer
      },
    })
    const seed = (await h.listNotebooks({})).notebooks[0]
    expect(await h.saveExport({ id: seed.id, format: 'csv' })).toEqual({ cancelled: true })
    expect(await readdir(dir)).toEqual([])

    answer = join(dir, 'passages.csv')
    expect(await h.saveExport({ id: seed.id, format: 'csv' })).toEqual({ paths: [answer] })
    expect(await readFile(answer, 'utf8')).toMatch(/source,quote,note/)
    expect(asked[0]).toEqual([expect.stringMatching(/\.csv$/), 'file'])

    // A folder with other files in it: the export goes into a new subfolder, never mixed in.
    answer = dir
    const result = await h.saveExport({ id: seed.id, format: 'md-folder' })
    expect(asked.at(-1)).toEqual(['U.S.–Iraq agreement- study notebook', 'folder'])
    if (!('paths' in result)) throw new Error('expected paths')
    expect(result.paths).toContain(join(dir, 'U.S.–Iraq agreement- study notebook', 'index.md'))
    // An empty folder picked (or made) in the dialog receives the files directly.
    answer = join(dir, 'empty')
    await mkdir(answer)
    const direct = await h.saveExport({ id: seed.id, format: 'md-folder' })
    expect(direct).toEqual({ paths: expect.arrayContaining([join(answer, 'index.md')]) })
  })

  it('reports an unwritable target with a clear message and leaves nothing half-written', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'not-a-folder'), 'x')
    let answer = join(dir, 'not-a-folder', 'out.md')
    const { h, call } = await serviceIn(await tempDir(), { chooseExportTarget: async () => answer })
    const seed = (await h.listNotebooks({})).notebooks[0]
    const outcome = await call('saveExport', { id: seed.id, format: 'md' })
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'export/write-failed',
        message: `Cannot write to ${answer}: a part of the path is not a folder`,
      },
    })
    answer = join(dir, 'missing', 'out.md')
    await expect(h.saveExport({ id: seed.id, format: 'md' })).rejects.toMatchObject({
      message: `Cannot write to ${answer}: the folder does not exist`,
    })
    expect(await readdir(dir)).toEqual(['not-a-folder'])
  })
})
