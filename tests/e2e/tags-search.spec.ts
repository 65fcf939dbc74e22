import { expect, test } from './fixtures'
import { addPastedSource, markPassage, openSeedNotebook, passageCard, selectInSource } from './helpers'
import { expectFlashed } from './flash-recorder'

test('tag a passage, filter by its facet, rename the tag and see it after a reload', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await selectInSource(page, 'Ain al-Asad')
  await page
    .getByRole('toolbar', { name: 'Passage actions' })
    .getByRole('button', { name: 'Add tag' })
    .click()
  const picker = page.getByRole('dialog', { name: 'Add tag' })
  const input = picker.getByRole('combobox', { name: 'Tag name' })
  await expect(input).toBeFocused()
  await input.fill('ain-al')
  await expect(picker.getByRole('option', { name: /base\/ain-al-asad/ })).toBeVisible()
  await input.press('Enter')
  await picker.getByRole('button', { name: 'Done' }).click()
  const card = passageCard(page, 'Ain al-Asad')
  await expect(card.getByText('base/ain-al-asad')).toBeVisible()
  // With no color chosen, the highlight takes its first tag's color (the seed's #b35a1f).
  await expect(
    page.locator('.source-text [data-passage]').filter({ hasText: 'Ain al-Asad' }),
  ).toHaveAttribute('style', /--hl: #b35a1f/)

  // A second, untagged passage, which the filter must leave out.
  await markPassage(page, 'Hareer base')
  await page.getByRole('button', { name: 'Filter', exact: true }).click()
  await page.getByRole('group', { name: 'Bases' }).getByRole('button', { name: 'Bases' }).click()
  const matches = page.getByRole('list', { name: 'Matching passages' })
  await expect(matches.getByRole('article')).toHaveCount(1)
  await expect(matches).toContainText('Ain al-Asad')
  await expect(page.getByRole('status').filter({ hasText: 'Filter:' })).toContainText('base/ain-al-asad')
  // The untagged passage's highlight is dimmed in the reader (its tint at 10 %), the tagged one not.
  const highlight = (text: string) => page.locator('.source-text [data-passage]').filter({ hasText: text })
  const dimmed = /(\/ 0\.1\)|, 0\.1\))$/
  await expect(highlight('Hareer base')).toHaveCSS('background-color', dimmed)
  await expect(highlight('Ain al-Asad')).not.toHaveCSS('background-color', dimmed)
  await page.getByRole('button', { name: 'Clear filter' }).click()
  await expect(page.locator('.passage-list > li')).toHaveCount(2)
  await expect(highlight('Hareer base')).not.toHaveCSS('background-color', dimmed)

  await page.getByRole('button', { name: 'Tags', exact: true }).click()
  const manager = page.getByRole('dialog', { name: 'Tags' })
  await manager.getByRole('treeitem', { name: /^base\/ain-al-asad,/ }).click()
  const name = manager.getByRole('textbox', { name: 'Name of tag base/ain-al-asad' })
  await name.fill('base/al-asad-airbase')
  await name.press('Enter')
  await manager.getByRole('button', { name: 'Close' }).click()
  await expect(card.getByText('base/al-asad-airbase')).toBeVisible()
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  await page.reload()
  await expect(passageCard(page, 'Ain al-Asad').getByText('base/al-asad-airbase')).toBeVisible()
})

test('a duplicate or empty tag name is refused with a message', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await page.getByRole('button', { name: 'Tags', exact: true }).click()
  const manager = page.getByRole('dialog', { name: 'Tags' })
  await manager.getByRole('treeitem', { name: /^base\/harir,/ }).click()
  const name = manager.getByRole('textbox', { name: 'Name of tag base/harir' })
  await name.fill('PHASE/1')
  await name.press('Enter')
  await expect(manager.getByRole('alert')).toHaveText('A tag named “phase/1” already exists.')
  await name.fill(' / / ')
  await name.press('Enter')
  await expect(manager.getByRole('alert')).toContainText('needs at least one letter')
  await expect(manager.getByRole('textbox', { name: 'Name of tag base/harir' })).toBeVisible()
})

test('Ctrl+K finds "Hareer" and jumps to the passage in the article', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await markPassage(page, 'Hareer base in the Kurdistan region')
  // Go somewhere else first: a second source.
  await addPastedSource(page, 'Other reading', 'Nothing about bases here.')

  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Search the notebook' })
  await expect(search).toBeFocused()
  await search.fill('Hareer')
  const first = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()
  await expect(first).toContainText('Passage')
  await expect(first.locator('mark')).toHaveText('Hareer')
  await search.press('Enter')
  await expect(page.getByRole('main', { name: 'Source' })).toContainText('Ain al-Asad')
  await expect(passageCard(page, 'Hareer base')).toHaveAttribute('aria-current', 'true')
  await expectFlashed(page, { className: 'passage-flash', text: 'Hareer base in the Kurdistan region' })
})

test('Ctrl+K "Harir" finds the passage saying "Hareer": the seed entity\'s other names are searched too', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  // An untagged passage: no tag path (base/harir) can bring it, only the entity Harir = Hareer.
  await markPassage(page, 'Hareer base in the Kurdistan region')

  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Search the notebook' })
  await expect(search).toBeFocused()
  await search.fill('Harir')
  const results = page.getByRole('listbox', { name: 'Search results' })
  const passage = results
    .getByRole('option')
    .filter({ hasText: 'Passage' })
    .filter({ hasText: 'Hareer base' })
  await expect(passage).toHaveCount(1)
  await expect(passage.locator('mark')).toHaveText('Hareer')
  await search.press('Escape')
})

test('a search with only operators or an unbalanced quote still answers', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Search the notebook' })
  for (const q of ['tag:', 'is:orphaned', '"Ain al', 'source: tag: is:', '"""', '((']) {
    await search.fill(q)
    // Results, "No results", or what the query still needs (e.g. "tag: needs a value").
    const answer = page
      .getByRole('listbox', { name: 'Search results' })
      .or(page.locator('#search-problems[role="status"]'))
    await expect(answer.first()).toBeVisible()
  }
  await search.fill('"Ain al')
  await expect(
    page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first(),
  ).toContainText('Ain al')
})
