// A person imports a large Glossa Markdown export: the import dialog shows how far the core has
// read it (the bar moves while the core reads it in an import worker), Cancel stops it, and
// nothing is added — no notebook listed, no file written. Then the library works as before.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { generateNotebook } from '../../bench/generate'
import { exportMarkdown } from '../../src/shared/export/markdown/index'
import { expect, test } from './fixtures'

test('a large import shows its progress and is cancelled with nothing added', async ({ glossa }) => {
  // 5,000 passages: an export of about 3 MB, which takes the core seconds to read — long after
  // the bar has moved twice and Cancel was pressed. Made here, not when the file is loaded:
  // Playwright loads every spec to list the tests, in its runner and in each worker.
  const NB = generateNotebook('M', 3)
  const [FILE] = exportMarkdown(NB, { layout: 'single' }).files
  const { page, dataDir } = glossa
  const notebooks = () => readdir(join(dataDir, 'notebooks')).then((names) => names.sort())
  await expect(page.getByRole('list', { name: 'Notebooks' })).toBeVisible()
  const before = await notebooks()

  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import notebook…' }).click()
  await (
    await chooser
  ).setFiles({ name: FILE.path, mimeType: 'text/markdown', buffer: Buffer.from(FILE.content) })
  const dialog = page.getByRole('dialog', { name: 'Import Markdown' })
  const bar = dialog.getByRole('progressbar', { name: 'Import progress' })
  const value = async () => Number((await bar.getAttribute('value')) ?? 0)
  await expect.poll(value).toBeGreaterThan(0)
  const first = await value()
  await expect.poll(value).toBeGreaterThan(first)
  await expect(dialog.getByRole('status')).toHaveText('Reading the export…')

  await dialog.getByRole('button', { name: 'Cancel import' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Import cancelled. Nothing was added.')
  await expect(bar).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('list', { name: 'Notebooks' })).not.toContainText(NB.title)
  expect(await notebooks()).toEqual(before)

  // The library goes on as before: a new notebook is made and opened.
  await page.getByRole('button', { name: 'New notebook' }).click()
  const create = page.getByRole('dialog', { name: 'New notebook' })
  await create.getByLabel('Title').fill('After the cancel')
  await create.getByRole('button', { name: 'Create notebook' }).click()
  await expect(page.getByRole('heading', { name: 'After the cancel' })).toBeVisible()
})
