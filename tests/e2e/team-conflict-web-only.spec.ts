// Where a merge must pick one value the app says so: two members rename one tag while the team
// server is down; when it is back both copies keep one name, and the member whose name lost is
// told which one was kept and what theirs was.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, stopChild, test } from './fixtures'
import { openSeedNotebook } from './helpers'
import { joinNotebook, openApp, shareNotebook, startTeamServer, teamState } from './team-helpers'

async function renameTag(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: 'Tags', exact: true }).click()
  const manager = page.getByRole('dialog', { name: 'Tags' })
  await manager.getByRole('treeitem', { name: new RegExp(`^${from},`) }).click()
  const name = manager.getByRole('textbox', { name: `Name of tag ${from}` })
  await name.fill(to)
  await name.press('Enter')
  await manager.getByRole('button', { name: 'Close' }).click()
}

/** The names of the tags in the data dir's notebook with id `id`. */
async function tagNames(dataDir: string, id: string): Promise<string[]> {
  const dir = join(dataDir, 'notebooks')
  for (const file of (await readdir(dir)).filter((n) => n.endsWith('.json'))) {
    const nb = JSON.parse(await readFile(join(dir, file), 'utf8'))
    if (nb.id === id) return nb.tags.map((t: { name: string }) => t.name).sort()
  }
  throw new Error(`no notebook ${id} in ${dataDir}`)
}

test('two renames of one tag made offline: one is kept, and the other side is told', async ({ browser }) => {
  test.setTimeout(240_000)
  const dirs = await Promise.all(['team', 'a', 'b'].map((n) => mkdtemp(join(tmpdir(), `glossa-e2e-${n}-`))))
  const [teamDir, dirA, dirB] = dirs
  let team = await startTeamServer(teamDir)
  const a = await openApp(browser, dirA)
  const b = await openApp(browser, dirB)
  try {
    await openSeedNotebook(a.page)
    const key = await shareNotebook(a.page, team.url)
    const id = key.split('.')[2]
    await joinNotebook(b.page, team.url, key)
    await expect(teamState(b.page)).toContainText('Online')

    await stopChild(team.child)
    await expect(teamState(a.page)).toContainText('Offline')
    await expect(teamState(b.page)).toContainText('Offline')
    await renameTag(a.page, 'base/ain-al-asad', 'base/al-asad-airbase')
    await renameTag(b.page, 'base/ain-al-asad', 'base/ain-al-asad-ab')
    await expect(teamState(a.page)).toContainText(/waiting/)
    await expect(teamState(b.page)).toContainText(/waiting/)

    team = await startTeamServer(teamDir, team.port)
    const told =
      /Two people changed the name of tag “(base\/al-asad-airbase|base\/ain-al-asad-ab)” at once: kept “\1”; the other was “(base\/al-asad-airbase|base\/ain-al-asad-ab)”/
    const notices = (page: Page) => page.getByText(told)
    await expect
      .poll(async () => (await notices(a.page).count()) + (await notices(b.page).count()), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0)
    // Both copies keep the same one name, on screen and on disk.
    await expect
      .poll(
        async () => JSON.stringify(await tagNames(dirA, id)) === JSON.stringify(await tagNames(dirB, id)),
        {
          timeout: 30_000,
        },
      )
      .toBe(true)
    const names = await tagNames(dirA, id)
    const kept = names.filter((n) => n === 'base/al-asad-airbase' || n === 'base/ain-al-asad-ab')
    expect(kept).toHaveLength(1)
    expect(names).not.toContain('base/ain-al-asad')

    // Either member can browse the conflict and put the other name back; both copies follow.
    const lost = kept[0] === 'base/al-asad-airbase' ? 'base/ain-al-asad-ab' : 'base/al-asad-airbase'
    await a.page.getByRole('button', { name: '1 conflict' }).click()
    const list = a.page.getByRole('dialog', { name: 'Merge conflicts' })
    await expect(list).toContainText(`kept “${kept[0]}”; the other was “${lost}”`)
    await list.getByRole('button', { name: `Use “${lost}”` }).click()
    await expect(list).toContainText('It has that value now.')
    await list.getByRole('button', { name: 'Close' }).click()
    for (const dir of [dirA, dirB])
      await expect.poll(async () => await tagNames(dir, id), { timeout: 30_000 }).toContain(lost)
    expect(await tagNames(dirA, id)).not.toContain(kept[0])
  } finally {
    await a.close().catch(() => {})
    await b.close().catch(() => {})
    await stopChild(team.child).catch(() => {})
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
  }
})
