// "Saved" covers typing in a bound note (docs/LIVE.md): with two windows on one notebook, a note
// page's editor is bound to its fragment, so its typing reaches the core as Yjs updates; the
// top bar says "Saving…" until the core acknowledges them as written, and "Saved" then means the
// words are in the file on disk.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { openSeedNotebook } from './helpers'

async function fileText(dataDir: string): Promise<string> {
  const dir = join(dataDir, 'notebooks')
  const [file] = (await readdir(dir)).filter((n) => n.endsWith('.json'))
  return readFile(join(dir, file), 'utf8')
}

test('typing in a bound note page shows "Saved" once the words are on disk', async ({ glossa, browser }) => {
  const { page: a } = glossa
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const b = await context.newPage()
  try {
    await b.goto(`${glossa.url}/#token=${glossa.token}`)
    await openSeedNotebook(a)
    await openSeedNotebook(b)

    await a.getByRole('button', { name: 'New note' }).click()
    const title = a.getByRole('textbox', { name: 'Note title' })
    await title.fill('Saved draft')
    await title.press('Enter')
    await b.getByRole('navigation').getByRole('button', { name: 'Saved draft', exact: true }).click()
    const bodyA = a.getByRole('textbox', { name: 'Note page text' })
    const bodyB = b.getByRole('textbox', { name: 'Note page text' })
    // B's typing shows in A: A's editor is bound to the live doc.
    await bodyB.click()
    await b.keyboard.type('first words')
    await expect(bodyA).toContainText('first words')
    const saved = a.getByRole('status').filter({ hasText: /^Saved$/ })
    await expect(saved).toBeVisible()

    // Every state A's top bar shows from here on, in order.
    await saved.evaluate((element) => {
      const states: string[] = []
      ;(window as unknown as { saveStates: string[] }).saveStates = states
      new MutationObserver(() => states.push(element.textContent ?? '')).observe(element, {
        childList: true,
        characterData: true,
        subtree: true,
      })
    })
    await bodyA.click()
    await a.keyboard.press('Control+End')
    await a.keyboard.type(' and a bound sentence')
    await a.waitForFunction(() => {
      const states = (window as unknown as { saveStates: string[] }).saveStates
      return states.includes('Saving…') && states.at(-1) === 'Saved'
    })
    // Read once, right when "Saved" shows.
    expect(await fileText(glossa.dataDir)).toContain('first words and a bound sentence')
  } finally {
    await context.close()
  }
})
