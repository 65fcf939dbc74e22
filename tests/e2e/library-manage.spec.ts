// Managing the library in the browser host: rename, duplicate, trash and restore, import,
// restore a damaged file from its backup, the data folder, recent notebooks first.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { SEED_TITLE } from './helpers'

const notebooks = (page: Page) => page.getByRole('list', { name: 'Notebooks' })
const row = (page: Page, title: string) =>
  notebooks(page)
    .getByRole('listitem')
    .filter({ has: page.getByText(title, { exact: true }) })
const titles = (page: Page) => notebooks(page).locator('.notebook-title').allTextContents()

test('rename and duplicate a notebook; the most recently opened comes first', async ({ glossa }) => {
  const { page } = glossa
  await row(page, SEED_TITLE).getByRole('button', { name: 'Rename' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rename notebook' })
  await dialog.getByLabel('Title').fill('Iraq drawdown')
  await dialog.getByRole('button', { name: 'Rename' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(row(page, 'Iraq drawdown')).toBeVisible()

  await row(page, 'Iraq drawdown').getByRole('button', { name: 'Duplicate' }).click()
  await expect(page.getByText('Duplicated as “Iraq drawdown (copy)”.')).toBeVisible()
  await expect.poll(() => titles(page)).toEqual(['Iraq drawdown (copy)', 'Iraq drawdown'])
  expect(await readdir(join(glossa.dataDir, 'notebooks'))).toHaveLength(2)

  // Opening the original puts it first again, also after a restart.
  await row(page, 'Iraq drawdown')
    .getByRole('button', { name: /Iraq drawdown/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Iraq drawdown', level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Back to the library' }).click()
  await expect.poll(() => titles(page)).toEqual(['Iraq drawdown', 'Iraq drawdown (copy)'])
  await expect(row(page, 'Iraq drawdown')).toContainText('opened just now')
  await glossa.restart()
  await expect.poll(() => titles(page)).toEqual(['Iraq drawdown', 'Iraq drawdown (copy)'])
})

test('move to trash, undo from the toast, then restore from the Trash section', async ({ glossa }) => {
  const { page } = glossa
  await row(page, SEED_TITLE).getByRole('button', { name: 'Move to trash' }).click()
  await expect(row(page, SEED_TITLE)).toHaveCount(0)
  const trash = page.getByRole('region', { name: 'Trash' })
  await expect(trash).toContainText(SEED_TITLE)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(row(page, SEED_TITLE)).toBeVisible()
  await expect(trash).toHaveCount(0)

  await row(page, SEED_TITLE).getByRole('button', { name: 'Move to trash' }).click()
  await expect(row(page, SEED_TITLE)).toHaveCount(0)
  expect(await readdir(join(glossa.dataDir, 'trash'))).toHaveLength(1)
  await page.reload() // the trash is on disk, not only in this page
  await trash
    .getByRole('listitem')
    .filter({ hasText: SEED_TITLE })
    .getByRole('button', { name: 'Restore' })
    .click()
  await expect(row(page, SEED_TITLE)).toBeVisible()
  await expect(trash).toHaveCount(0)
  await row(page, SEED_TITLE)
    .getByRole('button', { name: new RegExp(SEED_TITLE) })
    .click()
  await expect(page.getByRole('main', { name: 'Source' })).toContainText('Hareer')
})

test('import a notebook file; a damaged or newer file is refused with its reason', async ({ glossa }) => {
  const { page, dataDir } = glossa
  const [seedFile] = await readdir(join(dataDir, 'notebooks'))
  const seed = JSON.parse(await readFile(join(dataDir, 'notebooks', seedFile), 'utf8'))
  const pick = async (name: string, content: string) => {
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Import notebook…' }).click()
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) })
  }
  await pick('shared.json', JSON.stringify({ ...seed, title: 'From a colleague' }))
  await expect(row(page, 'From a colleague')).toBeVisible()
  await expect(row(page, 'From a colleague')).toContainText('1 source')
  expect(await readdir(join(dataDir, 'notebooks'))).toHaveLength(2)

  await pick('cut.json', '{"schemaVersion":1,"title":"Ha')
  await expect(page.getByRole('alert').filter({ hasText: 'Could not import “cut.json”' })).toContainText(
    'not valid JSON',
  )
  await pick('future.json', JSON.stringify({ ...seed, schemaVersion: 99 }))
  await expect(page.getByRole('alert').filter({ hasText: 'future.json' })).toContainText(
    'newer Glossa (schema version 99',
  )
  expect(await readdir(join(dataDir, 'notebooks'))).toHaveLength(2)
})

test('a damaged notebook is restored from its newest valid backup; the damaged file is kept', async ({
  glossa,
}) => {
  const { page, dataDir } = glossa
  await expect(row(page, SEED_TITLE)).toBeVisible()
  const [file] = await readdir(join(dataDir, 'notebooks'))
  const good = await readFile(join(dataDir, 'notebooks', file), 'utf8')
  await mkdir(join(dataDir, 'backups', file), { recursive: true })
  await writeFile(join(dataDir, 'backups', file, '2026-01-01T00-00-00-000Z.json'), good)
  await writeFile(join(dataDir, 'notebooks', file), good.slice(0, 200))
  await page.reload()
  const damaged = page.getByRole('region', { name: 'Files that could not be opened' })
  await expect(damaged).toContainText(file)
  await expect(damaged).toContainText('A backup exists.')
  await damaged
    .getByRole('listitem')
    .filter({ hasText: file })
    .getByRole('button', { name: 'Restore from backup' })
    .click()
  await expect(row(page, SEED_TITLE)).toBeVisible()
  await expect(damaged).toHaveCount(0)
  await expect(page.getByText(/Restored “.*” from its backup/)).toBeVisible()
  expect(await readFile(join(dataDir, 'notebooks', file), 'utf8')).toBe(good)
  const aside = await readdir(join(dataDir, 'damaged'))
  expect(aside).toHaveLength(1)
  expect(await readFile(join(dataDir, 'damaged', aside[0]), 'utf8')).toBe(good.slice(0, 200))
})

test('Open data folder shows the path with a Copy button in the browser host', async ({
  glossa,
}, testInfo) => {
  // The desktop app opens the folder in the system's file manager instead.
  test.skip(testInfo.project.name === 'electron', 'browser host only')
  const { page, dataDir } = glossa
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'Open data folder' }).click()
  const dialog = page.getByRole('dialog', { name: 'Data folder' })
  await expect(dialog.getByLabel('Path')).toHaveValue(dataDir)
  await dialog.getByRole('button', { name: 'Copy' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Copied.')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(dataDir)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
})

test('the library with its trash and damaged sections, and the export menu, have no serious accessibility violations', async ({
  glossa,
}) => {
  const { page, dataDir } = glossa
  const check = async (where: string) => {
    const results = await new AxeBuilder({ page }).analyze()
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(bad.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
  }
  await row(page, SEED_TITLE).getByRole('button', { name: 'Duplicate' }).click()
  await row(page, `${SEED_TITLE} (copy)`).getByRole('button', { name: 'Move to trash' }).click()
  // Moving to trash answers before the file has left notebooks/: wait for it, then copy the seed.
  const notebookFiles = async () =>
    (await readdir(join(dataDir, 'notebooks'))).filter((name) => name.endsWith('.json'))
  await expect.poll(notebookFiles).toHaveLength(1)
  const [file] = await notebookFiles()
  await mkdir(join(dataDir, 'backups', 'broken.json'), { recursive: true })
  await writeFile(
    join(dataDir, 'backups', 'broken.json', '2026-01-01T00-00-00-000Z.json'),
    await readFile(join(dataDir, 'notebooks', file)),
  )
  await writeFile(join(dataDir, 'notebooks', 'broken.json'), '{')
  await page.reload()
  await expect(page.getByRole('region', { name: 'Trash' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Restore from backup' })).toBeVisible()
  await check('library')
  await page.emulateMedia({ colorScheme: 'dark' })
  await check('library (dark)')
  await row(page, SEED_TITLE)
    .getByRole('button', { name: new RegExp(SEED_TITLE) })
    .click()
  await page.getByRole('button', { name: 'Export ▾' }).click()
  await expect(page.getByRole('group', { name: 'Export formats' })).toBeVisible()
  await check('export menu (dark)')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('group', { name: 'Export formats' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Export ▾' })).toBeFocused()
})
