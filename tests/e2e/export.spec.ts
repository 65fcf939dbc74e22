// Export from the UI in the browser host: the downloaded files themselves are read back.
import type { Download, Page } from '@playwright/test'
import { unzipSync, strFromU8 } from 'fflate'
import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { markPassage, openSeedNotebook, SEED_TITLE } from './helpers'

const BASES = 'Ain al-Asad and Baghdad International Airport'

// Downloads are the browser host's way; the desktop app saves through a native dialog that a
// test cannot click (saveExport is covered by unit tests with an injected dialog).
// Playwright requires a destructuring pattern for the (unused) fixtures argument.
// eslint-disable-next-line no-empty-pattern
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name === 'electron', 'browser-host downloads'))

async function highlightBases(page: Page): Promise<void> {
  await openSeedNotebook(page)
  await markPassage(page, BASES)
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
}

async function exportVia(page: Page, label: string): Promise<Download> {
  const downloaded = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export ▾' }).click()
  await page
    .getByRole('group', { name: 'Export formats' })
    .getByRole('button', { name: label, exact: true })
    .click()
  return downloaded
}

const read = async (download: Download) => readFile((await download.path())!, 'utf8')

test('Export as Markdown downloads the notebook with front matter, the article and the highlight', async ({
  glossa,
}) => {
  const { page } = glossa
  // Downloading is this host's designed way, not a failure: nothing is logged as an error.
  const errors: string[] = []
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())))
  await highlightBases(page)
  const download = await exportVia(page, 'Export as Markdown')
  expect(download.suggestedFilename()).toBe('U.S.–Iraq agreement- study notebook.md')
  const md = await read(download)
  expect(md.startsWith('---\n')).toBe(true)
  expect(md).toMatch(new RegExp(`^title: "?${SEED_TITLE.replace(/[.]/g, '\\.')}"?$`, 'm'))
  expect(md).toMatch(/^created: /m)
  expect(md).toContain('U.S. and Iraq agree to conclude')
  expect(md).toContain(`==${BASES}==`)
  expect(md).toContain(`> ${BASES}`)
  // The menu is usable again once the download has started, and says so.
  await expect(page.getByRole('button', { name: 'Export ▾' })).toBeEnabled()
  await expect(page.getByText(/Downloaded .*\.md/)).toBeVisible()
  expect(errors).toEqual([])

  // Ctrl+E is the shortcut for the same export, and the shortcuts panel lists it.
  await page.locator('.topbar-title').click()
  const again = page.waitForEvent('download')
  await page.keyboard.press('Control+e')
  expect(await read(await again)).toBe(md)
  await page.keyboard.press('Shift+?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Export as Markdown')
})

test('the Markdown folder export downloads a zip with index.md and one file per source', async ({
  glossa,
}) => {
  const { page } = glossa
  await highlightBases(page)
  const download = await exportVia(page, 'Export as Markdown folder')
  expect(download.suggestedFilename()).toBe('U.S.–Iraq agreement- study notebook.zip')
  const entries = unzipSync(new Uint8Array(await readFile((await download.path())!)))
  const names = Object.keys(entries)
  expect(names).toContain('index.md')
  expect(strFromU8(entries['index.md'])).toContain(SEED_TITLE)
  const withHighlight = names.filter((n) => strFromU8(entries[n]).includes(`==${BASES}==`))
  expect(withHighlight).toHaveLength(1)
})

test('JSON-LD and CSV downloads carry the passage', async ({ glossa }) => {
  const { page } = glossa
  await highlightBases(page)
  const jsonld = JSON.parse(await read(await exportVia(page, 'Export as JSON-LD')))
  expect(JSON.stringify(jsonld)).toContain(BASES)
  expect(JSON.stringify(jsonld)).toContain('TextQuoteSelector')
  const csv = await read(await exportVia(page, 'Export as CSV'))
  expect(csv.replace(/^\uFEFF/, '').split('\n')[0]).toMatch(/^source,quote,note/)
  expect(csv).toContain(BASES)
})

test('while an export runs the menu is disabled and its step is shown; a failed save says why', async ({
  glossa,
}) => {
  const { page } = glossa
  await highlightBases(page)
  // Hold the export at the host (the window built it; the host is asked where to save) so the
  // busy state can be seen.
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/saveExportFiles', async (route) => {
    await held
    await route.continue()
  })
  let downloads = 0
  page.on('download', () => downloads++)
  const downloaded = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export ▾' }).click()
  await page.getByRole('button', { name: 'Export as CSV', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Exporting… Choose where to save' })).toBeVisible()
  await expect(page.getByRole('progressbar', { name: 'Export progress' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Export ▾' })).toBeDisabled()
  await page.keyboard.press('Control+e') // ignored while one export runs: no second download
  release()
  expect((await downloaded).suggestedFilename()).toMatch(/\.csv$/)
  await expect(page.getByRole('button', { name: 'Export ▾' })).toBeEnabled()
  await expect(page.getByRole('progressbar')).toHaveCount(0)
  expect(downloads).toBe(1)

  // The desktop app's save can fail (an unwritable folder): the message reaches the window.
  await page.unroute('**/api/saveExportFiles')
  await page.route('**/api/saveExportFiles', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        code: 'export/write-failed',
        message: 'Cannot write to /read-only/notes.md: permission denied',
      }),
    }),
  )
  await page.getByRole('button', { name: 'Export ▾' }).click()
  await page.getByRole('button', { name: 'Export as Markdown', exact: true }).click()
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'Export failed: Cannot write to /read-only/notes.md: permission denied' }),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Export ▾' })).toBeEnabled()
})
