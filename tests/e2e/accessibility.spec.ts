import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { markPassage, openSeedNotebook, passageCard, selectInSource } from './helpers'

async function noSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
}

// One screen per test: a scan of a busy page takes seconds on a loaded machine, and several
// in one test would near its timeout.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`no serious accessibility violations (${colorScheme})`, () => {
    test.beforeEach(async ({ glossa }) => {
      await glossa.page.emulateMedia({ colorScheme })
    })

    test('library', async ({ glossa }) => {
      const { page } = glossa
      await expect(page.getByRole('button', { name: /study notebook/ })).toBeVisible()
      await noSeriousViolations(page, 'library')
    })

    test('passage with note, and the selection toolbar', async ({ glossa }) => {
      const { page } = glossa
      await openSeedNotebook(page)
      await selectInSource(page, 'Ain al-Asad and Baghdad International Airport')
      await page.keyboard.press('n')
      await expect(passageCard(page, 'Ain al-Asad').getByRole('textbox', { name: /Note on/ })).toBeFocused()
      await page.keyboard.type('A note.')
      await selectInSource(page, 'Hareer base')
      await noSeriousViolations(page, 'passage with note and toolbar')
    })

    test('filter panel', async ({ glossa }) => {
      const { page } = glossa
      await openSeedNotebook(page)
      await page.getByRole('button', { name: 'Filter', exact: true }).click()
      await expect(page.getByRole('region', { name: 'Filter by tags' })).toBeVisible()
      await noSeriousViolations(page, 'filter panel')
    })

    for (const [button, dialog] of [
      ['Tags', 'Tags'],
      ['Search', 'Search'],
    ] as const) {
      test(`${dialog} dialog`, async ({ glossa }) => {
        const { page } = glossa
        await openSeedNotebook(page)
        await page.getByRole('button', { name: button, exact: true }).click()
        await expect(page.getByRole('dialog', { name: dialog })).toBeVisible()
        await noSeriousViolations(page, `${dialog} dialog`)
      })
    }

    test('note page', async ({ glossa }) => {
      const { page } = glossa
      await openSeedNotebook(page)
      await page.getByRole('button', { name: 'New note' }).click()
      await expect(page.getByRole('textbox', { name: 'Note page text' })).toBeVisible()
      await noSeriousViolations(page, 'note page')
    })

    test('graph', async ({ glossa }) => {
      const { page } = glossa
      await openSeedNotebook(page)
      await markPassage(page, 'Hareer base')
      await page.getByRole('button', { name: 'Graph', exact: true }).click()
      await expect(page.getByText(/passages?, \d+ note pages?/)).toBeVisible()
      await noSeriousViolations(page, 'graph')
    })
  })
}
