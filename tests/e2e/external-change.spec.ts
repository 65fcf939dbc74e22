// Another program changes the notebook's file while it is open: with nothing pending the page
// reloads it and says so; with an edit not saved it asks, and each answer does what it says.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { highlight, openSeedNotebook, selectInSource } from './helpers'

const PHRASE = 'Hareer base in the Kurdistan region'

async function notebookPath(dataDir: string): Promise<string> {
  const dir = join(dataDir, 'notebooks')
  const [file] = (await readdir(dir)).filter((n) => n.endsWith('.json'))
  return join(dir, file)
}

/** Another program rewrites the file with a new title (and its own formatting). */
async function editElsewhere(path: string, title: string): Promise<string> {
  const text = JSON.stringify({ ...JSON.parse(await readFile(path, 'utf8')), title }, null, 4)
  await writeFile(path, text)
  return text
}

const focusWindow = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('focus')))
const title = (page: Page) => page.getByRole('banner').getByRole('heading', { level: 1 })

/** Their change lands while an edit of ours is on its way: the save is refused, not forced. */
async function conflict(page: Page, path: string): Promise<string> {
  await selectInSource(page, PHRASE)
  const theirs = await editElsewhere(path, 'Changed by another program')
  await page.keyboard.press('h')
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(
    'changed by another program',
  )
  expect(await readFile(path, 'utf8')).toBe(theirs)
  await focusWindow(page)
  await expect(page.getByRole('dialog', { name: 'The notebook changed on disk' })).toBeVisible()
  return theirs
}

test('reloads quietly when nothing is pending (on focus)', async ({ glossa }) => {
  const { page, dataDir } = glossa
  await openSeedNotebook(page)
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  await editElsewhere(await notebookPath(dataDir), 'Edited in another program')
  await focusWindow(page)
  await expect(page.getByText('Reloaded: the notebook changed on disk.')).toBeVisible()
  await expect(title(page)).toHaveText('Edited in another program')
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('notices a change within the 5-second check without focus', async ({ glossa }) => {
  const { page, dataDir } = glossa
  await openSeedNotebook(page)
  await editElsewhere(await notebookPath(dataDir), 'Edited while unfocused')
  await expect(title(page)).toHaveText('Edited while unfocused', { timeout: 12_000 })
})

test('asks when an edit is not saved; "Load theirs" takes the file and drops the edit', async ({
  glossa,
}) => {
  const { page, dataDir } = glossa
  await openSeedNotebook(page)
  const path = await notebookPath(dataDir)
  const theirs = await conflict(page, path)
  await page.getByRole('button', { name: 'Load theirs' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(title(page)).toHaveText('Changed by another program')
  await expect(highlight(page)).toHaveCount(0)
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  expect(await readFile(path, 'utf8')).toBe(theirs) // loading theirs wrote nothing
})

test('asks when an edit is not saved; "Keep mine" writes this version over the file', async ({ glossa }) => {
  const { page, dataDir } = glossa
  await openSeedNotebook(page)
  const path = await notebookPath(dataDir)
  await conflict(page, path)
  await page.getByRole('button', { name: 'Keep mine (overwrite)' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  await expect(highlight(page)).toHaveText(PHRASE)
  const onDisk = JSON.parse(await readFile(path, 'utf8'))
  expect(
    onDisk.annotations.map((a: { target: { quote: { exact: string } } }) => a.target.quote.exact),
  ).toEqual([PHRASE])
  expect(onDisk.title).not.toBe('Changed by another program')
  // Later edits save normally again.
  await page.reload()
  await expect(highlight(page)).toHaveText(PHRASE)
})
