import type { Browser, Page } from '@playwright/test'
import { expect } from './fixtures'

export const SEED_TITLE = 'U.S.–Iraq agreement: study notebook'

export async function openSeedNotebook(page: Page): Promise<void> {
  await page.getByRole('button', { name: new RegExp(SEED_TITLE) }).click()
  await expect(page.getByRole('main', { name: 'Source' })).toContainText('Hareer')
}

/**
 * Selects `text` in the source as a person dragging the mouse would (a DOM selection inside
 * the editor, which ProseMirror picks up). `occurrence` picks among repeated phrases.
 */
export async function selectInSource(
  page: Page,
  text: string,
  occurrence = 0,
  options: { toolbar?: boolean } = {},
): Promise<void> {
  await page.evaluate(
    ({ text, occurrence }) => {
      const root = document.querySelector('.source-text .ProseMirror')!
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      const nodes: Text[] = []
      while (walker.nextNode()) nodes.push(walker.currentNode as Text)
      const full = nodes.map((n) => n.data).join('')
      let index = -1
      for (let i = 0; i <= occurrence; i++) index = full.indexOf(text, index + 1)
      if (index < 0) throw new Error(`not in the source: ${text}`)
      const locate = (offset: number, preferEnd: boolean) => {
        let acc = 0
        for (const n of nodes) {
          const within = preferEnd ? offset <= acc + n.data.length : offset < acc + n.data.length
          if (within) return { node: n, offset: offset - acc }
          acc += n.data.length
        }
        const last = nodes[nodes.length - 1]
        return { node: last, offset: last.data.length }
      }
      const start = locate(index, false)
      const end = locate(index + text.length, true)
      const range = document.createRange()
      range.setStart(start.node, start.offset)
      range.setEnd(end.node, end.offset)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    },
    { text, occurrence },
  )
  // While the source is being edited there is no passage toolbar.
  if (options.toolbar !== false)
    await expect(page.getByRole('toolbar', { name: 'Passage actions' })).toBeVisible()
  // Keys typed over it must find it in the editor: ProseMirror takes a selection from the
  // page's selectionchange event, a task later, which no hand is quick enough to beat but a
  // script is (TipTap keeps the editor on its element).
  else
    await expect
      .poll(() =>
        page.locator('.source-text .ProseMirror').evaluate((el) => {
          const editor = (el as HTMLElement & { editor?: import('@tiptap/core').Editor }).editor
          const { from, to } = editor?.state.selection ?? { from: 0, to: 0 }
          return editor?.state.doc.textBetween(from, to)
        }),
      )
      .toBe(text)
}

/** Selects `text` in the source and marks it as a passage with H, as a reader would. */
export async function markPassage(page: Page, text: string, occurrence = 0): Promise<void> {
  await selectInSource(page, text, occurrence)
  await page.keyboard.press('h')
}

export function passageCard(page: Page, quoteStart: string) {
  return page.getByRole('article', { name: new RegExp(`^Passage: ${escapeRegExp(quoteStart)}`) })
}

export function highlight(page: Page, id?: string) {
  return page.locator(id ? `.source-text [data-passage="${id}"]` : '.source-text [data-passage]')
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Adds a source through "Add source → Paste text" and waits for it to open. */
export async function addPastedSource(
  page: Page,
  title: string,
  text: string,
  format: 'Plain text' | 'Markdown' | 'HTML' = 'Plain text',
): Promise<void> {
  await page.getByRole('button', { name: 'Add source' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add source' })
  await dialog.getByLabel('Title (optional)').fill(title)
  await dialog.getByRole('textbox', { name: 'Text' }).fill(text)
  await dialog.getByLabel('Format').selectOption({ label: format })
  await dialog.getByRole('button', { name: 'Add source' }).click()
  await expect(
    page.getByRole('main', { name: 'Source' }).getByRole('heading', { level: 1 }).first(),
  ).toHaveText(title)
}

/**
 * Opens the one passage `query` finds from Ctrl+K (Enter on its result), starting from the
 * source's header so no editor holds the keys.
 */
export async function openFromSearch(page: Page, query: string): Promise<void> {
  await page.locator('.source-header').click()
  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Search the notebook' })
  await search.fill(query)
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(1)
  await search.press('Enter')
  await expect(search).toHaveCount(0)
}

/** Makes a note page named `title` from the nav; its text is next. */
export async function newNotePage(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New note' }).click()
  const field = page.getByRole('textbox', { name: 'Note title' })
  await field.fill(title)
  await field.press('Enter')
}

/** Another window on the same browser host (its own browser context), at its library. */
export async function secondWindow(
  glossa: { url?: string; token?: string },
  browser: Browser,
): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${glossa.url}/#token=${glossa.token}`)
  return { page, close: () => context.close() }
}
