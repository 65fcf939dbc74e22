// The e2e fixture: a running Glossa on a fresh temp data dir, as the browser host in Debian
// Chromium ("web") or as the desktop app ("electron"), behind one interface so every spec
// runs on both targets.
import {
  test as base,
  expect,
  _electron,
  type Browser,
  type ElectronApplication,
  type Page,
} from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { electronBinary } from '../../scripts/electron-path'
import { recordFlashes } from './flash-recorder'

const ROOT = join(import.meta.dirname, '..', '..')
/** The build to test: `out/` unless GLOSSA_OUT_DIR names another (parallel builds by several people). */
const OUT = process.env.GLOSSA_OUT_DIR ? join(ROOT, process.env.GLOSSA_OUT_DIR) : join(ROOT, 'out')

export interface GlossaApp {
  page: Page
  dataDir: string
  /** The browser host's base URL and token (web target only). */
  url?: string
  token?: string
  /** Stops and starts the app on the same data dir, as a person closing and reopening it. */
  restart(): Promise<void>
}

export function startWebHost(
  dataDir: string,
  token = 'e2e-token-0123456789',
): Promise<{ child: ChildProcess; url: string; port: number }> {
  const child = spawn(
    process.execPath,
    [join(OUT, 'main', 'web.js'), '--port', '0', '--data-dir', dataDir, '--token', token],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(
      () => reject(new Error(`web host did not start: ${out}`)),
      process.env.CI ? 90_000 : 15_000,
    )
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const match = /Glossa web host: (http:\/\/127\.0\.0\.1:(\d+))\/#token=/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: match[1], port: Number(match[2]) })
      }
    })
    child.stderr!.on('data', (chunk) => (out += chunk))
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${out}`)))
  })
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await exited
}

async function webApp(browser: Browser, dataDir: string): Promise<GlossaApp & { close(): Promise<void> }> {
  const token = 'e2e-token-0123456789'
  let host = await startWebHost(dataDir, token)
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })
  await context.addInitScript(recordFlashes)
  const page = await context.newPage()
  const app = {
    page,
    dataDir,
    url: host.url,
    token,
    async restart() {
      await stopChild(host.child)
      host = await startWebHost(dataDir, token)
      app.url = host.url
      await page.goto(`${host.url}/#token=${token}`)
    },
    async close() {
      await context.close()
      await stopChild(host.child)
    },
  }
  await page.goto(`${host.url}/#token=${token}`)
  return app
}

async function electronApp(binary: string, dataDir: string): Promise<GlossaApp & { close(): Promise<void> }> {
  const launch = () =>
    _electron.launch({
      executablePath: binary,
      args: [join(OUT, 'main', 'index.js'), '--data-dir', dataDir],
      env: { ...process.env, GLOSSA_DATA_DIR: dataDir },
    })
  const firstWindow = async (electron: ElectronApplication) => {
    await electron.context().addInitScript(recordFlashes)
    const page = await electron.firstWindow()
    await page.evaluate(recordFlashes)
    return page
  }
  let electron = await launch()
  const app = {
    page: await firstWindow(electron),
    dataDir,
    async restart() {
      await electron.close()
      electron = await launch()
      app.page = await firstWindow(electron)
    },
    close: () => electron.close(),
  }
  return app
}

export const test = base.extend<{ glossa: GlossaApp }>({
  glossa: async ({ browser }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'glossa-e2e-'))
    let app: (GlossaApp & { close(): Promise<void> }) | undefined
    try {
      if (testInfo.project.name === 'electron') {
        const binary = electronBinary()
        test.skip(
          !binary,
          'The Electron binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the "web" project covers the same specs.',
        )
        app = await electronApp(binary!, dataDir)
      } else {
        app = await webApp(browser, dataDir)
      }
      await use(app)
    } finally {
      await app?.close().catch(() => {})
      await rm(dataDir, { recursive: true, force: true })
    }
  },
})

export { expect }
