// Two windows on one notebook (two Chromium contexts on one browser host): what one does, the
// other shows without a reload, both ways; and both files agree with what they show.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { openSeedNotebook, passageCard, secondWindow, selectInSource } from './helpers'

test('an edit in one window appears in the other, without a reload', async ({ glossa, browser }) => {
  const { page: a } = glossa
  const second = await secondWindow(glossa, browser)
  const b = second.page
  try {
    await openSeedNotebook(a)
    await openSeedNotebook(b)

    await selectInSource(a, 'Hareer base in the Kurdistan region')
    await a.keyboard.press('h')
    await expect(passageCard(a, 'Hareer base')).toBeVisible()
    await expect(passageCard(b, 'Hareer base')).toBeVisible()

    await selectInSource(b, 'Ain al-Asad')
    await b.keyboard.press('h')
    await expect(passageCard(a, 'Ain al-Asad')).toBeVisible()

    // Deleting in one window takes it away in the other.
    await passageCard(b, 'Hareer base')
      .getByRole('button', { name: /Delete passage/ })
      .click()
    await expect(passageCard(a, 'Hareer base')).toHaveCount(0)
    // The delete was made in b, so a's "Saved" says nothing about it: wait for the file itself.
    await expect(b.getByText('Saved', { exact: true })).toBeVisible()
    const dir = join(glossa.dataDir, 'notebooks')
    const quotesOnDisk = async (): Promise<string[]> => {
      const [file] = (await readdir(dir)).filter((n) => n.endsWith('.json'))
      return JSON.parse(await readFile(join(dir, file), 'utf8')).annotations.map(
        (p: { target: { quote: { exact: string } } }) => p.target.quote.exact,
      )
    }
    await expect.poll(quotesOnDisk).not.toContain('Hareer base in the Kurdistan region')
    expect(await quotesOnDisk()).toContain('Ain al-Asad')
  } finally {
    await second.close()
  }
})
