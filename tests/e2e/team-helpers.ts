// A team server started by a test, and apps (browser hosts on their own data dirs) to share
// and join with it (the team-*-web-only specs).
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { startWebHost, stopChild } from './fixtures'

const ROOT = join(import.meta.dirname, '..', '..')
const TOKEN = 'e2e-token-0123456789'

export function startTeamServer(
  dataDir: string,
  port = 0,
): Promise<{ child: ChildProcess; url: string; port: number }> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(ROOT, 'src', 'team', 'cli.ts'),
      '--port',
      String(port),
      '--data-dir',
      dataDir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT },
  )
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const match = /Glossa team server: (ws:\/\/127\.0\.0\.1:(\d+))/.exec(out)
      if (match) resolve({ child, url: match[1], port: Number(match[2]) })
    })
    child.stderr!.on('data', (chunk) => (out += chunk))
    child.on('exit', (code) => reject(new Error(`team server exited with ${code}: ${out}`)))
  })
}

export async function openApp(browser: Browser, dataDir: string) {
  const host = await startWebHost(dataDir, TOKEN)
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${host.url}/#token=${TOKEN}`)
  return {
    page,
    async close() {
      await context.close()
      await stopChild(host.child)
    },
  }
}

export const teamState = (page: Page) => page.getByRole('status', { name: 'Team connection' })

/** Shares the open notebook with the team server at `url`; returns the key named `keyLabel`. */
export async function shareNotebook(
  page: Page,
  url: string,
  keyLabel: 'Read-write key' | 'Read-only key' = 'Read-write key',
): Promise<string> {
  await page.getByRole('button', { name: 'Share…' }).click()
  const share = page.getByRole('dialog', { name: 'Share notebook' })
  await share.getByLabel('Team server address').fill(url)
  await share.getByRole('button', { name: 'Share' }).click()
  const key = await share.getByLabel(keyLabel).inputValue()
  await share.getByRole('button', { name: 'Done' }).click()
  return key
}

/** Joins the notebook `key` opens on the team server at `url`, from the library. */
export async function joinNotebook(page: Page, url: string, key: string): Promise<void> {
  await page.getByRole('button', { name: 'Join…' }).click()
  const join = page.getByRole('dialog', { name: 'Join a shared notebook' })
  await join.getByLabel('Team server address').fill(url)
  await join.getByLabel('Notebook key').fill(key)
  await join.getByRole('button', { name: 'Join' }).click()
}
