// A failed save (the disk filling up while a notebook is open) is reported in the top bar and
// leaves the previous file on disk byte for byte. The browser host simulates the full disk
// with its test-only GLOSSA_FAULT_INJECT=enospc-after-open (src/web/fault-inject.ts).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, startWebHost, stopChild, test } from './fixtures'
import { highlight, markPassage, openSeedNotebook } from './helpers'

test('a full disk shows "Not saved" and keeps the previous file intact', async ({ browser }, testInfo) => {
  test.skip(
    testInfo.project.name === 'electron',
    'Fault injection is a browser-host switch; the store test covers the same path for both.',
  )
  const dataDir = await mkdtemp(join(tmpdir(), 'glossa-e2e-enospc-'))
  // spawn() copies the environment synchronously, so the variable reaches only this host.
  process.env.GLOSSA_FAULT_INJECT = 'enospc-after-open'
  const starting = startWebHost(dataDir)
  delete process.env.GLOSSA_FAULT_INJECT
  const host = await starting
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(`${host.url}/#token=e2e-token-0123456789`)
    await openSeedNotebook(page)
    const dir = join(dataDir, 'notebooks')
    const [file] = (await readdir(dir)).filter((n) => n.endsWith('.json'))
    const before = await readFile(join(dir, file))

    await markPassage(page, 'Hareer base in the Kurdistan region')
    await expect(highlight(page)).toHaveText('Hareer base in the Kurdistan region') // the edit stays on screen
    const status = page.getByRole('alert').filter({ hasText: 'Not saved' })
    await expect(status).toContainText(
      /Not saved: Could not save .*the disk is full.*previous version on disk is intact/,
    )

    expect(await readFile(join(dir, file))).toEqual(before)
    // no temp file left behind (the live notebook's state folder, .live, is not a temp file)
    expect((await readdir(dir)).filter((n) => n !== file && n !== '.live')).toEqual([])
  } finally {
    await context.close()
    await stopChild(host.child)
    await rm(dataDir, { recursive: true, force: true })
  }
})
