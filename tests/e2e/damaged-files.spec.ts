// Damaged and foreign files in the notebooks folder show up in the library, each with the
// reason it cannot be opened, while the good notebook still opens; none is changed.
import { mkdir, readFile, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { openSeedNotebook, SEED_TITLE } from './helpers'

const CASES: { file: string; content?: string; reason: RegExp }[] = [
  {
    file: 'truncated.json',
    content: '{"schemaVersion":1,"id":"abc","title":"Half',
    reason: /not valid JSON.*truncated/,
  },
  { file: 'wrong-shape.json', content: '{"hello":"world"}', reason: /Invalid notebook/ },
  {
    file: 'newer.json',
    content: JSON.stringify({ schemaVersion: 99, id: 'x', title: 'From the future' }),
    reason: /newer Glossa \(schema version 99/,
  },
  { file: 'empty.json', content: '', reason: /empty/ },
  { file: 'folder.json', reason: /folder, not a notebook file/ },
  { file: 'huge.json', content: '{"schemaVersion":1,', reason: /200 MB.*up to 150 MB/ },
]

test('each damaged or foreign file is listed with its reason and left as it is', async ({ glossa }) => {
  const { page, dataDir } = glossa
  const dir = join(dataDir, 'notebooks')
  for (const c of CASES) {
    if (c.content === undefined) await mkdir(join(dir, c.file))
    else await writeFile(join(dir, c.file), c.content)
  }
  await truncate(join(dir, 'huge.json'), 200 * 1024 * 1024) // sparse, so it is quick
  await page.reload()

  const section = page.getByRole('region', { name: 'Files that could not be opened' })
  await expect(section).toBeVisible()
  for (const c of CASES) {
    const item = section.getByRole('listitem').filter({ hasText: c.file })
    await expect(item, c.file).toHaveCount(1)
    await expect(item, c.file).toContainText(c.reason)
  }
  await openSeedNotebook(page) // the good notebook is unaffected
  await expect(page.getByRole('heading', { name: SEED_TITLE })).toBeVisible()

  for (const c of CASES.filter((c) => c.content !== undefined && c.file !== 'huge.json')) {
    expect(await readFile(join(dir, c.file), 'utf8'), c.file).toBe(c.content)
  }
  expect((await stat(join(dir, 'huge.json'))).size).toBe(200 * 1024 * 1024)
})
