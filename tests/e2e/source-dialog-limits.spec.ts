// Nothing typed into a source's dialogs is lost or cut without the user seeing it: a text pasted
// into "Add source" survives Escape and Cancel (kept as the notebook's draft until added or
// cleared), and a title over the limit is refused with the limit said, never cut to fit.
import { expect, test } from './fixtures'
import { openSeedNotebook } from './helpers'

const PASTED = 'Field notes from the second visit.\n\nThe council met twice; both meetings ran late.'

test('a pasted text survives Escape and Cancel, until it is added or cleared', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  const nav = page.getByRole('navigation', { name: 'Notebook contents' })
  const dialog = page.getByRole('dialog', { name: 'Add source' })
  const open = () => nav.getByRole('button', { name: 'Add source' }).click()
  const text = dialog.getByRole('textbox', { name: 'Text' })

  await open()
  await dialog.getByLabel('Title (optional)').fill('Second visit')
  await text.fill(PASTED)
  await dialog.getByLabel('Format').selectOption({ label: 'Markdown' })
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  await open()
  await expect(text).toHaveValue(PASTED)
  await expect(dialog.getByLabel('Title (optional)')).toHaveValue('Second visit')
  await expect(dialog.getByLabel('Format')).toHaveValue('markdown')
  await expect(dialog.getByText('Kept from last time')).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  // Clear empties the form and forgets the draft.
  await open()
  await expect(text).toHaveValue(PASTED)
  await dialog.getByRole('button', { name: 'Clear' }).click()
  await expect(text).toHaveValue('')
  await expect(dialog.getByLabel('Title (optional)')).toHaveValue('')
  await expect(dialog.getByRole('button', { name: 'Clear' })).toHaveCount(0)
  await page.keyboard.press('Escape')
  await open()
  await expect(text).toHaveValue('')

  // An added text is not offered again.
  await text.fill(PASTED)
  await page.keyboard.press('Escape')
  await open()
  await dialog.getByRole('button', { name: 'Add source' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('main', { name: 'Source' }).getByRole('heading', { level: 1 })).toHaveText(
    'Field notes from the second visit.',
  )
  await open()
  await expect(text).toHaveValue('')
  await expect(dialog.getByRole('button', { name: 'Clear' })).toHaveCount(0)
})

test('a title over 300 characters is refused with the limit said, not cut', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  const heading = page.getByRole('main', { name: 'Source' }).getByRole('heading', { level: 1 }).first()
  const before = (await heading.textContent())!
  await page.getByRole('button', { name: `Rename source “${before}”` }).click()
  const dialog = page.getByRole('dialog', { name: 'Rename source' })
  const field = dialog.getByLabel('Title')

  const long = 'A very long working title for this source. '.repeat(30).slice(0, 1200)
  await field.fill(long)
  await expect(field).toHaveValue(long)
  await expect(dialog.getByText('1,200 / 300 characters (900 too many)')).toBeVisible()
  await dialog.getByRole('button', { name: 'Rename' }).click()
  await expect(dialog.getByRole('alert')).toHaveText(
    'The title can be at most 300 characters; this one has 1,200. Shorten it by 900.',
  )
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(heading).toHaveText(before)

  // Shortened to the limit, it is saved whole.
  const fits = long.slice(0, 300).trimEnd()
  await field.fill(fits)
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Rename' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(heading).toHaveText(fits)
})

test('Add source refuses a typed title over the limit instead of cutting it', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await page
    .getByRole('navigation', { name: 'Notebook contents' })
    .getByRole('button', { name: 'Add source' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Add source' })
  const long = 'x'.repeat(1200)
  await dialog.getByLabel('Title (optional)').fill(long)
  await expect(dialog.getByLabel('Title (optional)')).toHaveValue(long)
  await dialog.getByRole('textbox', { name: 'Text' }).fill('Body.')
  await dialog.getByRole('button', { name: 'Add source' }).click()
  await expect(dialog.getByRole('alert')).toHaveText(
    'The title can be at most 300 characters; this one has 1,200. Shorten it by 900.',
  )
})
