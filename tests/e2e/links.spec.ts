import { expect, test } from './fixtures'
import { highlight, openSeedNotebook, passageCard, selectInSource } from './helpers'
import { AIN, linkTo, mark, PHASE1 } from './link-helpers'

test('link phase 1 to Ain al-Asad as "elaborates": both ends show it, the backlink navigates, a reload keeps it', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await mark(page, AIN)
  // "Link passage" from a selection marks the passage first, like Highlight.
  await selectInSource(page, PHASE1)
  await page.getByRole('toolbar', { name: 'Passage actions' }).getByRole('button', { name: 'Link passage' }).click()
  const dialog = await linkTo(page, 'ain al', /Ain al-Asad/, 'elaborates', 'The base is vacated in phase 1.')
  await expect(dialog).toHaveCount(0)
  const phaseId = (await passageCard(page, PHASE1).getAttribute('data-passage-card'))!

  await expect(passageCard(page, PHASE1).getByRole('button', { name: /^elaborates → “Ain al-Asad”/ })).toBeVisible()
  await expect(passageCard(page, PHASE1)).toContainText('The base is vacated in phase 1.')
  const backlink = passageCard(page, AIN).getByRole('button', { name: /^elaborated by ← “the first phase/ })
  await expect(backlink).toBeVisible()

  // Select the target first, so that arriving at phase 1 is what selects it.
  await passageCard(page, AIN).getByRole('button', { name: '“Ain al-Asad”' }).click()
  await expect(passageCard(page, PHASE1)).not.toHaveAttribute('aria-current', 'true')
  await backlink.click()
  await expect(passageCard(page, PHASE1)).toHaveAttribute('aria-current', 'true')
  await expect(highlight(page, phaseId)).toHaveClass(/passage-flash/)

  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  await page.reload()
  await expect(passageCard(page, AIN).getByRole('button', { name: /^elaborated by ← “the first phase/ })).toBeVisible()
})

test('self links and duplicate links are refused with the reason, in the dialog', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await mark(page, AIN)
  await mark(page, PHASE1)
  await passageCard(page, PHASE1).getByRole('button', { name: 'Link passage' }).click()
  let dialog = await linkTo(page, 'first phase', /this passage/, 'supports')
  await expect(dialog.getByRole('alert')).toHaveText('A passage cannot be linked to itself.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await passageCard(page, PHASE1).getByRole('button', { name: 'Link passage' }).click()
  await expect(await linkTo(page, 'asad', /Ain al-Asad/, 'supports')).toHaveCount(0)
  await passageCard(page, PHASE1).getByRole('button', { name: 'Link passage' }).click()
  dialog = await linkTo(page, 'asad', /Ain al-Asad/, 'supports')
  await expect(dialog.getByRole('alert')).toHaveText('These passages are already linked with this relation.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(passageCard(page, PHASE1).getByRole('list', { name: 'Links' }).getByRole('listitem')).toHaveCount(1)
})

test('a user-defined relation reads with its inverse at the other end; deleting the passage asks and undo restores the link', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await mark(page, 'Iranian influence in the region')
  await mark(page, 'persistent pressure on the Iraqi government to reduce foreign military presence')
  await passageCard(page, 'Iranian influence').getByRole('button', { name: 'Link passage' }).click()
  const dialog = page.getByRole('dialog', { name: 'Link passage' })
  await dialog.getByRole('searchbox').fill('foreign military')
  await dialog.getByRole('radio', { name: /persistent pressure/ }).check()
  await dialog.getByLabel('Relation').selectOption({ label: 'New relation…' })
  await dialog.getByRole('textbox', { name: 'Name of the new relation' }).fill('explains')
  await dialog.getByLabel('Read from the other end').fill('explained by')
  await dialog.getByRole('button', { name: 'Link', exact: true }).click()
  await expect(passageCard(page, 'persistent pressure').getByRole('button', { name: /^explained by ← “Iranian influence/ })).toBeVisible()

  let asked = ''
  page.once('dialog', (d) => {
    asked = d.message()
    void d.accept()
  })
  await passageCard(page, 'Iranian influence').getByRole('button', { name: 'Delete passage' }).click()
  await expect(passageCard(page, 'Iranian influence')).toHaveCount(0)
  expect(asked).toContain('This passage has 1 link')
  await expect(passageCard(page, 'persistent pressure').getByRole('list', { name: 'Links' })).toHaveCount(0)
  await page.locator('.toast', { hasText: 'Passage deleted.' }).getByRole('button', { name: 'Undo' }).click()
  await expect(passageCard(page, 'persistent pressure').getByRole('button', { name: /^explained by ← “Iranian influence/ })).toBeVisible()
})

test('a backlink to a passage in another source opens that source and flashes the passage', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  const ain = await mark(page, AIN)
  await page.getByRole('button', { name: 'Add source' }).click()
  const add = page.getByRole('dialog', { name: 'Add source' })
  await add.getByLabel('Title (optional)').fill('Base report')
  await add.getByRole('textbox', { name: 'Text' }).fill('Ain al-Asad air base in Anbar province hosts coalition aircraft.')
  await add.getByRole('button', { name: 'Add source' }).click()
  await expect(page.getByRole('main', { name: 'Source' })).toContainText('Anbar province')
  await mark(page, 'air base in Anbar province')
  await passageCard(page, 'air base in Anbar').getByRole('button', { name: 'Link passage' }).click()
  await linkTo(page, 'asad', /Ain al-Asad/, 'same place')
  await passageCard(page, 'air base in Anbar').getByRole('button', { name: /^same place → “Ain al-Asad”/ }).click()
  await expect(page.getByRole('main', { name: 'Source' })).toContainText('Hareer base')
  await expect(passageCard(page, AIN)).toHaveAttribute('aria-current', 'true')
  await expect(highlight(page, ain)).toHaveClass(/passage-flash/)
})
