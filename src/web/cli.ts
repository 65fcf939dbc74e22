// `npm run web -- --port N --data-dir DIR --token T`: the browser host.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { appVersion, defaultUserDataDir, findAppRoot } from '../core/app-paths'
import { argValue, resolveDataDir } from '../core/data-dir'
import { LiveRelay } from '../core/live/relay'
import { createService } from '../core/service'
import { FAULT_MODES, faultyFs, type FaultMode } from './fault-inject'
import { liveUpgrade } from './live-socket'
import { startWebHost } from './server'

export async function runWebHost(argv: string[]): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url))
  const root = findAppRoot(here)
  // Built as <out>/main/web.js beside <out>/renderer; run from source, use the default out/.
  const staticDir = existsSync(join(here, '..', 'renderer', 'index.html'))
    ? join(here, '..', 'renderer')
    : join(root, 'out', 'renderer')
  if (!existsSync(join(staticDir, 'index.html')))
    fail(`The renderer is not built (${staticDir}). Run "npm run build" first.`)
  const port = Number(argValue(argv, '--port') ?? 5173)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535.`)
  const token = argValue(argv, '--token') ?? randomBytes(24).toString('base64url')
  if (!/^[A-Za-z0-9._~-]{8,200}$/.test(token))
    fail('--token must be 8 to 200 characters of letters, digits, ".", "_", "~" or "-".')

  const dataDir = resolveDataDir(argv, process.env, defaultUserDataDir())
  // Test-only: simulate a full disk etc. (see fault-inject.ts). Never set by the app itself.
  const fault = process.env.GLOSSA_FAULT_INJECT as FaultMode | undefined
  if (fault && !FAULT_MODES.includes(fault))
    fail(`GLOSSA_FAULT_INJECT must be one of: ${FAULT_MODES.join(', ')}.`)
  if (fault) console.warn(`Glossa web host: fault injection on (${fault}); saves will fail.`)
  const fs = fault ? faultyFs(fault) : undefined
  const service = await createService({
    dataDir,
    resourcesDir: join(root, 'resources'),
    host: 'web',
    version: appVersion(root),
    fs,
  })
  const relay = new LiveRelay(service.live)
  const { server, port: actual } = await startWebHost({
    handlers: service.handlers,
    staticDir,
    token,
    port,
    upgrade: liveUpgrade(relay, token),
  })
  console.log(`Glossa web host: http://127.0.0.1:${actual}/#token=${token}`)
  console.log(`Data folder: ${dataDir}`)

  const stop = async () => {
    relay.close()
    server.close()
    await service.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function fail(message: string): never {
  console.error(`Glossa web host: ${message}`)
  process.exit(2)
}

runWebHost(process.argv.slice(2)).catch((error) => {
  console.error(`Glossa web host could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
