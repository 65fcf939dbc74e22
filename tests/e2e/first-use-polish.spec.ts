// Small defects from a new user's test pass: where the focus goes after opening something, names
// a screen reader reads, and things drawn over or under each other. One test per defect.
import { expect, test } from './fixtures'
import { markPassage, openFromSearch, openSeedNotebook, passageCard, selectInSource } from './helpers'

test('Enter on a highlight in the source text puts the caret in its passage note', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await markPassage(page, 'Hareer base in the Kurdistan region')
  // Another place in the text: the passage is no longer the selected one.
  const text = page.getByRole('document', { name: 'Source text' })
  await text.getByText(/The withdrawal of U.S. troops/).click()
  const card = passageCard(page, 'Hareer base')
  await expect(card).not.toHaveAttribute('aria-current', 'true')
  // The reading caret inside the highlight, then Enter.
  await page.evaluate(() => {
    const mark = document.querySelector('.source-text [data-passage]')!
    getSelection()!.collapse(mark.firstChild, 2)
  })
  await page.keyboard.press('Enter')
  const note = card.getByRole('textbox', { name: /Note on/ })
  await expect(note).toBeFocused()
  await page.keyboard.type('Typed at once')
  await expect(note).toHaveText('Typed at once')

  // Enter again on the same, already open passage: the note takes the keys again.
  await text.focus()
  await page.evaluate(() => {
    const mark = document.querySelector('.source-text [data-passage]')!
    getSelection()!.collapse(mark.firstChild, 2)
  })
  await expect(text).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(note).toBeFocused()
})

test('a passage opened from search takes the keys in its note', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await markPassage(page, 'Hareer base in the Kurdistan region')
  await openFromSearch(page, 'kind:passage Hareer')
  await expect(passageCard(page, 'Hareer base').getByRole('textbox', { name: /Note on/ })).toBeFocused()
})

test('Add source opens with the caret in its Text field, and the Format select is named "Format"', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await page.locator('.source-header').click()
  await page.keyboard.press('Shift+A')
  const dialog = page.getByRole('dialog', { name: 'Add source' })
  await expect(dialog.getByRole('textbox', { name: 'Text' })).toBeFocused()
  await expect(dialog.getByRole('combobox', { name: 'Format', exact: true })).toBeVisible()
})

test('a message shows above an open dialog and its buttons can be pressed', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await page.locator('.source-header').click()
  await page.keyboard.press('Control+z')
  await expect(page.getByText('Nothing to undo.')).toBeVisible()
  await page.keyboard.press('Control+k')
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible()
  const toast = page.locator('.toast', { hasText: 'Nothing to undo.' })
  await expect(toast).toBeVisible()
  // What is drawn at the message's centre is the message, not the dialog's backdrop.
  const onTop = await toast.evaluate((el) => {
    const box = el.getBoundingClientRect()
    return el.contains(document.elementFromPoint(box.x + 8, box.y + box.height / 2))
  })
  expect(onTop).toBe(true)
  await toast.getByRole('button', { name: 'Dismiss message' }).click({ timeout: 3000 })
  await expect(toast).toHaveCount(0)
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible()
})

test('a message shown while a dialog is open enters a live region that was there before it', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await page.getByRole('button', { name: 'Relations' }).click()
  const panel = page.getByRole('dialog', { name: 'Relations' })
  // Screen readers announce text entering a live region, not a region that arrives holding it.
  const region = panel.locator(':scope > [aria-live="polite"]')
  await expect(region).toHaveCount(1)
  await expect(region).toBeEmpty()
  await region.evaluate((el) => el.setAttribute('data-seen', 'before'))
  await expect(panel.getByRole('status')).toHaveCount(0) // the dialog's own status line stays its only one

  const name = (await panel.getByRole('listitem').first().getAttribute('aria-label'))!.replace(
    /^Relation /,
    '',
  )
  await panel.getByRole('button', { name: `Delete relation “${name}”` }).click()
  await panel
    .getByRole('group', { name: 'Confirm deletion' })
    .getByRole('button', { name: /^Delete relation/ })
    .click()
  const toast = page.locator('[data-seen="before"] .toast', { hasText: `Deleted the relation “${name}”.` })
  await expect(toast).toBeVisible()
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(panel.getByRole('listitem', { name: `Relation ${name}` })).toHaveCount(1)
})

test('at 1024 px the selection toolbar stays on one line and clear of the reader toolbar', async ({
  glossa,
}) => {
  const { page } = glossa
  await page.setViewportSize({ width: 1024, height: 700 })
  await openSeedNotebook(page)
  // The selected line just below the reader's sticky toolbar ("Edit source").
  await page.locator('.reader').evaluate((reader) => {
    const lede = reader.querySelector('.source-text .ProseMirror p')!
    reader.scrollTop += lede.getBoundingClientRect().top - reader.getBoundingClientRect().top - 60
  })
  await selectInSource(page, 'The United States has reached an agreement')
  const toolbar = page.getByRole('toolbar', { name: 'Passage actions' })
  const tops = await toolbar
    .getByRole('button')
    .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)))
  // Buttons and colour dots differ in height; one line means their centres line up closely.
  const box = (await toolbar.boundingBox())!
  expect(box.height).toBeLessThan(48)
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(16)
  const edit = (await page.getByRole('button', { name: 'Edit source' }).boundingBox())!
  const overlaps =
    box.x < edit.x + edit.width &&
    edit.x < box.x + box.width &&
    box.y < edit.y + edit.height &&
    edit.y < box.y + box.height
  expect(overlaps).toBe(false)
})

test('the "1 date found" badge on a card has the card’s small text size', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  const quote = 'The second phase anticipates continued U.S. operations in Iraq until 2026'
  await markPassage(page, quote)
  await markPassage(page, 'Hareer base in the Kurdistan region')
  const badge = passageCard(page, 'The second phase').getByText('1 date found')
  await expect(badge).toHaveCSS('font-size', '12px')
})
