// Shared by the links, notes and graph specs.
import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { passageCard, selectInSource } from './helpers'

export const PHASE1 = 'the first phase, expected to run through September 2025'
export const AIN = 'Ain al-Asad'

/** Marks `quote` in the open source with the H shortcut; returns the new passage's id. */
export async function mark(page: Page, quote: string): Promise<string> {
  await selectInSource(page, quote)
  await page.keyboard.press('h')
  const card = passageCard(page, quote)
  await expect(card).toBeVisible()
  return (await card.getAttribute('data-passage-card'))!
}

/** Fills the open "Link passage" dialog and submits it; returns the dialog (gone on success). */
export async function linkTo(page: Page, search: string, target: RegExp, relation: string, comment = '') {
  const dialog = page.getByRole('dialog', { name: 'Link passage' })
  await dialog.getByRole('searchbox', { name: 'Find a passage or note page' }).fill(search)
  await dialog.getByRole('radio', { name: target }).check()
  await dialog.getByLabel('Relation').selectOption({ label: relation })
  if (comment) await dialog.getByLabel('Comment (optional)').fill(comment)
  await dialog.getByRole('button', { name: 'Link', exact: true }).click()
  return dialog
}
