// Regressions from a new user's day with the app (issue #15): each test is one defect as a
// person meets it.
import { expect, test } from './fixtures'
import { addPastedSource, markPassage, openSeedNotebook, passageCard, selectInSource } from './helpers'

test('Ctrl+K opens search from inside a passage note and a note page', async ({ glossa }) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await selectInSource(page, 'Hareer base in the Kurdistan region')
  await page.keyboard.press('n')
  const note = passageCard(page, 'Hareer base').getByRole('textbox', { name: /Note on/ })
  await expect(note).toBeFocused()
  await page.keyboard.type('Relocation target')
  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Search the notebook' })
  await expect(search).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(search).toHaveCount(0)

  await page.getByRole('button', { name: 'New note' }).click()
  await page.getByRole('textbox', { name: 'Note page text' }).click()
  await page.keyboard.type('Some thoughts')
  await page.keyboard.press('Control+k')
  await expect(search).toBeFocused()
})

test('Enter in the empty tag picker adds no tag; it closes the picker and leaves no passage', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await selectInSource(page, 'Hareer base in the Kurdistan region')
  await page.keyboard.press('t')
  const picker = page.getByRole('dialog', { name: 'Add tag' })
  const input = picker.getByRole('combobox', { name: 'Tag name' })
  await expect(input).toBeFocused()
  await expect(picker.getByRole('option', { selected: true })).toHaveCount(0)
  await input.press('Enter')
  await expect(picker).toHaveCount(0)
  // Closed with no tag added: the passage marked for the picker is unmarked again.
  await expect(passageCard(page, 'Hareer base')).toHaveCount(0)

  // Typing still picks the first match; an arrow key picks from the full list.
  await selectInSource(page, 'Ain al-Asad')
  await page.keyboard.press('t')
  await input.press('ArrowDown')
  await expect(picker.getByRole('option', { selected: true })).toHaveText(/phase\/1/)
  await input.press('Enter')
  await expect(picker.locator('.chip-label')).toHaveText(['phase/1'])
})

test('a refused change in the Tags panel is said next to the field, which keeps what was typed', async ({
  glossa,
}) => {
  const { page } = glossa
  await page.setViewportSize({ width: 1024, height: 700 })
  await openSeedNotebook(page)
  await page.getByRole('button', { name: 'Tags', exact: true }).click()
  const manager = page.getByRole('dialog', { name: 'Tags' })
  await manager.getByRole('treeitem', { name: /^policy\/history-2003-2014,/ }).click()
  const name = manager.getByRole('textbox', { name: 'Name of tag policy/history-2003-2014' })
  await name.fill('phase/1')
  await name.press('Enter')
  const alert = manager.getByRole('alert')
  await expect(alert).toHaveText('A tag named “phase/1” already exists.')
  await expect(alert).toBeInViewport()
  await expect(name).toHaveValue('phase/1')
  await expect(name).toHaveAttribute('aria-invalid', 'true')
  await expect(name).toHaveAccessibleDescription('A tag named “phase/1” already exists.')
  // Escape gives the old name back; the panel stays open.
  await name.press('Escape')
  await expect(name).toHaveValue('policy/history-2003-2014')
  await expect(alert).toHaveCount(0)
  await expect(manager).toBeVisible()
})

test('a search jump shows the phrase without selecting it: no toolbar, and H marks nothing', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  // A selection made before searching does not survive the jump either.
  await selectInSource(page, 'Ain al-Asad')
  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Search the notebook' })
  await search.fill('"two-phase transition"')
  await expect(
    page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().locator('mark'),
  ).toHaveText('two-phase transition')
  await search.press('Enter')
  await expect(search).toHaveCount(0)
  const shown = () =>
    page.evaluate(() => {
      const hit = CSS.highlights.get('search-hit')
      return hit ? [...hit].map((r) => r.toString()).join('') : null
    })
  await expect.poll(shown).toBe('two-phase transition')
  await expect(page.getByRole('toolbar', { name: 'Passage actions' })).toHaveCount(0)
  await page.keyboard.press('h')
  await expect(page.getByRole('complementary', { name: 'Passages' }).getByRole('article')).toHaveCount(0)
})

for (const [width, height] of [
  [1024, 700],
  [1440, 900],
] as const) {
  test(`at ${width}×${height} the selection toolbar fits in the reader on one line, below the top bar; the nav tools one line each`, async ({
    glossa,
  }) => {
    const { page } = glossa
    await page.setViewportSize({ width, height })
    await openSeedNotebook(page)
    const reader = page.getByRole('main', { name: 'Source' })
    const toolbar = page.getByRole('toolbar', { name: 'Passage actions' })
    // A selection at the very top of the visible text: the toolbar must not go under the top bar.
    await page.evaluate(() => {
      const p = document.querySelector('.source-text .ProseMirror p')!
      p.scrollIntoView({ block: 'start' })
    })
    await selectInSource(page, 'The United States has reached')
    const box = (await reader.boundingBox())!
    const bar = (await toolbar.boundingBox())!
    expect(bar.x).toBeGreaterThanOrEqual(box.x)
    expect(bar.x + bar.width).toBeLessThanOrEqual(box.x + box.width)
    expect(bar.y).toBeGreaterThanOrEqual(box.y)
    for (const button of await toolbar.getByRole('button').all()) {
      const b = (await button.boundingBox())!
      expect(b.height, await button.innerText()).toBeLessThan(36)
    }
    // The nav's tools: one line each, none cut, however many views there are.
    const nav = (await page.getByRole('navigation', { name: 'Notebook contents' }).boundingBox())!
    for (const tool of await page.getByRole('navigation').locator('.nav-tools > *').all()) {
      const t = (await tool.boundingBox())!
      expect(t.height, await tool.innerText()).toBeLessThan(34)
      expect(t.x + t.width).toBeLessThanOrEqual(nav.x + nav.width)
    }
  })
}

test('facets ignore case; source: finds a source by its origin; tag: alone says what it needs; counts read right', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  for (const [quote, name] of [
    ['Pentagon deputy press secretary Sabrina Singh', 'Actor/singh'],
    ['Iraqi Prime Minister Mohammed al-Sudani', 'actor/sudani'],
  ]) {
    await selectInSource(page, quote)
    await page.keyboard.press('t')
    const input = page.getByRole('dialog', { name: 'Add tag' }).getByRole('combobox', { name: 'Tag name' })
    await input.fill(name)
    await input.press('Enter')
    await page.getByRole('dialog', { name: 'Add tag' }).getByRole('button', { name: 'Done' }).click()
  }
  await page.getByRole('button', { name: 'Filter', exact: true }).click()
  const facet = page.getByRole('group', { name: 'Actor' })
  await expect(facet.locator('.chip-label')).toHaveText(['Actor/singh', 'actor/sudani'])
  await expect(page.getByRole('group', { name: 'actor', exact: true })).toHaveCount(0)

  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Search the notebook' })
  await search.fill('tag:')
  await expect(page.getByRole('status').filter({ hasText: 'tag: needs a value' })).toBeVisible()
  await expect(page.getByText('No results.')).toHaveCount(0)
  await search.fill('source:apnews')
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(2)
  await page.keyboard.press('Escape')

  const nav = page.getByRole('navigation', { name: 'Notebook contents' })
  await nav.getByRole('button', { name: /^Delete source “U\.S\. and Iraq/ }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete source?' })
  await expect(confirm.getByRole('button', { name: 'Delete source and 2 passages' })).toBeVisible()
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await addPastedSource(page, 'Empty reading', 'Nothing marked here.')
  await nav.getByRole('button', { name: 'Delete source “Empty reading”' }).click()
  await expect(confirm.getByRole('button', { name: 'Delete source', exact: true })).toBeVisible()
  await expect(confirm).toContainText('It has no passages.')
})

test('margin cards show a note with its formatting and a one-line footer', async ({ glossa }) => {
  const { page } = glossa
  await page.setViewportSize({ width: 1024, height: 700 })
  await openSeedNotebook(page)
  await selectInSource(page, 'Hareer base in the Kurdistan region')
  await page.keyboard.press('n')
  // The note editor takes the keys once it has focus (before that, T is the Tag shortcut).
  await expect(passageCard(page, 'Hareer base').getByRole('textbox', { name: /Note on/ })).toBeFocused()
  await page.keyboard.type('The ')
  await page.keyboard.press('Control+b')
  await page.keyboard.type('only')
  await page.keyboard.press('Control+b')
  await page.keyboard.type(' base kept.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('- check the numbers')
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  // Another passage selected: the first card shows its note, not an editor.
  await page.locator('.source-header').click()
  await markPassage(page, 'Ain al-Asad')
  const card = passageCard(page, 'Hareer base')
  await expect(card.getByRole('textbox')).toHaveCount(0)
  await expect(card.locator('.note-preview strong')).toHaveText('only')
  await expect(card.locator('.note-preview li')).toHaveText('check the numbers')
  for (const c of [card, passageCard(page, 'Ain al-Asad')]) {
    const footer = (await c.locator('footer').boundingBox())!
    expect(footer.height).toBeLessThan(30)
  }
  // The note opens for editing from the keyboard too.
  await card.getByRole('button', { name: /The only base kept/ }).press('Enter')
  await expect(card.getByRole('textbox', { name: /Note on/ })).toBeFocused()
})

test('keyboard only: Tab to the text, select with Shift+arrows, mark with H, open a highlight with Enter', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  const text = page.getByRole('document', { name: 'Source text' })
  // From the reader's toolbar, Tab reaches the text (past whatever the source's header offers).
  await page.getByRole('button', { name: 'Edit source' }).focus()
  for (let i = 0; i < 8 && !(await text.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(text).toBeFocused()
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight')
  await expect(page.getByRole('toolbar', { name: 'Passage actions' })).toBeVisible()
  // No wait for ProseMirror to read the selection (it does so a task after the key): H right
  // away marks what is selected on the page (commands/sync-dom-selection.ts).
  await page.keyboard.press('h')
  await expect(passageCard(page, 'The United States')).toHaveAccessibleName('Passage: The United States')

  // Clicking other text leaves the passage; Ctrl+Home and Enter open it again.
  await text.getByText(/The withdrawal of U.S. troops/).click()
  await expect(passageCard(page, 'The United States')).not.toHaveAttribute('aria-current', 'true')
  // Shift+arrows extend from where the click put the caret (they selected nothing: the drawn
  // caret was a place of its own for the browser's moves).
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight')
  await expect.poll(() => page.evaluate(() => getSelection()!.toString().length)).toBe(3)
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Control+Home')
  // Scrolled the whole way back: the source's title shows, and the first line is not under
  // the reader's sticky toolbar.
  await expect(page.locator('.source-title')).toBeInViewport()
  const bar = (await page.locator('.reader-toolbar').boundingBox())!
  expect((await text.locator('p').first().boundingBox())!.y).toBeGreaterThanOrEqual(bar.y + bar.height)
  // The caret is at the start of the text, not of the page (the top bar's "← Library").
  await expect
    .poll(() =>
      text.evaluate((el) => el.contains(getSelection()!.focusNode) && getSelection()!.focusOffset === 0),
    )
    .toBe(true)
  // An arrow key at the text's start keeps the caret in the text.
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowUp')
  await expect
    .poll(() =>
      text.evaluate((el) => el.contains(getSelection()!.focusNode) && getSelection()!.focusOffset === 0),
    )
    .toBe(true)
  // The first arrow key after Ctrl+Home moves one character (it moved nowhere before).
  await page.keyboard.press('ArrowRight')
  await expect
    .poll(() =>
      text.evaluate(() => [getSelection()!.focusNode?.textContent?.[0], getSelection()!.focusOffset]),
    )
    .toEqual(['T', 1])
  await page.keyboard.press('Enter')
  await expect(passageCard(page, 'The United States')).toHaveAttribute('aria-current', 'true')
})

test('shortcuts for the graph, a new note page, add source, the filter and edit source, listed under ?', async ({
  glossa,
}) => {
  const { page } = glossa
  await openSeedNotebook(page)
  await page.locator('.source-header').click()
  await page.keyboard.press('f')
  await expect(page.getByRole('region', { name: 'Filter by tags' })).toBeVisible()
  await page.keyboard.press('e')
  await expect(page.getByRole('document', { name: 'Source text' })).toHaveAttribute('contenteditable', 'true')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await page.keyboard.press('g')
  await expect(page.getByRole('button', { name: 'Close graph' })).toBeVisible()
  await page.keyboard.press('g')
  await expect(page.getByRole('button', { name: 'Close graph' })).toHaveCount(0)
  await page.keyboard.press('Shift+A')
  await expect(page.getByRole('dialog', { name: 'Add source' })).toBeVisible()
  await page.keyboard.press('Escape')
  await page.keyboard.press('Shift+N')
  await expect(page.getByRole('textbox', { name: 'Note title' })).toHaveValue('Untitled note')
  await page
    .locator('.note-page, main')
    .first()
    .click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  for (const [label, keys] of [
    ['Graph', 'G'],
    ['New note page', 'Shift+N'],
    ['Add source', 'Shift+A'],
    ['Filter passages by tag', 'F'],
    ['Edit source', 'E'],
  ])
    await expect(
      help.getByRole('row', { name: new RegExp(`^${label} ${keys.replace('+', '\\+')} `) }),
    ).toBeVisible()
})

test('the theme is set in the app (system, light, dark) and kept; an empty notebook offers Add source', async ({
  glossa,
}) => {
  const { page } = glossa
  await page.emulateMedia({ colorScheme: 'light' })
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const light = await background()
  const theme = page.getByRole('radiogroup', { name: 'Theme' })
  await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked()
  await theme.getByRole('radio', { name: 'Dark' }).click()
  await expect.poll(background).not.toBe(light)
  const dark = await background()
  await page.reload()
  await expect(theme.getByRole('radio', { name: 'Dark' })).toBeChecked()
  expect(await background()).toBe(dark)
  // "System" follows the system again.
  // From the keyboard: the arrows move through the choices.
  await theme.getByRole('radio', { name: 'Dark' }).press('ArrowRight')
  await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked()
  await expect(theme.getByRole('radio', { name: 'System' })).toBeFocused()
  await expect.poll(background).toBe(light)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect.poll(background).toBe(dark)

  await page.getByRole('button', { name: 'New notebook' }).first().click()
  const create = page.getByRole('dialog', { name: 'New notebook' })
  await create.getByRole('textbox').fill('Empty one')
  await create.getByRole('button', { name: 'Create notebook' }).click()
  const reader = page.getByRole('main')
  await expect(reader.getByRole('heading', { name: 'No sources yet' })).toBeVisible()
  await reader.getByRole('button', { name: 'Add source' }).click()
  await expect(page.getByRole('dialog', { name: 'Add source' })).toBeVisible()
})
