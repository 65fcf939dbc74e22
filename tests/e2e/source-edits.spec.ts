import { expect, test } from './fixtures'
import { highlight, markPassage, openSeedNotebook, passageCard, selectInSource } from './helpers'

test('passages follow an edit of the source; a deleted passage becomes an orphan that can be re-attached', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await markPassage(page, 'Hareer base in the Kurdistan region')
  await markPassage(page, 'Pentagon deputy press secretary Sabrina Singh')
  await expect(page.locator('.passage-list > li')).toHaveCount(2)

  // Insert text before both passages.
  await page.getByRole('button', { name: 'Edit source' }).click()
  const text = page.getByRole('document', { name: 'Source text' })
  await expect(text).toHaveAttribute('contenteditable', 'true')
  await text
    .locator('p')
    .first()
    .click({ position: { x: 2, y: 5 } })
  await page.keyboard.press('Home')
  await page.keyboard.type('EDITED LEAD. ')
  await page.getByRole('button', { name: 'Done' }).click()
  await expect(text).toHaveAttribute('contenteditable', 'false')
  await expect(text).toContainText('EDITED LEAD. The United States')
  await expect(highlight(page)).toHaveText([
    'Pentagon deputy press secretary Sabrina Singh',
    'Hareer base in the Kurdistan region',
  ])

  // Delete the Singh passage's text entirely: it becomes an orphan, with its quote kept.
  await page.getByRole('button', { name: 'Edit source' }).click()
  await selectInSource(page, 'Pentagon deputy press secretary Sabrina Singh underscored', 0, {
    toolbar: false,
  })
  await page.keyboard.press('Delete')
  await page.getByRole('button', { name: 'Done' }).click()
  // The orphans are counted in a tab beside the passages.
  const orphansTab = page.getByRole('tab', { name: 'Orphans 1' })
  await orphansTab.click()
  const orphans = page.getByRole('tabpanel', { name: /Orphans/ })
  await expect(orphans).toContainText('Pentagon deputy press secretary Sabrina Singh')
  await expect(highlight(page)).toHaveText(['Hareer base in the Kurdistan region'])
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  await page.reload()
  await orphansTab.click()
  await expect(orphans).toContainText('Pentagon deputy press secretary Sabrina Singh')
  await expect(page.getByRole('document', { name: 'Source text' })).toContainText('EDITED LEAD.')

  // Re-attach the orphan to new text.
  await selectInSource(page, 'the adjusting nature of the U.S. presence')
  await passageCard(page, 'Pentagon deputy').getByRole('button', { name: 'Re-attach to selection' }).click()
  await expect(page.getByRole('tab', { name: /Orphans/ })).toHaveCount(0)
  await expect(highlight(page)).toHaveCount(2)
})

test('clicking a highlight selects its card; ? opens the shortcuts', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await markPassage(page, 'Ain al-Asad and Baghdad International Airport')
  await markPassage(page, 'Hareer base')
  await expect(passageCard(page, 'Ain al-Asad')).not.toHaveAttribute('aria-current', 'true')
  await page.locator('.source-text [data-passage]').filter({ hasText: 'Ain al-Asad' }).click()
  await expect(passageCard(page, 'Ain al-Asad')).toHaveAttribute('aria-current', 'true')
  await page.locator('.source-header').click()
  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toContainText('Annotate')
  await expect(help).toContainText('Ctrl+K')
  await page.keyboard.press('Escape')
  await expect(help).toHaveCount(0)
})

test('typing over the whole text of a tagged passage in Edit source never leaves a one-letter stub', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await selectInSource(page, 'Hareer base in the Kurdistan region')
  await page.keyboard.press('t')
  const picker = page.getByRole('dialog', { name: 'Add tag' })
  await picker.getByRole('combobox', { name: 'Tag name' }).fill('base/harir')
  await picker.getByRole('combobox', { name: 'Tag name' }).press('Enter')
  await picker.getByRole('button', { name: 'Done' }).click()
  await expect(passageCard(page, 'Hareer base')).toContainText('base/harir')

  const text = page.getByRole('document', { name: 'Source text' })
  const replace = async (old: string, typed: string) => {
    await page.getByRole('button', { name: 'Edit source' }).click()
    await selectInSource(page, old, 0, { toolbar: false })
    await page.keyboard.type(typed)
    await page.getByRole('button', { name: 'Done' }).click()
    await expect(text).toContainText(typed)
  }
  // A corrected spelling typed over the passage: it follows the new text.
  await replace('Hareer base in the Kurdistan region', 'Harir base in the Kurdistan region')
  await expect(highlight(page)).toHaveText(['Harir base in the Kurdistan region'])
  await expect(passageCard(page, 'Harir base in the Kurdistan region')).toContainText('base/harir')

  // Other words typed over it: the quote is gone, so the passage is an orphan (tag kept), not "a".
  await replace('Harir base in the Kurdistan region', 'a base near Erbil')
  await page.getByRole('tab', { name: /Orphans/ }).click()
  await expect(page.getByRole('tabpanel', { name: /Orphans/ })).toContainText('base/harir')
  await expect(highlight(page)).toHaveCount(0)
  await expect(page.locator('.passage-card .quote-text').filter({ hasText: /^.{0,3}$/ })).toHaveCount(0)
})

test('typing inside a highlighted passage in Edit source writes into its highlight without redrawing it, and outlines no passage', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await markPassage(page, 'Hareer base in the Kurdistan region')
  await expect(highlight(page)).toHaveText(['Hareer base in the Kurdistan region'])
  // Reading, the passage under the pointer is outlined (a click selects it); editing, nothing is.
  const outline = page.locator('.source-text .passage-hover')
  await highlight(page).first().hover()
  await expect(outline).toHaveCount(1)

  await page.getByRole('button', { name: 'Edit source' }).click()
  const text = page.getByRole('document', { name: 'Source text' })
  await expect(text).toHaveAttribute('contenteditable', 'true')
  await highlight(page).first().hover()
  await expect(outline).toHaveCount(0)
  // A caret inside the passage, before "base".
  await selectInSource(page, 'base in the Kurdistan', 0, { toolbar: false })
  await page.keyboard.press('ArrowLeft')
  // The highlight's element is the one typed into: ProseMirror used to replace it on every key.
  await page.evaluate(() => {
    const span = document.querySelector('.source-text [data-passage]') as HTMLElement & { marked?: boolean }
    span.marked = true
  })
  await page.keyboard.type('big ')
  await expect(highlight(page)).toHaveText(['Hareer big base in the Kurdistan region'])
  const same = await page.evaluate(
    () =>
      (document.querySelector('.source-text [data-passage]') as HTMLElement & { marked?: boolean }).marked,
  )
  expect(same).toBe(true)
  // Undo and redo take the typing back and forth, as for text typed anywhere else.
  await page.keyboard.press('ControlOrMeta+z')
  await expect(highlight(page)).toHaveText(['Hareer base in the Kurdistan region'])
  await page.keyboard.press('ControlOrMeta+Shift+z')
  await expect(highlight(page)).toHaveText(['Hareer big base in the Kurdistan region'])

  // At the passage's end the typed text stays outside it, as before.
  await selectInSource(page, 'Kurdistan region', 0, { toolbar: false })
  await page.keyboard.press('ArrowRight')
  await page.keyboard.type('s')
  await expect(text).toContainText('Kurdistan regions')
  await page.getByRole('button', { name: 'Done' }).click()
  await expect(text).toHaveAttribute('contenteditable', 'false')
  await expect(highlight(page)).toHaveText(['Hareer big base in the Kurdistan region'])
  await expect(passageCard(page, 'Hareer big base in the Kurdistan region')).toBeVisible()
})
