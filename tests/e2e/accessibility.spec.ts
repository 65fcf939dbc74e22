import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { openSeedNotebook, selectInSource } from './helpers'

async function noSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`panels, note pages and the graph have no serious accessibility violations (${colorScheme})`, async ({
    glossa,
  }) => {
    const { page } = glossa
    await page.emulateMedia({ colorScheme })
    await openSeedNotebook(page)
    await selectInSource(page, 'Ain al-Asad and Baghdad International Airport')
    await page.keyboard.press('n')
    await page.keyboard.type('A note.')
    await noSeriousViolations(page, 'passage with note and toolbar')
    await page.locator('.source-header').click()
    await page.getByRole('button', { name: 'Filter', exact: true }).click()
    await noSeriousViolations(page, 'filter panel')
    for (const [button, dialog] of [
      ['Tags', 'Tags'],
      ['Search', 'Search'],
    ] as const) {
      await page.getByRole('button', { name: button, exact: true }).click()
      await expect(page.getByRole('dialog', { name: dialog })).toBeVisible()
      await noSeriousViolations(page, `${dialog} dialog`)
      await page.keyboard.press('Escape')
    }
    await page.getByRole('button', { name: 'New note' }).click()
    await expect(page.getByRole('textbox', { name: 'Note page text' })).toBeVisible()
    await noSeriousViolations(page, 'note page')
    await page.getByRole('button', { name: 'Graph', exact: true }).click()
    await expect(page.getByText(/passages?, \d+ note pages?/)).toBeVisible()
    await noSeriousViolations(page, 'graph')
  })
}
