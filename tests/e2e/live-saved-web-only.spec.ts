// "Saved" covers typing in a bound note (docs/LIVE.md): with two windows on one notebook, a note
// page's editor is bound to its fragment, so its typing reaches the core as Yjs updates; the
// top bar says "Saving…" until the core acknowledges them as written, and "Saved" then means the
// words are in the file on disk.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import { expect, startWebHost, stopChild, test } from './fixtures'
import { newNotePage, openSeedNotebook, secondWindow } from './helpers'

async function fileText(dataDir: string): Promise<string> {
  const dir = join(dataDir, 'notebooks')
  const [file] = (await readdir(dir)).filter((n) => n.endsWith('.json'))
  return readFile(join(dir, file), 'utf8')
}

test('typing in a bound note page shows "Saved" once the words are on disk', async ({ glossa, browser }) => {
  const { page: a } = glossa
  const second = await secondWindow(glossa, browser)
  const b = second.page
  try {
    await openSeedNotebook(a)
    await openSeedNotebook(b)

    await newNotePage(a, 'Saved draft')
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
    await second.close()
  }
})

/** A browser host on `dataDir`, its disk full once a notebook is open when `full` (fault-inject.ts). */
async function host(dataDir: string, full: boolean) {
  // spawn() copies the environment synchronously, so the variable reaches only this host.
  if (full) process.env.GLOSSA_FAULT_INJECT = 'enospc-after-open'
  const starting = startWebHost(dataDir)
  delete process.env.GLOSSA_FAULT_INJECT
  return starting
}

async function windowOn(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${url}/#token=e2e-token-0123456789`)
  await openSeedNotebook(page)
  await page.getByRole('navigation').getByRole('button', { name: 'Draft on disk', exact: true }).click()
  return { context, page, body: page.getByRole('textbox', { name: 'Note page text' }) }
}

test('typing in a bound note page that cannot be saved says "Not saved" with the reason', async ({
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Fault injection is a browser-host switch.')
  const dataDir = await mkdtemp(join(tmpdir(), 'glossa-e2e-live-enospc-'))
  const contexts: { close(): Promise<void> }[] = []
  // A note page on disk, made while the disk still had room.
  const first = await host(dataDir, false)
  let child = first.child
  try {
    const page = await browser.newPage()
    contexts.push(page.context())
    await page.goto(`${first.url}/#token=e2e-token-0123456789`)
    await openSeedNotebook(page)
    await newNotePage(page, 'Draft on disk')
    await page.getByRole('textbox', { name: 'Note page text' }).click()
    await page.keyboard.type('kept words')
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
    await expect.poll(() => fileText(dataDir)).toContain('kept words')
    await page.context().close()
    await stopChild(child)

    // The disk is full now; two windows, so the note editors are bound to the live doc.
    const full = await host(dataDir, true)
    child = full.child
    const a = await windowOn(browser, full.url)
    contexts.push(a.context)
    const b = await windowOn(browser, full.url)
    contexts.push(b.context)
    await a.body.click()
    await a.page.keyboard.press('Control+End')
    await a.page.keyboard.type(' and lost ones')
    await expect(b.body).toContainText('kept words and lost ones') // A's editor is bound
    const before = await fileText(dataDir)
    await expect(a.page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(
      /Not saved: Could not save .*the disk is full/,
    )
    await expect(b.page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
    expect(await fileText(dataDir)).toBe(before)
    expect(before).not.toContain('lost ones')
  } finally {
    for (const c of contexts) await c.close().catch(() => {})
    await stopChild(child)
    await rm(dataDir, { recursive: true, force: true })
  }
})
