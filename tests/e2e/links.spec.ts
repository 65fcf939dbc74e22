import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describeRange } from '../../src/shared/anchoring'
import { plainText } from '../../src/shared/plain-text'
import type { Annotation, Link, Notebook } from '../../src/shared/schema'
import { expect, test } from './fixtures'
import { openSeedNotebook, passageCard, selectInSource } from './helpers'
import { AIN, linkTo, mark, PHASE1 } from './link-helpers'
import { expectFlashed } from './flash-recorder'

test('link phase 1 to Ain al-Asad as "elaborates": both ends show it, the backlink navigates, a reload keeps it', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await mark(page, AIN)
  // "Link passage" from a selection marks the passage first, like Highlight.
  await selectInSource(page, PHASE1)
  await page
    .getByRole('toolbar', { name: 'Passage actions' })
    .getByRole('button', { name: 'Link passage' })
    .click()
  const dialog = await linkTo(page, 'ain al', /Ain al-Asad/, 'elaborates', 'The base is vacated in phase 1.')
  await expect(dialog).toHaveCount(0)
  const phaseId = (await passageCard(page, PHASE1).getAttribute('data-passage-card'))!

  await expect(
    passageCard(page, PHASE1).getByRole('button', { name: /^elaborates → “Ain al-Asad”/ }),
  ).toBeVisible()
  await expect(passageCard(page, PHASE1)).toContainText('The base is vacated in phase 1.')
  const backlink = passageCard(page, AIN).getByRole('button', { name: /^elaborated by ← “the first phase/ })
  await expect(backlink).toBeVisible()

  // Select the target first, so that arriving at phase 1 is what selects it.
  await passageCard(page, AIN).getByRole('button', { name: '“Ain al-Asad”' }).click()
  await expect(passageCard(page, PHASE1)).not.toHaveAttribute('aria-current', 'true')
  await backlink.click()
  await expect(passageCard(page, PHASE1)).toHaveAttribute('aria-current', 'true')
  await expectFlashed(page, { className: 'passage-flash', passage: phaseId })

  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  await page.reload()
  await expect(
    passageCard(page, AIN).getByRole('button', { name: /^elaborated by ← “the first phase/ }),
  ).toBeVisible()
})

test('self links and duplicate links are refused with the reason, in the dialog', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await mark(page, AIN)
  await mark(page, PHASE1)
  await passageCard(page, PHASE1).getByRole('button', { name: 'Link passage' }).click()
  let dialog = await linkTo(page, 'first phase', /this passage/, 'supports')
  await expect(dialog.getByRole('alert')).toHaveText('A passage cannot be linked to itself.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await passageCard(page, PHASE1).getByRole('button', { name: 'Link passage' }).click()
  await expect(await linkTo(page, 'asad', /Ain al-Asad/, 'supports')).toHaveCount(0)
  await passageCard(page, PHASE1).getByRole('button', { name: 'Link passage' }).click()
  dialog = await linkTo(page, 'asad', /Ain al-Asad/, 'supports')
  await expect(dialog.getByRole('alert')).toHaveText('These passages are already linked with this relation.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(
    passageCard(page, PHASE1).getByRole('list', { name: 'Links' }).getByRole('listitem'),
  ).toHaveCount(1)
})

test('a user-defined relation reads with its inverse at the other end; deleting the passage asks and undo restores the link', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await mark(page, 'Iranian influence in the region')
  await mark(page, 'persistent pressure on the Iraqi government to reduce foreign military presence')
  await passageCard(page, 'Iranian influence').getByRole('button', { name: 'Link passage' }).click()
  const dialog = page.getByRole('dialog', { name: 'Link passage' })
  await dialog.getByRole('searchbox').fill('foreign military')
  await dialog.getByRole('radio', { name: /persistent pressure/ }).check()
  await dialog.getByLabel('Relation').selectOption({ label: 'New relation…' })
  await dialog.getByRole('textbox', { name: 'Name of the new relation' }).fill('explains')
  await dialog.getByLabel('Read from the other end').fill('explained by')
  await dialog.getByRole('button', { name: 'Link', exact: true }).click()
  await expect(
    passageCard(page, 'persistent pressure').getByRole('button', {
      name: /^explained by ← “Iranian influence/,
    }),
  ).toBeVisible()

  await passageCard(page, 'Iranian influence').getByRole('button', { name: 'Delete passage' }).click()
  // Asked in the app (Electron has no window.confirm), saying what goes with it.
  const confirm = page.getByRole('dialog', { name: 'Delete passage?' })
  await expect(confirm).toContainText('This passage has 1 link')
  await confirm.getByRole('button', { name: 'Delete passage and 1 link' }).click()
  await expect(passageCard(page, 'Iranian influence')).toHaveCount(0)
  await expect(passageCard(page, 'persistent pressure').getByRole('list', { name: 'Links' })).toHaveCount(0)
  await page.locator('.toast', { hasText: 'Passage deleted.' }).getByRole('button', { name: 'Undo' }).click()
  await expect(
    passageCard(page, 'persistent pressure').getByRole('button', {
      name: /^explained by ← “Iranian influence/,
    }),
  ).toBeVisible()
})

test('a backlink to a passage in another source opens that source and flashes the passage', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  const ain = await mark(page, AIN)
  await page.getByRole('button', { name: 'Add source' }).click()
  const add = page.getByRole('dialog', { name: 'Add source' })
  await add.getByLabel('Title (optional)').fill('Base report')
  await add
    .getByRole('textbox', { name: 'Text' })
    .fill('Ain al-Asad air base in Anbar province hosts coalition aircraft.')
  await add.getByRole('button', { name: 'Add source' }).click()
  await expect(page.getByRole('main', { name: 'Source' })).toContainText('Anbar province')
  await mark(page, 'air base in Anbar province')
  await passageCard(page, 'air base in Anbar').getByRole('button', { name: 'Link passage' }).click()
  await linkTo(page, 'asad', /Ain al-Asad/, 'same place')
  await passageCard(page, 'air base in Anbar')
    .getByRole('button', { name: /^same place → “Ain al-Asad”/ })
    .click()
  await expect(page.getByRole('main', { name: 'Source' })).toContainText('Hareer base')
  await expect(passageCard(page, AIN)).toHaveAttribute('aria-current', 'true')
  await expectFlashed(page, { className: 'passage-flash', passage: ain })
})

test('the Relations panel renames, re-reads, recolors and deletes a relation (saying how many links go), all undoable', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await mark(page, AIN)
  // The L shortcut links the selection (marking it first).
  await selectInSource(page, PHASE1)
  await page.keyboard.press('l')
  await linkTo(page, 'asad', /Ain al-Asad/, 'elaborates')
  // Linking an already marked passage from a selection reuses it.
  await selectInSource(page, PHASE1)
  await page.keyboard.press('l')
  await page.getByRole('dialog', { name: 'Link passage' }).getByRole('button', { name: 'Cancel' }).click()
  await expect(page.locator('.passage-list > li')).toHaveCount(2)

  await page.getByRole('button', { name: 'Relations' }).click()
  const panel = page.getByRole('dialog', { name: 'Relations' })
  const row = panel.getByRole('listitem', { name: 'Relation elaborates' })
  await expect(row).toContainText('1 link')
  await row.getByRole('textbox', { name: 'Name of “elaborates”' }).fill('details')
  await row.getByRole('textbox', { name: 'Name of “elaborates”' }).press('Enter')
  const details = panel.getByRole('listitem', { name: 'Relation details' })
  await details.getByRole('textbox', { name: 'Inverse of “details”' }).fill('detailed by')
  await details.getByRole('textbox', { name: 'Inverse of “details”' }).press('Tab')
  await details.getByLabel('Color of “details”').fill('#ff0000')
  // A name another relation has is refused, with the reason.
  await details.getByRole('textbox', { name: 'Name of “details”' }).fill('supports')
  await details.getByRole('textbox', { name: 'Name of “details”' }).press('Enter')
  await expect(details.getByRole('alert')).toHaveText('A relation named “supports” already exists.')
  await expect(details.getByRole('textbox', { name: 'Name of “details”' })).toHaveValue('details')
  await panel.getByRole('button', { name: 'Close' }).click()
  await expect(
    passageCard(page, PHASE1).getByRole('button', { name: /^details → “Ain al-Asad”/ }),
  ).toBeVisible()
  await expect(passageCard(page, AIN).getByRole('button', { name: /^detailed by ← / })).toBeVisible()
  await expect(passageCard(page, AIN).locator('.link-row')).toHaveAttribute('style', /--rel: #ff0000/)

  await page.getByRole('button', { name: 'Relations' }).click()
  await panel.getByRole('button', { name: 'Delete relation “details”' }).click()
  await expect(panel.getByRole('group', { name: 'Confirm deletion' })).toContainText(
    'Delete it and its 1 link?',
  )
  await panel.getByRole('button', { name: 'Delete relation and 1 link' }).click()
  await expect(panel.getByRole('listitem', { name: 'Relation details' })).toHaveCount(0)
  await panel.getByRole('button', { name: 'Close' }).click()
  await expect(passageCard(page, AIN).getByRole('list', { name: 'Links' })).toHaveCount(0)
  await page
    .locator('.toast', { hasText: 'Deleted the relation' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(passageCard(page, AIN).getByRole('button', { name: /^detailed by ← / })).toBeVisible()
})

test('links whose ends are missing in the file are removed on open, with a message, and the file is fixed', async ({
  glossa,
}) => {
  const { page, dataDir } = glossa
  await expect(page.getByRole('button', { name: /study notebook/ })).toBeVisible()
  // Damage the seed notebook on disk before it is opened: one good link, two broken ones.
  const dir = join(dataDir, 'notebooks')
  const file = join(
    dir,
    (await readdir(dir)).find((n) => n.endsWith('.json'))!,
  )
  const nb = JSON.parse(await readFile(file, 'utf8')) as Notebook
  const source = nb.sources[0]
  const text = plainText(source.doc)
  const at = nb.createdAt
  const passage = (id: string, quote: string): Annotation => {
    const start = text.indexOf(quote)
    return {
      id,
      sourceId: source.id,
      target: describeRange(text, start, start + quote.length),
      anchoredHash: source.textHash,
      note: null,
      tagIds: [],
      color: null,
      status: 'anchored',
      createdAt: at,
      updatedAt: at,
    }
  }
  const link = (id: string, from: string, to: string): Link => ({
    id,
    from: { kind: 'annotation', id: from },
    to: { kind: 'annotation', id: to },
    relationId: 'elaborates',
    comment: '',
    createdAt: at,
  })
  nb.annotations = [passage('pa', PHASE1), passage('pb', AIN)]
  nb.links = [link('good', 'pa', 'pb'), link('bad1', 'pa', 'deleted-passage'), link('bad2', 'ghost', 'pb')]
  await writeFile(file, JSON.stringify(nb))

  await openSeedNotebook(page)
  await expect(page.locator('.toast', { hasText: 'Removed 2 broken links.' })).toBeVisible()
  await expect(
    passageCard(page, AIN).getByRole('button', { name: /^elaborated by ← “the first phase/ }),
  ).toBeVisible()
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  await expect
    .poll(async () => (JSON.parse(await readFile(file, 'utf8')) as Notebook).links.map((l) => l.id))
    .toEqual(['good'])
  await page.reload()
  await expect(passageCard(page, AIN).getByRole('button', { name: /^elaborated by/ })).toBeVisible()
  await expect(page.locator('.toast', { hasText: 'broken link' })).toHaveCount(0)
})
