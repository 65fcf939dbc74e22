// Markdown that would keep the parser busy for minutes (80 KB of brackets) is refused with a
// clear message, whether imported as a file or pasted, and nothing is added to the notebook;
// the app keeps working and the next source goes in as usual.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { addPastedSource, openSeedNotebook } from './helpers'

const HOSTILE = `# Looks harmless\n\n${'['.repeat(80_000)}\n`

/** The sources' titles in the notebook file on disk. */
async function sourcesOnDisk(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, 'notebooks')
  const [file] = (await readdir(dir)).filter((n) => n.endsWith('.json'))
  const notebook = JSON.parse(await readFile(join(dir, file), 'utf8')) as { sources: { title: string }[] }
  return notebook.sources.map((s) => s.title)
}

test('a hostile Markdown file or paste is refused as too complex and nothing is added', async ({
  glossa,
}) => {
  const { page, dataDir } = glossa
  await openSeedNotebook(page)
  const before = await sourcesOnDisk(dataDir)
  const nav = page.getByRole('navigation', { name: 'Notebook contents' })
  const dialog = page.getByRole('dialog', { name: 'Add source' })

  await nav.getByRole('button', { name: 'Add source' }).click()
  await dialog.getByRole('tab', { name: 'Import file' }).click()
  await dialog
    .getByLabel('File (.txt, .md, .html)')
    .setInputFiles({ name: 'hostile.md', mimeType: 'text/markdown', buffer: Buffer.from(HOSTILE) })
  await expect(dialog.getByRole('alert')).toHaveText(
    /The file “hostile\.md” is too complex to convert: .*Nothing was added\./,
  )

  await dialog.getByRole('tab', { name: 'Paste text' }).click()
  await dialog.getByRole('textbox', { name: 'Text' }).fill(HOSTILE)
  await dialog.getByLabel('Format').selectOption({ label: 'Markdown' })
  await dialog.getByRole('button', { name: 'Add source' }).click()
  await expect(dialog.getByRole('alert')).toHaveText(
    /The pasted text is too complex to convert: .*Nothing was added\./,
  )
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(nav.getByRole('button', { name: /Looks harmless|hostile/ })).toHaveCount(0)

  // The app still converts: the next source is added, and it is the only new one on disk.
  await addPastedSource(page, 'After the refusal', 'An ordinary paragraph.', 'Markdown')
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  await expect.poll(() => sourcesOnDisk(dataDir)).toEqual([...before, 'After the refusal'])
})
