// The notebook's top bar fits on one line at 1024 px (#15): the theme moves into "More" and
// search keeps its icon and shortcut; at 1400 px everything is shown in the bar itself.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { openSeedNotebook } from './helpers'

/** The bar's controls, each inside the window and on the bar's one line. */
async function expectOneLine(page: Page, names: string[]) {
  const bar = page.getByRole('banner')
  const box = (await bar.boundingBox())!
  const width = page.viewportSize()!.width
  for (const name of names) {
    const control = (await bar.getByRole('button', { name, exact: true }).boundingBox())!
    expect(control.x + control.width, `${name} ends inside the window`).toBeLessThanOrEqual(width)
    expect(control.y, `${name} is on the bar's line`).toBeGreaterThanOrEqual(box.y)
    expect(control.y + control.height, `${name} is on the bar's line`).toBeLessThanOrEqual(box.y + box.height)
  }
  // The bar is one row high: 40 px of controls plus its padding, not two rows.
  expect(box.height).toBeLessThan(60)
}

test('at 1024 px the bar fits on one line and the theme is under More', async ({ glossa }) => {
  const { page } = glossa
  await page.setViewportSize({ width: 1024, height: 700 })
  await openSeedNotebook(page)
  const bar = page.getByRole('banner')
  await expect(bar.getByRole('radiogroup', { name: 'Theme' })).toBeHidden()
  await expectOneLine(page, ['Back to the library', 'Search', 'Share…', 'Export ▾', 'More'])
  await expect(bar.getByRole('heading', { level: 1 })).toHaveAttribute('title', /study notebook/)

  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const before = await background()
  const more = bar.getByRole('button', { name: 'More' })
  await more.click()
  await expect(more).toHaveAttribute('aria-expanded', 'true')
  const panel = bar.getByRole('group', { name: 'More' })
  await panel.getByRole('radio', { name: 'Dark' }).click()
  await expect(panel.getByRole('radio', { name: 'Dark' })).toBeChecked()
  await expect.poll(background).not.toBe(before)
  const axe = await new AxeBuilder({ page }).include('header').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  // Escape closes it and gives the focus back to its button.
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect(more).toBeFocused()
  await more.click()
  await panel.getByRole('button', { name: /Keyboard shortcuts/ }).click()
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
})

test('at 1400 px the theme is in the bar and there is no More', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  const bar = page.getByRole('banner')
  await expect(bar.getByRole('radiogroup', { name: 'Theme' })).toBeVisible()
  await expect(bar.getByRole('button', { name: 'More' })).toBeHidden()
  await expectOneLine(page, ['Back to the library', 'Search', 'Share…', 'Export ▾'])
})
