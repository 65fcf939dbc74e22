import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir'
import { serviceIn } from './service-fixture'

const tempDir = useTempDirs()

/** A notebook file, two backups (the newest itself damaged) and then the file damaged. */
async function damagedWithBackups(dataDir: string) {
  const env = await serviceIn(dataDir)
  const nb = await env.h.createNotebook({ title: 'Field notes' })
  const path = join(dataDir, 'notebooks', nb.file)
  const good = await readFile(path, 'utf8')
  const older = JSON.parse(good)
  older.title = 'Field notes (yesterday)'
  const backupDir = join(dataDir, 'backups', nb.file)
  await mkdir(backupDir, { recursive: true })
  await writeFile(join(backupDir, '2026-01-01T10-00-00-000Z.json'), JSON.stringify(older))
  await writeFile(join(backupDir, '2026-01-02T10-00-00-000Z.json'), '{"truncated')
  await env.service.close()
  const damagedText = good.slice(0, 40)
  await writeFile(path, damagedText)
  // A fresh service, as after a restart: the notebook is no longer held open.
  return { ...(await serviceIn(dataDir)), nb, path, damagedText, older }
}

describe('restore a damaged notebook from its backup', () => {
  it('moves the damaged file aside and puts the newest valid backup in its place', async () => {
    const dataDir = await tempDir()
    const { h, nb, path, damagedText, older } = await damagedWithBackups(dataDir)
    const before = await h.listNotebooks({})
    expect(before.damaged).toEqual([expect.objectContaining({ file: nb.file, hasBackup: true })])

    const { notebook, movedAsideTo } = await h.restoreBackup({ file: nb.file })
    expect(notebook).toMatchObject({ id: nb.id, title: 'Field notes (yesterday)', file: nb.file })
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(older) // the older, valid backup
    // The damaged file is kept, byte for byte, under damaged/<time>-<file>.
    expect(movedAsideTo.startsWith(join(dataDir, 'damaged'))).toBe(true)
    expect(await readdir(join(dataDir, 'damaged'))).toEqual([
      expect.stringMatching(new RegExp(`^\\d{4}-.*-${nb.file.replace('.', '\\.')}$`)),
    ])
    expect(await readFile(movedAsideTo, 'utf8')).toBe(damagedText)

    const after = await h.listNotebooks({})
    expect(after.damaged).toEqual([])
    expect(after.notebooks.map((n) => n.title)).toContain('Field notes (yesterday)')
    expect((await h.openNotebook({ id: nb.id })).notebook.title).toBe('Field notes (yesterday)')
  })

  it('leaves the file alone when no backup is valid', async () => {
    const dataDir = await tempDir()
    const { h, nb, path, damagedText } = await damagedWithBackups(dataDir)
    await writeFile(join(dataDir, 'backups', nb.file, '2026-01-01T10-00-00-000Z.json'), 'not json')
    await expect(h.restoreBackup({ file: nb.file })).rejects.toMatchObject({ code: 'store/no-valid-backup' })
    expect(await readFile(path, 'utf8')).toBe(damagedText)
    expect(await readdir(join(dataDir, 'damaged')).catch(() => [])).toEqual([])
  })

  it('refuses files that are not damaged, not there, or path-like', async () => {
    const dataDir = await tempDir()
    const { h, call, nb } = await damagedWithBackups(dataDir)
    const healthy = (await h.listNotebooks({})).notebooks[0]
    await expect(h.restoreBackup({ file: healthy.file })).rejects.toMatchObject({ code: 'not-damaged' })
    await expect(h.restoreBackup({ file: 'missing.json' })).rejects.toMatchObject({ code: 'not-damaged' })
    for (const file of [
      `../notebooks/${nb.file}`,
      `../${nb.file}`,
      'a/b.json',
      `.${nb.file}`,
      '/etc/passwd',
    ]) {
      const outcome = await call('restoreBackup', { file })
      expect(outcome.ok, file).toBe(false)
      if (!outcome.ok) expect(outcome.error.code).toBe('invalid-name')
    }
  })
})
