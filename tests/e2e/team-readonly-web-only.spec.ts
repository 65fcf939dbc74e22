// A member who joined with the read-only key: the notebook says "Read-only", its note editor
// does not edit, marking a passage is refused with a reason, and the owner's edits still arrive.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, stopChild, test } from './fixtures'
import { openSeedNotebook, passageCard, selectInSource } from './helpers'
import { joinNotebook, openApp, shareNotebook, startTeamServer, teamState } from './team-helpers'

test('a read-only member sees the notebook read-only and cannot change it', async ({ browser }) => {
  test.setTimeout(180_000)
  const dirs = await Promise.all(['team', 'a', 'b'].map((n) => mkdtemp(join(tmpdir(), `glossa-e2e-${n}-`))))
  const [teamDir, dirA, dirB] = dirs
  const team = await startTeamServer(teamDir)
  const a = await openApp(browser, dirA)
  const b = await openApp(browser, dirB)
  try {
    await openSeedNotebook(a.page)
    await selectInSource(a.page, 'Hareer base in the Kurdistan region')
    await a.page.keyboard.press('h')
    const key = await shareNotebook(a.page, team.url, 'Read-only key')
    expect(key).toMatch(/^glossa\.ro\./)
    await expect(a.page.getByRole('status').filter({ hasText: 'Read-only' })).toHaveCount(0)

    await joinNotebook(b.page, team.url, key)
    await expect(b.page.getByRole('main', { name: 'Source' })).toContainText('Hareer')
    await expect(teamState(b.page)).toContainText('Online')
    await expect(b.page.getByRole('status').filter({ hasText: 'Read-only' })).toBeVisible()

    // The note can be read, not edited.
    const card = passageCard(b.page, 'Hareer base')
    await card.getByRole('button', { name: /^“Hareer base/ }).click()
    await expect(card.getByRole('textbox', { name: /Note on/ })).not.toBeEditable()
    // An empty note says so (a placeholder) instead of showing an empty box.
    await expect(card.locator('[data-placeholder="No note."]')).toBeVisible()
    await expect(card.getByRole('toolbar', { name: 'Note formatting' })).toHaveCount(0)

    // Controls that would change the notebook are not offered; the owner still has them.
    for (const name of ['Edit source', 'Add source', 'New note', 'Delete passage', 'Add tag', 'Link passage'])
      await expect(b.page.getByRole('button', { name, exact: true })).toHaveCount(0)
    await expect(b.page.getByRole('button', { name: /^Rename source/ })).toHaveCount(0)
    await expect(a.page.getByRole('button', { name: 'Edit source', exact: true })).toBeVisible()
    await expect(
      passageCard(a.page, 'Hareer base').getByRole('button', { name: 'Delete passage' }),
    ).toBeVisible()

    // Marking a passage: the selection says why it cannot be marked, the shortcut is refused with
    // the reason, and nothing is added.
    await selectInSource(b.page, 'Ain al-Asad', 0, { toolbar: false })
    await expect(b.page.getByRole('note', { name: 'Read-only' })).toContainText('cannot be marked')
    await expect(b.page.getByRole('toolbar', { name: 'Passage actions' })).toHaveCount(0)
    await b.page.keyboard.press('h')
    await expect(b.page.getByText(/read-only/i).first()).toBeVisible()
    await expect(b.page.getByText(/joined with a read-only key/)).toBeVisible()
    await expect(passageCard(b.page, 'Ain al-Asad')).toHaveCount(0)

    // At 1024 px the read-only badge and the team state still fit: nothing is pushed off the
    // window (the notebook's column once grew to the bar's one-line width).
    await b.page.setViewportSize({ width: 1024, height: 700 })
    await expect(b.page.getByRole('button', { name: /^Export/ })).toBeInViewport({ ratio: 1 })
    await expect(passageCard(b.page, 'Hareer base')).toBeInViewport({ ratio: 1 })
    expect(await b.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024)

    // The owner's edits still arrive.
    await selectInSource(a.page, 'Baghdad International Airport')
    await a.page.keyboard.press('h')
    await expect(passageCard(b.page, 'Baghdad Intern')).toBeVisible()
  } finally {
    await a.close().catch(() => {})
    await b.close().catch(() => {})
    await stopChild(team.child).catch(() => {})
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
  }
})
