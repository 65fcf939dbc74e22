// Markdown both ways in the browser host: a Glossa Markdown export (one file, and the folder
// layout zipped) is imported from the library and its passages, notes, tags, links and note
// page references are there again; exporting it from the window gives the same Markdown back;
// an export edited outside Glossa is brought back into its notebook, only what is accepted.
import type { Page } from '@playwright/test'
import { strToU8, zipSync } from 'fflate'
import { readFile } from 'node:fs/promises'
import { exportMarkdown } from '../../src/shared/export/markdown/index'
import { sampleNotebook } from '../fixtures/sample-notebook'
import { expect, test } from './fixtures'
import { passageCard } from './helpers'

// Downloads are the browser host's way; the desktop app saves through a native dialog.
// eslint-disable-next-line no-empty-pattern
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name === 'electron', 'browser-host downloads'))

const NB = sampleNotebook()
const TITLE = NB.title
const PHASE1 = 'the first phase, expected to run through September 2025'
const HARIR = 'Baghdad International Airport, subsequently relocating'

async function importFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import notebook…' }).click()
  await (await chooser).setFiles(files)
  const dialog = page.getByRole('dialog', { name: 'Import Markdown' })
  await expect(dialog.getByRole('status')).toContainText(`Imported “${TITLE}” from its Markdown export`)
  return dialog
}

async function expectSampleNotebook(page: Page): Promise<void> {
  await expect(page.getByRole('main', { name: 'Source' })).toContainText(
    'Hareer base in the Kurdistan region',
  )
  // Passages, with their notes, tags and links at both ends.
  const phase = passageCard(page, PHASE1)
  await expect(phase).toContainText('Phase one ends in September 2025')
  await expect(
    phase.getByRole('button', { name: /^elaborated by ← “Baghdad International Airport/ }),
  ).toBeVisible()
  const harir = passageCard(page, HARIR)
  await expect(harir).toContainText('Troops move north to Harir.')
  await expect(harir).toContainText('base/harir')
  await expect(harir.getByRole('button', { name: /^elaborates → “the first phase/ })).toBeVisible()
  await expect(passageCard(page, 'domestic political vulnerabilities')).toContainText('pressure, not policy')
  // The note page and its references to passages.
  await page.getByRole('navigation').getByRole('button', { name: 'Withdrawal timeline', exact: true }).click()
  await expect(page.getByRole('main')).toContainText('Timeline')
  await expect(page.getByRole('main')).toContainText('Phase one is')
  await expect(page.getByRole('main')).toContainText('Ain al-Asad and Baghdad International Airport')
}

test('a single-file Markdown export is imported with its passages, notes, links and note pages, and exports the same', async ({
  glossa,
}) => {
  const { page } = glossa
  const [file] = exportMarkdown(NB, { layout: 'single' }).files
  const dialog = await importFiles(page, [
    { name: file.path, mimeType: 'text/markdown', buffer: Buffer.from(file.content) },
  ])
  await expect(dialog).toContainText('1 source, 6 passages')
  await dialog.getByRole('button', { name: `Open “${TITLE}”` }).click()
  await expectSampleNotebook(page)

  // Exported again from the window, it is the same Markdown.
  const downloaded = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export ▾' }).click()
  await page
    .getByRole('group', { name: 'Export formats' })
    .getByRole('button', { name: 'Export as Markdown', exact: true })
    .click()
  const again = await readFile((await (await downloaded).path())!, 'utf8')
  expect(again).toBe(file.content)
})

test('the folder layout, zipped, is imported too; bad files are refused with the reason and nothing is added', async ({
  glossa,
}) => {
  const { page } = glossa
  const refused = async (name: string, buffer: Buffer, message: string) => {
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Import notebook…' }).click()
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer })
    const dialog = page.getByRole('dialog', { name: 'Import Markdown' })
    await expect(dialog.getByRole('alert')).toContainText(message)
    await dialog.getByRole('button', { name: 'Close' }).click()
  }
  await refused('photo.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'not a text file')
  await refused('latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'not valid UTF-8')
  await refused(
    'evil.zip',
    Buffer.from(zipSync({ '../evil.md': strToU8('# evil') })),
    'points outside the folder',
  )
  await expect(page.getByRole('button', { name: new RegExp(TITLE) })).toHaveCount(0)

  const { files } = exportMarkdown(NB, { layout: 'folder' })
  const zip = zipSync(Object.fromEntries(files.map((f) => [`Reading notes/${f.path}`, strToU8(f.content)])))
  const dialog = await importFiles(page, [
    { name: 'Reading notes.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) },
  ])
  await dialog.getByRole('button', { name: `Open “${TITLE}”` }).click()
  await expectSampleNotebook(page)
})

test('an export edited elsewhere is brought back: the changes are listed and only the accepted ones applied', async ({
  glossa,
}) => {
  const { page } = glossa
  const [file] = exportMarkdown(NB, { layout: 'single' }).files
  const dialog = await importFiles(page, [
    { name: file.path, mimeType: 'text/markdown', buffer: Buffer.from(file.content) },
  ])
  await dialog.getByRole('button', { name: `Open “${TITLE}”` }).click()
  await expect(passageCard(page, HARIR)).toContainText('Troops move north to Harir.')

  const edited = file.content
    .replace('Troops move north to Harir.', 'Troops move north to Harir, by road.')
    .replace('#phase/1 #base/ain-al-asad #base/baghdad-airport', '#phase/1 #base/ain-al-asad #checked')
  await page.getByRole('button', { name: 'Export ▾' }).click()
  await page.getByRole('button', { name: /Bring back edits from Markdown/ }).click()
  const bring = page.getByRole('dialog', { name: 'Bring back edits from Markdown' })
  const chooser = page.waitForEvent('filechooser')
  await bring.getByRole('button', { name: 'Choose a file or zip…' }).click()
  await (
    await chooser
  ).setFiles({ name: 'edited.md', mimeType: 'text/markdown', buffer: Buffer.from(edited) })
  const changes = bring.getByRole('group', { name: 'Changes to bring back' })
  const note = changes.getByRole('checkbox', { name: /Changed Note of “Baghdad International Airport/ })
  const tags = changes.getByRole('checkbox', { name: /Changed Tags of “Ain al-Asad/ })
  await expect(note).toBeChecked()
  await expect(tags).toBeChecked()
  await tags.uncheck()
  await bring.getByRole('button', { name: 'Apply 1 change' }).click()
  await expect(bring).toHaveCount(0)
  await expect(passageCard(page, HARIR)).toContainText('Troops move north to Harir, by road.')
  await expect(passageCard(page, 'Ain al-Asad and Baghdad')).not.toContainText('checked')
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
})
