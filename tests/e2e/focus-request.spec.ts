// A passage opened on purpose takes the keyboard focus in its note only as the answer to that
// action: when its card is hidden (here by the margin's tag filter), the request is dropped by the
// next input, and the card shown later does not take the keys from wherever the user is.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { markPassage, openFromSearch, openSeedNotebook, passageCard } from './helpers'

/** Resolves after the frames and the task in which a newly mounted card would take the focus. */
function settled(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
      ),
  )
}

test('a passage opened from search while the filter hides it does not take the focus once the filter is cleared', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  // An untagged passage, which a filter on the Bases tags leaves out.
  await markPassage(page, 'Hareer base in the Kurdistan region')
  await page.getByRole('button', { name: 'Filter', exact: true }).click()
  await page.getByRole('group', { name: 'Bases' }).getByRole('button', { name: 'Bases' }).click()
  await expect(page.getByText('No passage matches this filter.')).toBeVisible()
  await expect(passageCard(page, 'Hareer base')).toHaveCount(0)

  await openFromSearch(page, 'kind:passage Hareer')
  // The passage is selected, but its card is not shown: no card could take the focus yet.
  await expect(passageCard(page, 'Hareer base')).toHaveCount(0)

  // Later, another action: the filter is cleared with a click, and the card is shown, selected.
  await page.getByRole('button', { name: 'Clear filter' }).click()
  const note = passageCard(page, 'Hareer base').getByRole('textbox', { name: /Note on/ })
  await expect(note).toBeVisible()
  await settled(page)
  await expect(note).not.toBeFocused()
  // The next key is not typed into that note.
  await page.keyboard.press('x')
  await expect(note).toHaveText('')
})
