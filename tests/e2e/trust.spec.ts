// Nothing a person did is silently lost or overwritten (issue #11): an undo restores only what
// its own action changed, a toast's Undo undoes its own action, and the app asks in its own
// dialogs (Electron has no window.prompt or window.confirm).
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Notebook } from '../../src/shared/schema'
import { expect, test } from './fixtures'
import { markPassage, openSeedNotebook, passageCard, selectInSource } from './helpers'

const HAREER = 'Hareer base in the Kurdistan region'

async function notebookOnDisk(dataDir: string): Promise<Notebook> {
  const dir = join(dataDir, 'notebooks')
  const file = (await readdir(dir)).find((n) => n.endsWith('.json'))!
  return JSON.parse(await readFile(join(dir, file), 'utf8')) as Notebook
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
}

// Playwright requires a destructuring pattern for the (unused) fixtures argument.
// eslint-disable-next-line no-empty-pattern
test.beforeEach(({}, testInfo) =>
  test.skip(testInfo.project.name === 'electron', 'reads the browser host’s data folder'),
)

test('undoing a tag merge keeps the note typed after it, in the editor and on disk', async ({ glossa }) => {
  const { page, dataDir } = glossa
  await openSeedNotebook(page)
  await selectInSource(page, HAREER)
  await page.keyboard.press('t')
  const picker = page.getByRole('dialog', { name: 'Add tag' })
  await picker.getByRole('combobox', { name: 'Tag name' }).fill('base/harir')
  await picker.getByRole('combobox', { name: 'Tag name' }).press('Enter')
  await picker.getByRole('button', { name: 'Done' }).click()
  const card = passageCard(page, 'Hareer base')
  await expect(card.getByText('base/harir')).toBeVisible()

  const note = card.getByRole('textbox', { name: /Note on/ })
  await note.click()
  await page.keyboard.type('First thoughts.')
  await saved(page)

  await page.getByRole('button', { name: 'Tags', exact: true }).click()
  const manager = page.getByRole('dialog', { name: 'Tags' })
  await manager.getByRole('treeitem', { name: /^base\/harir,/ }).click()
  await manager.getByLabel('Merge tag base/harir into').selectOption({ label: 'base/ain-al-asad' })
  await manager.getByRole('button', { name: 'Close' }).click()
  await expect(card.getByText('base/ain-al-asad')).toBeVisible()

  await note.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' More, typed after the merge.')
  await saved(page)
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(page.locator('.toast', { hasText: 'Undone: merge tags' })).toBeVisible()
  await expect(card.getByText('base/harir')).toBeVisible()
  await saved(page)

  await expect(note).toHaveText('First thoughts. More, typed after the merge.')
  const nb = await notebookOnDisk(dataDir)
  const passage = nb.annotations.find((a) => a.target.quote.exact === HAREER)!
  expect(JSON.stringify(passage.note)).toContain('More, typed after the merge.')
  const harir = nb.tags.find((t) => t.name === 'base/harir')!
  expect(passage.tagIds).toEqual([harir.id])
})

test('each toast’s Undo brings back its own passage, not the last one deleted', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await markPassage(page, HAREER)
  await markPassage(page, 'Ain al-Asad')
  await passageCard(page, 'Hareer base').getByRole('button', { name: 'Delete passage' }).click()
  await passageCard(page, 'Ain al-Asad').getByRole('button', { name: 'Delete passage' }).click()
  await expect(page.locator('.passage-list > li')).toHaveCount(0)

  // The first toast is Hareer's: its Undo restores Hareer, and Ain al-Asad stays deleted.
  await page
    .locator('.toast', { hasText: 'Passage deleted.' })
    .first()
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(passageCard(page, 'Hareer base')).toBeVisible()
  await expect(passageCard(page, 'Ain al-Asad')).toHaveCount(0)
  await saved(page)
  await page.reload()
  await expect(passageCard(page, 'Hareer base')).toBeVisible()
  await expect(passageCard(page, 'Ain al-Asad')).toHaveCount(0)
})

test('a link in a note is added through the app’s own dialog, which refuses script addresses', async ({
  glossa,
}) => {
  const { page } = glossa
  let browserDialogs = 0
  page.on('dialog', (d) => {
    browserDialogs++
    void d.dismiss()
  })
  await openSeedNotebook(page)
  await selectInSource(page, HAREER)
  await page.keyboard.press('n')
  const card = passageCard(page, 'Hareer base')
  await expect(card.getByRole('textbox', { name: /Note on/ })).toBeFocused()
  await page.keyboard.type('See the map')
  await page.keyboard.press('Shift+Home')
  await card.getByRole('toolbar', { name: 'Note formatting' }).getByRole('button', { name: 'Link' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add link' })
  await dialog.getByLabel('Link address').fill('javascript:alert(1)')
  await dialog.getByRole('button', { name: 'Add link' }).click()
  await expect(dialog.getByRole('alert')).toContainText('web pages')
  await dialog.getByLabel('Link address').fill('https://example.org/map')
  await dialog.getByRole('button', { name: 'Add link' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(card.getByRole('link', { name: 'See the map' })).toHaveAttribute(
    'href',
    'https://example.org/map',
  )
  await saved(page)
  expect(browserDialogs).toBe(0)
})
