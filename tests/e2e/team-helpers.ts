// A team server started by a test, and apps (browser hosts on their own data dirs) to share
// and join with it (team-web-only.spec.ts, team-readonly-web-only.spec.ts).
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
