// The saved search index (#16): a notebook opened again loads the index its last open built,
// kept by the core under the hash of the notebook file; an edited notebook builds and saves a
// new one; a damaged saved index is built again and replaced, and search never notices.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { addPastedSource, openSeedNotebook } from './helpers'

/** The saved index's file, read once it holds a whole snapshot (key, then the "GLSI" magic). */
async function savedIndex(dataDir: string, notKey?: string): Promise<{ path: string; key: string }> {
  const dir = join(dataDir, 'search-index')
  let found: { path: string; key: string } | undefined
  await expect
    .poll(async () => {
      const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.bin'))
      if (files.length !== 1) return `files: ${files.join(', ')}`
      const bytes = await readFile(join(dir, files[0]))
      const key = bytes.toString('latin1', 0, 64)
      if (key === notKey) return 'the old key'
      if (bytes.toString('latin1', 64, 68) !== 'GLSI') return 'not a snapshot'
      found = { path: join(dir, files[0]), key }
      return 'saved'
    })
    .toBe('saved')
  return found!
}

async function reopen(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Library' }).click()
  await openSeedNotebook(page)
}

async function expectFound(page: Page, query: string, text: string): Promise<void> {
  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Search the notebook' })
  await search.fill(query)
  const results = page.getByRole('listbox', { name: 'Search results' })
  await expect(results.getByRole('option').filter({ hasText: text })).not.toHaveCount(0)
  await search.press('Escape')
}

test('a notebook opened again finds what it held, from its saved index or a new one', async ({ glossa }) => {
  const { page, dataDir } = glossa
  const rebuilt: string[] = []
  page.on('console', (m) => m.text().includes('built the search index again') && rebuilt.push(m.text()))
  await openSeedNotebook(page)
  const first = await savedIndex(dataDir)
  expect(first.key).toMatch(/^[0-9a-f]{64}$/)
  await expectFound(page, 'Hareer', 'Hareer')

  // Opened again, unchanged: its index is the saved one (loaded, so not saved again), and
  // search answers as before.
  const calls: string[] = []
  page.on('request', (r) => r.url().includes('/api/') && calls.push(new URL(r.url()).pathname))
  const loaded = page.waitForResponse((r) => r.url().endsWith('/api/loadSearchIndex'))
  await reopen(page)
  await loaded
  await expectFound(page, 'Hareer', 'Hareer')
  // A built index is saved in the window's first idle period after it is built (the search
  // code is warm by now): once the page has been idle twice, a save would have been sent.
  await page.evaluate(
    () => new Promise<void>((r) => requestIdleCallback(() => requestIdleCallback(() => r()))),
  )
  expect(calls).not.toContain('/api/saveSearchIndex')
  expect((await savedIndex(dataDir)).key).toBe(first.key)

  // An edit changes the file: the next open builds, finds the new text, and saves under the new hash.
  await addPastedSource(page, 'Field report', 'Zanzibarian convoys left Erbil at dawn.')
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  await reopen(page)
  await expectFound(page, 'zanzibarian', 'Zanzibarian convoys')
  const second = await savedIndex(dataDir, first.key)
  expect(rebuilt).toEqual([]) // no saved index was refused so far

  // A damaged saved index (its last bytes lost) is refused, built again and replaced.
  const whole = await readFile(second.path)
  await writeFile(second.path, whole.subarray(0, whole.length - 8))
  // (No search until then: a query before the load answers builds the index itself, and one
  // whose saved copy arrived meanwhile is not saved again.)
  await reopen(page)
  await expect.poll(async () => (await readFile(second.path)).length).toBe(whole.length)
  expect(rebuilt).toEqual([expect.stringContaining('its size does not match its header')])
  expect((await savedIndex(dataDir)).key).toBe(second.key)
  await expectFound(page, 'zanzibarian', 'Zanzibarian convoys')
  await expectFound(page, 'Hareer', 'Hareer')
})
