import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { openSeedNotebook, passageCard } from './helpers'
import { AIN, linkTo, mark, PHASE1 } from './link-helpers'
import { expectFlashed } from './flash-recorder'

test('a note page with a [[ reference lists as a backlink of the passage, survives a reload, and both navigate', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  const phaseId = await mark(page, PHASE1)

  await page.getByRole('button', { name: 'New note' }).click()
  const title = page.getByRole('textbox', { name: 'Note title' })
  await expect(title).toHaveValue('Untitled note')
  await title.fill('Study notes')
  await title.press('Enter')
  await expect(
    page.getByRole('navigation').getByRole('button', { name: 'Study notes', exact: true }),
  ).toBeVisible()

  const body = page.getByRole('textbox', { name: 'Note page text' })
  await body.click()
  await page.keyboard.type('Timeline: phase 1 ')
  await page.keyboard.type('[[first phase')
  const popup = page.getByRole('listbox', { name: 'Passages to reference' })
  await expect(popup.getByRole('option')).toHaveCount(1)
  await expect(popup.getByRole('option').first()).toContainText('the first phase, expected to run')
  await page.keyboard.press('Enter')
  await expect(popup).toHaveCount(0)
  const ref = body.locator(`[data-passage-ref="${phaseId}"]`)
  await expect(ref).toHaveText(/^“the first phase, expected to run/)
  await page.keyboard.type('ends the mission.')
  await expect(body).toContainText('ends the mission.')
  await expect(page.getByRole('complementary', { name: 'Note links' })).toContainText('the first phase')
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Note title' })).toHaveValue('Study notes')
  await expect(
    page.getByRole('textbox', { name: 'Note page text' }).locator(`[data-passage-ref="${phaseId}"]`),
  ).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Note page text' })).toContainText('ends the mission.')

  // The reference opens the passage in its source…
  await page
    .getByRole('textbox', { name: 'Note page text' })
    .locator(`[data-passage-ref="${phaseId}"]`)
    .click()
  await expect(page.getByRole('main', { name: 'Source' })).toBeVisible()
  await expectFlashed(page, { className: 'passage-flash', passage: phaseId })
  // …whose card lists the page among its backlinks, which leads back to the page.
  const backlink = passageCard(page, PHASE1).getByRole('button', { name: 'referenced in ‘Study notes’' })
  await expect(backlink).toBeVisible()
  await backlink.click()
  await expect(page.getByRole('textbox', { name: 'Note title' })).toHaveValue('Study notes')
  await expectFlashed(page, { className: 'ref-flash', ref: phaseId })
})

test('a reference to a deleted passage shows a "missing passage" chip; pages are renamed and deleted with undo', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  const phaseId = await mark(page, PHASE1)
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note page text' }).click()
  await page.keyboard.type('See [[september')
  await page.keyboard.press('Enter')
  await expect(page.locator(`[data-passage-ref="${phaseId}"]`)).toBeVisible()
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()

  await page
    .getByRole('navigation')
    .getByRole('button', { name: /^U\.S\. and Iraq agree/ })
    .click()
  await passageCard(page, PHASE1).getByRole('button', { name: 'Delete passage' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete passage?' })
  await expect(confirm).toContainText('1 note page refers to it and will show it as missing.')
  await confirm.getByRole('button', { name: 'Delete passage', exact: true }).click()
  await expect(passageCard(page, PHASE1)).toHaveCount(0)
  await page.getByRole('navigation').getByRole('button', { name: 'Untitled note', exact: true }).click()
  const chip = page.locator(`[data-passage-ref="${phaseId}"]`)
  await expect(chip).toHaveText('missing passage')
  await expect(chip).toHaveClass(/is-missing/)
  await expect(page.getByRole('complementary', { name: 'Note links' })).toContainText('missing passage')

  await page.getByRole('button', { name: 'Rename note “Untitled note”' }).click()
  await page.getByRole('dialog', { name: 'Rename note' }).getByLabel('Title').fill('Analysis')
  await page.getByRole('dialog', { name: 'Rename note' }).getByRole('button', { name: 'Rename' }).click()
  await expect(page.getByRole('textbox', { name: 'Note title' })).toHaveValue('Analysis')

  await page.getByRole('button', { name: 'Delete note “Analysis”' }).click()
  await page
    .getByRole('dialog', { name: 'Delete note?' })
    .getByRole('button', { name: 'Delete note' })
    .click()
  await expect(
    page.getByRole('navigation').getByRole('button', { name: 'Analysis', exact: true }),
  ).toHaveCount(0)
  await expect(page.getByRole('main', { name: 'Note' })).toContainText('no longer exists')
  await page
    .locator('.toast', { hasText: 'Deleted “Analysis”' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(page.getByRole('textbox', { name: 'Note title' })).toHaveValue('Analysis')
  await expect(page.locator(`[data-passage-ref="${phaseId}"]`)).toHaveText('missing passage')
})

test('a passage can be linked to a note page; the link shows and navigates at both ends', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note title' }).fill('Withdrawal timeline')
  await page.getByRole('textbox', { name: 'Note title' }).press('Enter')
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /^U\.S\. and Iraq agree/ })
    .click()
  await mark(page, PHASE1)
  await passageCard(page, PHASE1).getByRole('button', { name: 'Link passage' }).click()
  await linkTo(page, 'timeline', /Withdrawal timeline/, 'supports')
  const toNote = passageCard(page, PHASE1).getByRole('button', { name: /^supports → ‘Withdrawal timeline’/ })
  await toNote.click()
  await expect(page.getByRole('textbox', { name: 'Note title' })).toHaveValue('Withdrawal timeline')
  const back = page
    .getByRole('complementary', { name: 'Note links' })
    .getByRole('button', { name: /^supported by ← “the first phase/ })
  await expect(back).toBeVisible()
  await back.click()
  await expect(passageCard(page, PHASE1)).toHaveAttribute('aria-current', 'true')
})

// Split in three so that no scan nears the test's time bound on a busy machine (each axe run
// takes seconds there).
async function axeCheck(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
}

async function twoLinkedPassages(page: Page, beforeLinking?: () => Promise<void>): Promise<void> {
  await openSeedNotebook(page)
  await mark(page, AIN)
  await mark(page, PHASE1)
  await passageCard(page, PHASE1).getByRole('button', { name: 'Link passage' }).click()
  await expect(page.getByRole('dialog', { name: 'Link passage' })).toBeVisible()
  await beforeLinking?.()
  await linkTo(page, 'asad', /Ain al-Asad/, 'elaborates', 'Phase 1 empties the base.')
}

test('the link dialog, linked cards and the Relations panel have no serious accessibility violations', async ({
  glossa,
}) => {
  const { page } = glossa
  await twoLinkedPassages(page, () => axeCheck(page, 'link dialog'))
  await axeCheck(page, 'cards with links')
  await page.getByRole('button', { name: 'Relations' }).click()
  await axeCheck(page, 'relations panel')
})

test('a note page with its [[ popup has no serious accessibility violations', async ({ glossa }) => {
  const { page } = glossa
  await twoLinkedPassages(page)
  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note page text' }).click()
  await page.keyboard.type('See [[asad')
  await expect(page.getByRole('listbox', { name: 'Passages to reference' })).toBeVisible()
  await axeCheck(page, 'note page with the [[ popup')
})

test('the graph, light and dark, and linked cards in dark have no serious accessibility violations', async ({
  glossa,
}) => {
  const { page } = glossa
  await twoLinkedPassages(page)
  await page.getByRole('button', { name: 'Graph' }).click()
  await expect(page.locator('.graph-canvas')).toHaveAttribute('data-nodes', '2')
  await axeCheck(page, 'graph')
  await page.emulateMedia({ colorScheme: 'dark' })
  await axeCheck(page, 'graph (dark)')
  await page.getByRole('button', { name: 'Close graph' }).click()
  await axeCheck(page, 'cards with links (dark)')
})
