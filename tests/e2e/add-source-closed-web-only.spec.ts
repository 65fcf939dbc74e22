// Closing "Add source" while the core is still converting the text cancels the add: no source
// appears behind the user's back, and the text stays as the notebook's draft. Web only: the
// conversion is held back by intercepting the browser host's HTTP call (the desktop app's IPC
// cannot be intercepted so).
import { expect, test } from './fixtures'
import { openSeedNotebook } from './helpers'

test('closing Add source during the conversion adds nothing and keeps the text', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  const nav = page.getByRole('navigation', { name: 'Notebook contents' })
  const dialog = page.getByRole('dialog', { name: 'Add source' })
  const sources = nav.getByRole('button', { name: /Convoy notes/ })
  let release = () => {}
  const held = new Promise<void>((r) => (release = r))
  await page.route('**/api/convertSource', async (route) => {
    await held
    await route.continue()
  })

  await nav.getByRole('button', { name: 'Add source' }).click()
  await dialog.getByRole('textbox', { name: 'Text' }).fill('Convoy notes from Erbil, second week.')
  const converted = page.waitForResponse('**/api/convertSource')
  await dialog.getByRole('button', { name: 'Add source' }).click()
  await expect(dialog.getByRole('status')).toBeVisible() // converting
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  release()
  await converted

  // The answer came after the dialog closed: nothing was added, and the text is still there.
  await expect(page.getByRole('main', { name: 'Source' })).toContainText('Hareer')
  await expect(sources).toHaveCount(0)
  await nav.getByRole('button', { name: 'Add source' }).click()
  await expect(dialog.getByRole('textbox', { name: 'Text' })).toHaveValue(
    'Convoy notes from Erbil, second week.',
  )
  await expect(dialog.getByText('Kept from last time')).toBeVisible()
  await page.unroute('**/api/convertSource')
  await dialog.getByRole('button', { name: 'Add source' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('main', { name: 'Source' }).getByRole('heading', { level: 1 })).toHaveText(
    'Convoy notes from Erbil, second week.',
  )
  await expect(sources).not.toHaveCount(0)
})
