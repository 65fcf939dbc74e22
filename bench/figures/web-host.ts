// The browser host for renderer figures, started as the e2e fixture does (tests/e2e/fixtures.ts):
// node <out>/main/web.js --port 0 --data-dir D --token T, address parsed from its first line.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright'
import { CHROMIUM_LAUNCH } from '../../tests/chromium'

export const ROOT = join(import.meta.dirname, '..', '..')
/** The build to drive: GLOSSA_OUT_DIR (relative to the repo) or out/. */
export const OUT_DIR = join(ROOT, process.env.GLOSSA_OUT_DIR ?? 'out')

export function buildMissing(): string | null {
  const need = [join(OUT_DIR, 'main', 'web.js'), join(OUT_DIR, 'renderer', 'index.html')]
  const missing = need.filter((p) => !existsSync(p))
  return missing.length > 0 ? `no build at ${OUT_DIR} (run "npm run build", or set GLOSSA_OUT_DIR)` : null
}

export interface Host {
  child: ChildProcess
  url: string
  stop(): Promise<void>
  rssMB(): number | null
}

export function startHost(dataDir: string, token: string): Promise<Host> {
  const child = spawn(
    process.execPath,
    [join(OUT_DIR, 'main', 'web.js'), '--port', '0', '--data-dir', dataDir, '--token', token],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
  const rssMB = (): number | null => {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]
      return kb ? Math.round(Number(kb) / 102.4) / 10 : null
    } catch {
      return null // not Linux
    }
  }
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${out}`)), 20_000)
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const match = /Glossa web host: (http:\/\/127\.0\.0\.1:\d+)\/#token=/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: match[1], stop, rssMB })
      }
    })
    child.stderr!.on('data', (chunk) => (out += chunk))
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${out}`)))
  })
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH)
}
