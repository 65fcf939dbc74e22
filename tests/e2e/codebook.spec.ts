// The Tags panel as a codebook (#15): a tree by facet with counts, tags created before any
// passage has them, distinct colors in a facet, and which tags appear together.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { openSeedNotebook, selectInSource } from './helpers'

async function openTags(page: Page) {
  await page.getByRole('button', { name: 'Tags', exact: true }).click()
  const panel = page.getByRole('dialog', { name: 'Tags' })
  await expect(panel.getByRole('tree', { name: 'Codebook' })).toBeVisible()
  return panel
}

async function tagSelection(page: Page, quote: string, names: string[]) {
  await selectInSource(page, quote)
  await page.keyboard.press('t')
  const picker = page.getByRole('dialog', { name: 'Add tag' })
  for (const name of names) {
    await picker.getByRole('combobox', { name: 'Tag name' }).fill(name)
    await picker.getByRole('combobox', { name: 'Tag name' }).press('Enter')
  }
  await picker.getByRole('button', { name: 'Done' }).click()
}

test('the codebook is a tree by facet with counts, read and folded with the keyboard', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await tagSelection(page, 'Ain al-Asad', ['base/ain-al-asad', 'phase/1'])
  const panel = await openTags(page)
  const tree = panel.getByRole('tree', { name: 'Codebook' })
  const phases = tree.getByRole('treeitem', { name: 'Phases, 2 tags, 1 passage' })
  await expect(phases).toHaveAttribute('aria-expanded', 'true')
  await expect(phases.getByRole('treeitem', { name: 'phase/1, 1 passage' })).toBeVisible()
  await expect(tree.getByRole('treeitem', { name: 'phase/2, 0 passages' })).toBeVisible()
  // The first tag is selected and described beside the tree.
  await expect(tree.getByRole('treeitem', { name: /^phase\/1,/ })).toHaveAttribute('aria-selected', 'true')
  const details = panel.getByRole('region', { name: 'Tag phase/1' })
  await expect(details).toContainText('1 passage · facet Phases')
  await expect(details.getByRole('list', { name: 'Tags that appear with phase/1' })).toContainText(
    'base/ain-al-asad',
  )

  // One tab stop; arrows move the selection, Left folds and goes up, Right unfolds.
  await tree.getByRole('treeitem', { name: /^phase\/1,/ }).focus()
  await page.keyboard.press('ArrowDown')
  await expect(tree.getByRole('treeitem', { name: /^phase\/2,/ })).toBeFocused()
  await expect(panel.getByRole('region', { name: 'Tag phase/2' })).toBeVisible()
  await page.keyboard.press('ArrowLeft')
  await expect(phases).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(phases).toHaveAttribute('aria-expanded', 'false')
  await expect(tree.getByRole('treeitem', { name: /^phase\/2,/ })).toHaveCount(0)
  await expect(panel.getByRole('region', { name: 'Phases' })).toContainText('2 tags · 1 passage')
  await page.keyboard.press('ArrowRight')
  await expect(tree.getByRole('treeitem', { name: /^phase\/2,/ })).toBeVisible()
  await page.keyboard.press('End')
  await expect(tree.getByRole('treeitem').last()).toBeFocused()
})

test('a tag is created without a passage, refused when it exists, and the creation is undone', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  let panel = await openTags(page)
  const name = panel.getByRole('textbox', { name: 'New tag name' })
  await name.fill('actor/us army')
  await panel.getByRole('button', { name: 'Create tag' }).click()
  const tree = panel.getByRole('tree', { name: 'Codebook' })
  const created = tree.getByRole('treeitem', { name: 'actor/us army, 0 passages' })
  await expect(created).toHaveAttribute('aria-selected', 'true')
  await expect(tree.getByRole('treeitem', { name: 'actor, 1 tag, 0 passages' })).toBeVisible()
  await expect(panel.getByRole('region', { name: 'Tag actor/us army' })).toContainText('0 passages')
  await expect(name).toHaveValue('')

  // A name that exists (case aside) is refused under the field, which keeps what was typed.
  await name.fill('PHASE/1')
  await name.press('Enter')
  await expect(panel.getByRole('alert')).toHaveText('A tag named “phase/1” already exists.')
  await expect(name).toHaveValue('PHASE/1')
  await expect(name).toHaveAccessibleDescription('A tag named “phase/1” already exists.')
  await name.fill('  /  ')
  await name.press('Enter')
  await expect(panel.getByRole('alert')).toContainText('needs at least one letter')

  // "New tag in Phases" starts the name with the facet.
  // A facet's item holds its tags: its own row is at its top.
  await tree.getByRole('treeitem', { name: /^Phases,/ }).click({ position: { x: 60, y: 10 } })
  await panel.getByRole('button', { name: 'New tag in Phases' }).click()
  await expect(name).toBeFocused()
  await expect(name).toHaveValue('phase/')
  await name.pressSequentially('3')
  await name.press('Enter')
  await expect(tree.getByRole('treeitem', { name: 'phase/3, 0 passages' })).toHaveAttribute(
    'aria-selected',
    'true',
  )

  // The new tag is offered when tagging, and each creation is one undoable step.
  await panel.getByRole('button', { name: 'Close' }).click()
  await page.keyboard.press('Control+z')
  await expect(page.locator('.toast', { hasText: 'Undone: create tag' })).toBeVisible()
  panel = await openTags(page)
  await expect(panel.getByRole('treeitem', { name: /^phase\/3,/ })).toHaveCount(0)
  await expect(panel.getByRole('treeitem', { name: /^actor\/us army,/ })).toBeVisible()
  await panel.getByRole('button', { name: 'Close' }).click()
  await selectInSource(page, 'Ain al-Asad')
  await page.keyboard.press('t')
  const picker = page.getByRole('dialog', { name: 'Add tag' })
  await picker.getByRole('combobox', { name: 'Tag name' }).fill('us arm')
  await expect(picker.getByRole('option', { name: /actor\/us army/ })).toBeVisible()
})

test('tags of one facet get distinct colors, in one undoable step', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  let panel = await openTags(page)
  const tree = panel.getByRole('tree', { name: 'Codebook' })
  const colorOf = async (tag: string) => {
    await tree.getByRole('treeitem', { name: new RegExp(`^${tag},`) }).click()
    const details = panel.getByRole('region', { name: `Tag ${tag}` })
    return details.getByLabel(`Color of tag ${tag}`)
  }
  // The seed's two phases are two shades of blue.
  await expect(await colorOf('phase/1')).toHaveValue('#2f6fb3')
  // A facet's item holds its tags: its own row is at its top.
  await tree.getByRole('treeitem', { name: /^Phases,/ }).click({ position: { x: 60, y: 10 } })
  await panel.getByRole('button', { name: 'Distinct colors' }).click()
  await expect(panel.getByRole('button', { name: 'Distinct colors' })).toBeDisabled()
  await tree.getByRole('treeitem', { name: /^phase\/1,/ }).click()
  await expect(panel.getByRole('radio', { name: 'Blue' })).toHaveAttribute('aria-checked', 'true')
  await tree.getByRole('treeitem', { name: /^phase\/2,/ }).click()
  await expect(panel.getByRole('radio', { name: 'Orange' })).toHaveAttribute('aria-checked', 'true')
  // A new tag in the facet takes a color none of its tags has.
  await panel.getByRole('textbox', { name: 'New tag name' }).fill('phase/3')
  await panel.getByRole('button', { name: 'Create tag' }).click()
  await expect(
    panel.getByRole('region', { name: 'Tag phase/3' }).getByRole('radio', { name: 'Green' }),
  ).toHaveAttribute('aria-checked', 'true')
  // Picking a swatch recolors the tag.
  await panel.getByRole('radio', { name: 'Teal' }).click()
  await expect(panel.getByRole('radio', { name: 'Teal' })).toHaveAttribute('aria-checked', 'true')

  await panel.getByRole('button', { name: 'Close' }).click()
  await page.keyboard.press('Control+z') // the recolor
  await page.keyboard.press('Control+z') // the creation
  await page.keyboard.press('Control+z') // the distinct colors
  await expect(page.locator('.toast', { hasText: 'Undone: give distinct colors' })).toBeVisible()
  panel = await openTags(page)
  await expect(await colorOf('phase/2')).toHaveValue('#4f8fd6')
})

test('the co-occurrence table lists tags found together and shows their passages', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  let panel = await openTags(page)
  await panel.getByRole('tab', { name: /Co-occurrence/ }).click()
  await expect(panel.getByRole('tabpanel')).toContainText('No passage carries two tags yet.')
  await panel.getByRole('button', { name: 'Close' }).click()

  await tagSelection(page, 'Ain al-Asad', ['base/ain-al-asad', 'phase/1'])
  await tagSelection(page, 'Hareer base in the Kurdistan region', ['base/harir', 'phase/1'])
  await tagSelection(page, 'Baghdad International Airport', ['base/ain-al-asad', 'phase/1', 'base/harir'])
  panel = await openTags(page)
  await panel.getByRole('tab', { name: 'Co-occurrence (3)' }).click()
  const table = panel.getByRole('table', { name: 'Tags found together' })
  const rows = table.getByRole('row')
  // Header, then the pairs, most frequent first.
  await expect(rows).toHaveCount(4)
  await expect(rows.nth(1)).toContainText(/base\/ain-al-asad\s*phase\/1\s*2/)
  await expect(rows.nth(2)).toContainText(/base\/harir\s*phase\/1\s*2/)
  await expect(rows.nth(3)).toContainText(/base\/ain-al-asad\s*base\/harir\s*1/)
  const axe = await new AxeBuilder({ page }).include('dialog').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])

  await table.getByRole('button', { name: 'Show the 2 passages with base/harir and phase/1' }).click()
  await expect(panel).toHaveCount(0)
  const matches = page.getByRole('list', { name: 'Matching passages' })
  await expect(matches.getByRole('article')).toHaveCount(2)
  await expect(matches).toContainText('Hareer base')
  await expect(matches).toContainText('Baghdad International Airport')
})

test('a facet is renamed and removed from the codebook; its tags stay, and undo brings it back', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  let panel = await openTags(page)
  const tree = panel.getByRole('tree', { name: 'Codebook' })
  await tree.getByRole('treeitem', { name: /^Phases,/ }).click({ position: { x: 60, y: 10 } })
  const name = panel.getByRole('textbox', { name: 'Name of facet Phases' })
  await name.fill('Withdrawal phases')
  await name.press('Enter')
  await expect(tree.getByRole('treeitem', { name: /^Withdrawal phases, 2 tags,/ })).toBeVisible()
  await panel.getByRole('button', { name: 'Remove facet' }).click()
  // Undeclared, the facet is listed under its key, with the same tags.
  const bare = tree.getByRole('treeitem', { name: /^phase, 2 tags,/ })
  await expect(bare).toBeVisible()
  await expect(bare.getByRole('treeitem', { name: /^phase\/1,/ })).toBeVisible()
  await panel.getByRole('button', { name: 'Close' }).click()
  await page.keyboard.press('Control+z')
  await expect(page.locator('.toast', { hasText: 'Undone: remove facet' })).toBeVisible()
  panel = await openTags(page)
  await expect(panel.getByRole('treeitem', { name: /^Withdrawal phases, 2 tags,/ })).toBeVisible()
})
