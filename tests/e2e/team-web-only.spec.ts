// A team server started by the test and two browser hosts on separate data dirs: share, join,
// edit both sides, converge; a wrong key is refused; the server stopped, both edit offline,
// both apps and the server restarted: both files end with every edit.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, stopChild, test } from './fixtures'
import { markPassage, openSeedNotebook, passageCard, SEED_TITLE } from './helpers'
import { openApp, shareNotebook, startTeamServer, teamState } from './team-helpers'

/** The passages' quotes in the data dir's notebook with id `id` (B also has its own seed notebook). */
async function quotes(dataDir: string, id: string): Promise<string[]> {
  const dir = join(dataDir, 'notebooks')
  for (const file of (await readdir(dir)).filter((n) => n.endsWith('.json'))) {
    const nb = JSON.parse(await readFile(join(dir, file), 'utf8'))
    if (nb.id === id)
      return nb.annotations.map((p: { target: { quote: { exact: string } } }) => p.target.quote.exact).sort()
  }
  throw new Error(`no notebook ${id} in ${dataDir}`)
}

async function mark(page: Page, phrase: string): Promise<void> {
  await markPassage(page, phrase)
  await expect(passageCard(page, phrase.slice(0, 12))).toBeVisible()
}

test('share, join, edit both sides, converge — and through a stopped server and restarts', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  const dirs = await Promise.all(['team', 'a', 'b'].map((n) => mkdtemp(join(tmpdir(), `glossa-e2e-${n}-`))))
  const [teamDir, dirA, dirB] = dirs
  let team = await startTeamServer(teamDir)
  let a = await openApp(browser, dirA)
  let b = await openApp(browser, dirB)
  try {
    await openSeedNotebook(a.page)
    const key = await shareNotebook(a.page, team.url)
    expect(key).toMatch(/^glossa\.rw\./)
    const id = key.split('.')[2]
    await expect(teamState(a.page)).toContainText('Online')

    // A wrong key: refused with the reason, nothing created.
    await b.page.getByRole('button', { name: 'Join…' }).click()
    const join = b.page.getByRole('dialog', { name: 'Join a shared notebook' })
    await join.getByLabel('Team server address').fill(team.url)
    await join.getByLabel('Notebook key').fill(key.slice(0, -4) + 'AAAA')
    await join.getByRole('button', { name: 'Join' }).click()
    await expect(join.getByRole('alert')).toContainText('not valid on this server')
    await join.getByLabel('Notebook key').fill(key)
    await join.getByRole('button', { name: 'Join' }).click()
    await expect(b.page.getByRole('main', { name: 'Source' })).toContainText('Hareer')
    await expect(teamState(b.page)).toContainText('Online')

    await mark(a.page, 'Hareer base in the Kurdistan region')
    await expect(passageCard(b.page, 'Hareer base')).toBeVisible()
    await mark(b.page, 'Ain al-Asad')
    await expect(passageCard(a.page, 'Ain al-Asad')).toBeVisible()

    // The server goes away; both sides edit offline.
    await stopChild(team.child)
    await expect(teamState(a.page)).toContainText('Offline')
    await mark(a.page, 'Baghdad International Airport')
    await mark(b.page, 'Islamic State group')
    await expect(teamState(a.page)).toContainText(/Offline, \d+ changes? waiting/)
    await expect(a.page.getByText('Saved', { exact: true })).toBeVisible()
    await expect(b.page.getByText('Saved', { exact: true })).toBeVisible()

    // Both apps restart while the server is down, then the server comes back on its port.
    await a.close()
    await b.close()
    a = await openApp(browser, dirA)
    b = await openApp(browser, dirB)
    await openSeedNotebook(a.page)
    // B's library also has its own seed notebook: the shared one is the one opened last (first).
    await b.page
      .getByRole('button', { name: new RegExp(SEED_TITLE) })
      .first()
      .click()
    await expect(b.page.getByRole('main', { name: 'Source' })).toContainText('Hareer')
    team = await startTeamServer(teamDir, team.port)
    await expect(passageCard(a.page, 'Islamic State')).toBeVisible({ timeout: 30_000 })
    await expect(passageCard(b.page, 'Baghdad Intern')).toBeVisible({ timeout: 30_000 })
    await expect(teamState(a.page)).toContainText('Online')
    // Both JSON files hold the same four passages: nothing lost on either side.
    await expect
      .poll(async () => JSON.stringify(await quotes(dirA, id)) === JSON.stringify(await quotes(dirB, id)), {
        timeout: 20_000,
      })
      .toBe(true)
    expect(await quotes(dirA, id)).toHaveLength(4)
  } finally {
    await a.close().catch(() => {})
    await b.close().catch(() => {})
    await stopChild(team.child).catch(() => {})
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
  }
})
