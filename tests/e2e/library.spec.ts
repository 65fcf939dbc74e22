import AxeBuilder from '@axe-core/playwright'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'

const SEED_TITLE = 'U.S.–Iraq agreement: study notebook'

test('the library shows the seeded notebook, which opens on the article', async ({ glossa }) => {
  const { page } = glossa
  const card = page.getByRole('button', { name: new RegExp(SEED_TITLE) })
  await expect(card).toBeVisible()
  await expect(card).toContainText('1 source')
  await card.click()
  const reader = page.getByRole('main', { name: 'Source' })
  await expect(reader.getByRole('heading', { name: /U\.S\. and Iraq agree to conclude/ })).toBeVisible()
  await expect(reader).toContainText('Ain al-Asad')
  await expect(reader).toContainText('Hareer')
  await expect(reader).toContainText('apnews.com')
})

test('a new notebook survives a restart of the host', async ({ glossa }) => {
  const { page } = glossa
  await page.getByRole('button', { name: 'New notebook' }).click()
  const dialog = page.getByRole('dialog', { name: 'New notebook' })
  // An empty title is refused with a message, not created.
  await dialog.getByRole('button', { name: 'Create notebook' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Give the notebook a title.')
  await dialog.getByLabel('Title').fill('Kurdistan basing notes')
  await dialog.getByRole('button', { name: 'Create notebook' }).click()
  await expect(page.getByRole('heading', { name: 'Kurdistan basing notes' })).toBeVisible()
  await expect(page.getByText('No sources yet')).toBeVisible()
  await glossa.restart()
  await expect(page.getByRole('button', { name: /Kurdistan basing notes/ })).toBeVisible()
  await expect(page.getByRole('button', { name: new RegExp(SEED_TITLE) })).toBeVisible()
})

test('a damaged notebook file is listed with its reason and left as it was', async ({ glossa }) => {
  const { page } = glossa
  await expect(page.getByRole('button', { name: new RegExp(SEED_TITLE) })).toBeVisible()
  await writeFile(join(glossa.dataDir, 'notebooks', 'broken.json'), '{"schemaVersion":1,"title":"Half a note')
  await page.reload()
  const damaged = page.getByRole('region', { name: 'Files that could not be opened' })
  await expect(damaged).toContainText('broken.json')
  await expect(damaged).toContainText('not valid JSON')
  await expect(page.getByRole('button', { name: new RegExp(SEED_TITLE) })).toBeVisible()
})

test('library and notebook screens have no serious accessibility violations', async ({ glossa }) => {
  const { page } = glossa
  const check = async (where: string) => {
    const results = await new AxeBuilder({ page }).analyze()
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(bad.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([])
  }
  await expect(page.getByRole('button', { name: new RegExp(SEED_TITLE) })).toBeVisible()
  await check('library')
  await page.getByRole('button', { name: new RegExp(SEED_TITLE) }).click()
  await expect(page.getByRole('main', { name: 'Source' })).toContainText('Hareer')
  await check('notebook')
  await page.emulateMedia({ colorScheme: 'dark' })
  await check('notebook (dark)')
})
