// The margin with hundreds of tags and passages: the filter panel scrolls on its own, so the
// passages a chip matches show beside it; the passages scroll on their own, to the selected one;
// pressing a chip moves no other chip; a long tag name does not widen the margin.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { generateNotebook } from '../../bench/generate'
import { expect, test } from './fixtures'
import { highlight } from './helpers'

const TITLE = 'Margin at scale'

/** A generated notebook (600 passages, 120 tags in 4 facets) dropped into the data dir, then opened. */
async function openBigNotebook(page: Page, dataDir: string) {
  const nb = generateNotebook(
    { passages: 600, sources: 3, words: 3_000, tags: 120, facets: 4, links: 20, notes: 2 },
    5,
  )
  nb.title = TITLE
  // One tag with a name far wider than the margin.
  nb.tags[1] = { ...nb.tags[1], name: `${nb.tags[1].name}/${'verylongtagname'.repeat(6)}` }
  await mkdir(join(dataDir, 'notebooks'), { recursive: true })
  await writeFile(join(dataDir, 'notebooks', 'margin-at-scale.json'), JSON.stringify(nb))
  await page.reload()
  await page.getByRole('button', { name: new RegExp(TITLE) }).click()
  await expect(highlight(page).first()).toBeVisible()
  const uses = new Map<string, number>()
  for (const a of nb.annotations) for (const id of a.tagIds) uses.set(id, (uses.get(id) ?? 0) + 1)
  const mostUsed = [...nb.tags].sort((a, b) => (uses.get(b.id) ?? 0) - (uses.get(a.id) ?? 0))[0]
  return { nb, mostUsed, longName: nb.tags[1].name }
}

for (const [width, height] of [
  [1024, 700],
  [1440, 900],
] as const) {
  test(`at ${width}×${height}, a chip's matches show beside the open filter panel, which stays inside the margin`, async ({
    glossa,
  }) => {
    const { page, dataDir } = glossa
    await page.setViewportSize({ width, height })
    const { mostUsed, longName } = await openBigNotebook(page, dataDir)
    const margin = page.getByRole('complementary', { name: 'Passages' })
    await margin.getByRole('button', { name: 'Filter', exact: true }).click()
    const panel = page.getByRole('region', { name: 'Filter by tags' })
    const chip = panel.getByRole('button', { name: mostUsed.name, exact: true })
    // Where the chip sits among its facet's chips (not on screen: the panel may scroll).
    const place = () =>
      chip.evaluate((el) => {
        const c = el.closest('.facet-tag') as HTMLElement
        return [c.offsetLeft, c.offsetTop, c.offsetWidth, c.offsetHeight]
      })
    const before = await place()
    await chip.click()
    await expect(chip).toHaveAttribute('aria-pressed', 'true')
    // The pressed chip kept its size and place (a bolder label widened it and moved the next ones).
    expect(await place()).toEqual(before)
    // The first match is in view without scrolling past the panel's chips.
    const matches = page.getByRole('list', { name: 'Matching passages' })
    await expect(matches.getByRole('article').first()).toBeInViewport()
    // Nothing is wider than the margin: the long tag name is cut, not overflowing.
    const long = panel.getByRole('button', { name: longName, exact: true })
    await long.scrollIntoViewIfNeeded()
    const overflow = await margin.evaluate((el) => [
      el.scrollWidth - el.clientWidth,
      el.querySelector('.filter-panel')!.scrollWidth - el.querySelector('.filter-panel')!.clientWidth,
    ])
    expect(overflow).toEqual([0, 0])
    const box = (await margin.boundingBox())!
    const chipBox = (await long.boundingBox())!
    expect(chipBox.x + chipBox.width).toBeLessThanOrEqual(box.x + box.width)
  })
}

test('the passages scroll on their own to the passage selected in the source', async ({ glossa }) => {
  const { page, dataDir } = glossa
  const { nb } = await openBigNotebook(page, dataDir)
  const source = nb.sources[0].id
  const own = nb.annotations
    .filter((a) => a.sourceId === source && a.status === 'anchored')
    .sort((a, b) => a.target.position.start - b.target.position.start)
  // A passage far down the source, overlapping no other one (a click on it selects it alone).
  const far = own
    .slice(own.length - 40)
    .find(
      (a) =>
        !own.some(
          (b) =>
            b.id !== a.id &&
            b.target.position.start < a.target.position.end &&
            a.target.position.start < b.target.position.end,
        ),
    )!
  const margin = page.getByRole('complementary', { name: 'Passages' })
  await expect(margin.locator(`[data-passage-card="${far.id}"]`)).toHaveCount(0)
  await highlight(page, far.id).first().click()
  const card = margin.locator(`[data-passage-card="${far.id}"]`)
  await expect(card).toBeInViewport()
  // The heading stayed in view above the scrolled list.
  await expect(margin.getByRole('button', { name: 'Filter', exact: true })).toBeInViewport()
})
