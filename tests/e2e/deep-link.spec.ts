// The Markdown export's deep links (glossa://open/<notebook>/passage/<id>) open Glossa at that
// passage; the browser host understands the same path as the hash route #/open/….
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { addPastedSource, highlight, markPassage, openSeedNotebook } from './helpers'

test('a deep link to a passage opens its source and scrolls to it; a stale link says so', async ({
  glossa,
}) => {
  const { page, dataDir } = glossa
  await openSeedNotebook(page)
  await markPassage(page, 'Hareer base in the Kurdistan region')
  await expect(highlight(page)).toHaveCount(1)
  // Read the passage's id and the notebook's id from the file, as an export would print them.
  const dir = join(dataDir, 'notebooks')
  const saved = async () => {
    const [file] = (await readdir(dir)).filter((n) => n.endsWith('.json'))
    return JSON.parse(await readFile(join(dir, file), 'utf8'))
  }
  await expect.poll(async () => (await saved()).annotations.length).toBe(1)
  const nb = await saved()
  const passageId: string = nb.annotations[0].id
  const articleId: string = nb.annotations[0].sourceId

  // Somewhere else in the notebook: a new source is open and the article is not.
  await addPastedSource(page, 'Briefing', 'Phase two runs until 2026.')
  await expect(page.getByRole('main', { name: 'Source' })).not.toContainText('Hareer')

  await page.evaluate((hash) => (location.hash = hash), `#/open/${nb.id}/passage/${passageId}`)
  const reader = page.getByRole('main', { name: 'Source' })
  await expect(reader).toContainText('Hareer base in the Kurdistan region')
  await expect(highlight(page, passageId)).toBeInViewport()
  // The link's route is replaced by the source's, so a reload stays on the article.
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/nb/${nb.id}/s/${articleId}`)

  await page.evaluate((hash) => (location.hash = hash), `#/open/${nb.id}/passage/no-such-passage`)
  await expect(page.getByText('The linked passage is no longer in this notebook.')).toBeVisible()
  await expect(reader).toBeVisible()
})
