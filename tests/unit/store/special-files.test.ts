// Only regular files are read. A FIFO named *.json used to hang the host (opening it for
// reading waits for a writer); a symbolic link was silently replaced by a regular file on the
// first save. Both, and sockets, are listed as damaged with the reason and never touched.
import { execFile } from 'node:child_process'
import { constants } from 'node:fs'
import { lstat, mkdir, open, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { emptyNotebook } from '../../../src/core/seed'
import { Library } from '../../../src/core/store/library'
import { AT } from '../../helpers/notebook'
import { useTempDirs } from '../../helpers/temp-dir'
import { serviceIn } from '../library/service-fixture'

const tempDir = useTempDirs()
const fifos: string[] = []
const servers: Server[] = []

async function mkfifo(path: string): Promise<void> {
  await promisify(execFile)('mkfifo', [path])
  fifos.push(path)
}

afterEach(async () => {
  // Lets go of any reader a failing run left waiting on a FIFO (so no thread stays blocked).
  for (const path of fifos.splice(0)) {
    const writer = await open(path, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => null)
    await writer?.close()
  }
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

describe.skipIf(process.platform === 'win32')('files that are not regular files', () => {
  it('lists a FIFO, a socket and a symbolic link as damaged with the reason, untouched', async () => {
    const dataDir = await tempDir()
    const dir = join(dataDir, 'notebooks')
    await mkdir(dir, { recursive: true })
    const elsewhere = join(dataDir, 'elsewhere.json')
    const linked = emptyNotebook('Linked', AT)
    await writeFile(elsewhere, JSON.stringify(linked))
    await mkfifo(join(dir, 'pipe.json'))
    await symlink(elsewhere, join(dir, 'link.json'))
    const server = createServer()
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(join(dir, 'socket.json'), resolve))
    const library = new Library({ dataDir })
    await library.add(emptyNotebook('Regular', AT))

    const { notebooks, damaged } = await library.list()
    expect(notebooks.map((n) => n.title)).toEqual(['Regular'])
    const reasons = Object.fromEntries(damaged.map((d) => [d.file, d.reason]))
    expect(reasons['pipe.json']).toMatch(/named pipe.*only opens regular files/)
    expect(reasons['socket.json']).toMatch(/socket.*only opens regular files/)
    expect(reasons['link.json']).toMatch(/symbolic link; Glossa only opens regular files/)
    await expect(library.openNotebook(linked.id)).rejects.toMatchObject({ code: 'not-found' })

    expect((await lstat(join(dir, 'pipe.json'))).isFIFO()).toBe(true)
    expect((await lstat(join(dir, 'socket.json'))).isSocket()).toBe(true)
    expect(await readlink(join(dir, 'link.json'))).toBe(elsewhere)
    expect(JSON.parse(await readFile(elsewhere, 'utf8'))).toEqual(linked)
  })

  it('never replaces a notebook file that became a symbolic link or a FIFO while open', async () => {
    const dataDir = await tempDir()
    const { h } = await serviceIn(dataDir)
    const created = await h.createNotebook({ title: 'Open one' })
    await h.openNotebook({ id: created.id })
    const path = join(dataDir, 'notebooks', created.file)
    const elsewhere = join(dataDir, 'elsewhere.json')
    await writeFile(elsewhere, await readFile(path))
    await rm(path)
    await symlink(elsewhere, path)
    expect(await h.checkExternalChange({ id: created.id })).toEqual({ changed: true })
    const edit = await h.applyOps({ id: created.id, at: AT, ops: [{ type: 'renameNotebook', title: 'x' }] })
    expect(edit.saved).toBe(false)
    expect(await readlink(path)).toBe(elsewhere)

    await rm(path)
    await mkfifo(path)
    expect(await h.checkExternalChange({ id: created.id })).toEqual({ changed: true })
    expect((await h.forceSave({ id: created.id })).saved).toBe(false)
    expect((await lstat(path)).isFIFO()).toBe(true)
  })

  it('lists the library with a FIFO as library-state.json and in the trash', async () => {
    const dataDir = await tempDir()
    await mkdir(join(dataDir, 'trash'), { recursive: true })
    await mkfifo(join(dataDir, 'library-state.json'))
    await mkfifo(join(dataDir, 'trash', '2026-01-01T00-00-00-000Z-abcdef-pipe.json'))
    const { h } = await serviceIn(dataDir)
    expect((await h.listNotebooks({})).notebooks).toHaveLength(1)
    const { items } = await h.listTrash({})
    expect(items).toEqual([expect.objectContaining({ reason: expect.stringMatching(/named pipe/) })])
  })
})
