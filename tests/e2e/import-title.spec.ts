// Issue 15, item 8: a pasted text's first line (or an imported Markdown file's leading heading)
// becomes the source's title and is not repeated as its first paragraph; a typed title keeps
// the text whole.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { openSeedNotebook } from './helpers'

async function addSource(page: Page, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page
    .getByRole('navigation', { name: 'Notebook contents' })
    .getByRole('button', { name: 'Add source' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Add source' })
  await fill(dialog)
  await expect(dialog).toHaveCount(0)
}

test('the first line becomes the title once; a typed title keeps the text whole', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  const reader = page.getByRole('main', { name: 'Source' })
  const title = reader.getByRole('heading', { level: 1 })
  const text = reader.locator('.source-text')

  await addSource(page, async (dialog) => {
    await dialog.getByRole('textbox', { name: 'Text' }).fill('Field report\nSecond line\n\nBody paragraph.')
    await dialog.getByRole('button', { name: 'Add source' }).click()
  })
  await expect(title).toHaveText('Field report')
  await expect(text).toContainText('Second line')
  await expect(text).not.toContainText('Field report')

  await addSource(page, async (dialog) => {
    await dialog.getByRole('tab', { name: 'Import file' }).click()
    await dialog.getByLabel('File (.txt, .md, .html)').setInputFiles({
      name: 'report.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Quarterly report\n\nThe body of the report.'),
    })
  })
  await expect(title).toHaveText('Quarterly report')
  await expect(text).toHaveText('The body of the report.')

  await addSource(page, async (dialog) => {
    await dialog.getByLabel('Title (optional)').fill('My own title')
    await dialog.getByRole('textbox', { name: 'Text' }).fill('Field notes\n\nMore text.')
    await dialog.getByRole('button', { name: 'Add source' }).click()
  })
  await expect(title).toHaveText('My own title')
  await expect(text).toContainText('Field notes')
  await expect(text).toContainText('More text.')
})
