// The analyst's views on the seeded notebook: the Timeline (both phases and the 2003–2014
// history in order, found dates accepted and corrected, bad dates refused), the Places map
// (the three bases, Harir with its alias Hareer; coordinates out of range refused), and a
// passage graded and found with grade: filters; a typed link between passages draws a move.
import { expect, test } from './fixtures'
import { markPassage, openSeedNotebook, passageCard } from './helpers'
import { linkTo, mark } from './link-helpers'

test('the Timeline shows both phases and the 2003–2014 history in order, from the first start', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await page
    .getByRole('navigation', { name: 'Notebook contents' })
    .getByRole('button', { name: 'Timeline' })
    .click()
  const timeline = page.getByRole('main', { name: 'Timeline' })
  await expect(timeline).toBeVisible()
  const entries = page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem')
  const texts = await entries.allTextContents()
  const at = (needle: string) => texts.findIndex((t) => t.includes(needle))
  const history = ['invasion in 2003', 'peaked in 2007', 'combat troops in 2011', 'rise of ISIS in 2014'].map(
    at,
  )
  expect(history.every((i) => i >= 0)).toBe(true)
  expect([...history].sort((a, b) => a - b)).toEqual(history)
  const phase1 = at('the first phase, expected to run through September 2025')
  const phase2 = at('The second phase anticipates continued U.S. operations in Iraq until 2026')
  expect(phase1).toBeGreaterThan(history[3])
  expect(phase2).toBeGreaterThan(phase1)
  // Both phases are drawn as periods on the timeline itself.
  await expect(timeline.getByRole('button', { name: /^until Sep 2025: .*the first phase/ })).toBeVisible()
  await expect(timeline.getByRole('button', { name: /^until 2026: .*The second phase/ })).toBeVisible()

  // Zoom from decades to months.
  const zoomOut = timeline.getByRole('button', { name: 'Zoom out' })
  const zoomIn = timeline.getByRole('button', { name: 'Zoom in' })
  while (await zoomOut.isEnabled()) await zoomOut.click()
  await expect(timeline.getByRole('group', { name: 'Zoom' })).toContainText('decades')
  while (await zoomIn.isEnabled()) await zoomIn.click()
  await expect(timeline.getByRole('group', { name: 'Zoom' })).toContainText('months')

  // Accept the phase 1 date: its clause becomes a dated passage. Then correct a found date,
  // with impossible and unreadable dates refused first.
  const phase = entries.filter({ hasText: 'the first phase' })
  await phase.getByRole('button', { name: 'Mark as dated passage' }).click()
  await expect(entries.filter({ hasText: 'the first phase' })).not.toContainText('found:')
  const peak = entries.filter({ hasText: 'peaked in 2007' })
  await peak.getByRole('button', { name: 'Correct' }).click()
  const field = peak.getByRole('textbox', { name: 'Date' })
  await field.fill('2007-13')
  await peak.getByRole('button', { name: 'Save date' }).click()
  await expect(peak.getByRole('alert')).toHaveText('There is no month 13.')
  await field.fill('sometime')
  await peak.getByRole('button', { name: 'Save date' }).click()
  await expect(peak.getByRole('alert')).toContainText('“sometime” is not a date Glossa can read.')
  await field.fill('January 2007')
  await peak.getByRole('button', { name: 'Save date' }).click()
  await expect(entries.filter({ hasText: 'Jan 2007' })).toContainText('peaked in 2007')

  // The search box narrows the timeline; a click on an entry goes to its passage.
  await timeline.getByRole('searchbox', { name: 'Filter the timeline' }).fill('phase')
  await expect(entries).toHaveCount(2)
  await entries.filter({ hasText: 'the first phase' }).getByRole('button').first().click()
  await expect(page.getByRole('main', { name: 'Source' })).toBeVisible()
  await expect(passageCard(page, 'the first phase')).toHaveAttribute('aria-current', 'true')
})

test('the Places view shows the three bases on the map, Harir with its alias Hareer', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await page
    .getByRole('navigation', { name: 'Notebook contents' })
    .getByRole('button', { name: 'Places' })
    .click()
  const places = page.getByRole('main', { name: 'Places' })
  const map = places.getByRole('group', { name: 'Map' })
  for (const name of ['Ain al-Asad', 'Baghdad International Airport', 'Harir'])
    await expect(map.getByRole('button', { name: new RegExp(`^${name},`) })).toBeVisible()
  await expect(map.getByRole('button', { name: /^Harir, Hareer/ })).toContainText('Harir (Hareer)')
  const list = page.getByRole('list', { name: 'Places on the map' })
  await expect(list.getByRole('listitem').filter({ hasText: 'Harir' })).toContainText('also Hareer')

  // An entity's page: the passages about it, its mentions to confirm, and coordinates checked.
  await map.getByRole('button', { name: /^Harir,/ }).click()
  const entity = page.getByRole('main', { name: 'Entity: Harir' })
  const mentions = entity.getByRole('list', { name: 'Mentions to confirm' })
  await expect(mentions).toContainText('as “Hareer”')
  await mentions.getByRole('button', { name: 'Confirm as passage' }).click()
  await expect(entity.getByRole('list', { name: 'Passages about it' })).toContainText('Hareer base')
  const details = page.getByRole('complementary', { name: 'Entity details' })
  await details.getByRole('textbox', { name: 'Latitude' }).fill('95')
  await details.getByRole('button', { name: 'Save coordinates' }).click()
  await expect(details.getByRole('alert')).toContainText('latitude is between -90 and 90')
})

test('a passage is graded, shows its grade on its card, and is found by grade: filters', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await expect(page.getByRole('main', { name: 'Source' })).toContainText('Reliability B')
  await markPassage(page, 'relocating troops to Hareer base')
  const card = passageCard(page, 'relocating troops to Hareer base')
  await card.getByRole('button', { name: 'Grade' }).click()
  const dialog = page.getByRole('dialog', { name: 'Grade passage' })
  await dialog.getByRole('combobox', { name: 'Credibility' }).selectOption({ label: '2 — Probably true' })
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Stated by U.S. officials, reported by AP.')
  await dialog.getByRole('button', { name: 'Save grade' }).click()
  await expect(card.getByRole('button', { name: 'Grade B2' })).toBeVisible()

  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Search the notebook' })
  await search.fill('grade:B2')
  const results = page.getByRole('listbox', { name: 'Search results' })
  await expect(results.getByRole('option')).toHaveCount(1)
  await expect(results).toContainText('relocating troops to Hareer base')
  await search.fill('grade:<=C1')
  await expect(results.getByRole('option')).toHaveCount(0)
  await search.fill('grade:<=C3 Hareer')
  await expect(results.getByRole('option')).toHaveCount(1)
})

test('a typed link between passages about two places draws the move on the map', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  const bases = 'Ain al-Asad and Baghdad International Airport'
  await mark(page, bases)
  await mark(page, 'relocating troops to Hareer base')
  await passageCard(page, bases).getByRole('button', { name: 'Link passage' }).click()
  await expect(await linkTo(page, 'Hareer', /relocating troops to Hareer base/, 'precedes')).toBeHidden()
  await page
    .getByRole('navigation', { name: 'Notebook contents' })
    .getByRole('button', { name: 'Places' })
    .click()
  const places = page.getByRole('main', { name: 'Places' })
  await expect(places).toContainText('5 on the map · 2 moves from linked passages')
  // Both bases of phase 1 → Harir, in words beside the map and as arrows on it.
  const moves = page.getByRole('list', { name: 'Moves' }).getByRole('listitem')
  await expect(moves).toHaveText([
    'Ain al-Asad → Harir (precedes)',
    'Baghdad International Airport → Harir (precedes)',
  ])
  const arrows = places.getByRole('group', { name: 'Map' }).locator('path.map-move')
  await expect(arrows).toHaveCount(2)
  await expect(arrows.first().locator('title')).toHaveText('Ain al-Asad → Harir (precedes)')
})

test('a passage is dated by hand and a found date rejected on its card; a shared alias is flagged', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  const quote = 'The second phase anticipates continued U.S. operations in Iraq until 2026'
  await mark(page, quote)
  const dates = passageCard(page, quote).getByRole('list', { name: 'Dates' })
  await expect(dates).toContainText('Found “until 2026”:')
  await dates
    .getByRole('listitem')
    .filter({ hasText: 'Found “until 2026”' })
    .getByRole('button', { name: 'Reject' })
    .click()
  await expect(dates).not.toContainText('until 2026')
  await dates.getByRole('button', { name: '+ Date' }).click()
  const field = dates.getByRole('textbox', { name: 'Date' })
  await field.fill('2025-02-30')
  await dates.getByRole('button', { name: 'Add date' }).click()
  await expect(dates.getByRole('alert')).toHaveText('Feb 2025 has 28 days; there is no day 30.')
  await field.fill('2003–2014')
  await dates.getByRole('button', { name: 'Add date' }).click()
  await expect(dates).toContainText('2003 – 2014')

  // The Timeline places the passage by the date given by hand; the rejected words are not suggested again.
  const nav = page.getByRole('navigation', { name: 'Notebook contents' })
  await nav.getByRole('button', { name: 'Timeline' }).click()
  const entries = page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem')
  await expect(entries.filter({ hasText: 'The second phase' })).toContainText('2003 – 2014')
  await expect(entries.filter({ hasText: 'found: “until 2026”' })).toHaveCount(0)

  // Syria given Harir's alias Hareer: flagged on the page, the two entities kept apart.
  await nav.getByRole('button', { name: 'Places' }).click()
  await page
    .getByRole('main', { name: 'Places' })
    .getByRole('group', { name: 'Map' })
    .getByRole('button', { name: /^Syria,/ })
    .click()
  const details = page.getByRole('complementary', { name: 'Entity details' })
  await details.getByRole('textbox', { name: 'New alias' }).fill('Hareer')
  await details.getByRole('button', { name: 'Add alias' }).click()
  await expect(page.getByRole('main', { name: 'Entity: Syria' }).getByRole('note')).toContainText(
    '“Hareer” is also a name of Harir',
  )
  await nav.getByRole('button', { name: 'Places' }).click()
  const map = page.getByRole('main', { name: 'Places' }).getByRole('group', { name: 'Map' })
  await expect(map.getByRole('button', { name: /^Harir, Hareer/ })).toBeVisible()
  await expect(map.getByRole('button', { name: /^Syria, .*Hareer/ })).toBeVisible()
})
