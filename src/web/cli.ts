// `npm run web -- --port N --data-dir DIR --token T`: the browser host.
//
// It starts in two steps (#16's first paint): the data dir's library (seeded the first time) and
// the HTTP server come first, and the address is printed; the rest of the core (live docs with
// Yjs and the team client, conversion, the handlers) is loaded right after, while the browser
// fetches the page. API calls and live connections that arrive before it is loaded wait for it.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Handlers, MethodName } from '@shared/contract'
import { METHOD_NAMES } from '@shared/method-names'
import { appVersion, defaultUserDataDir, findAppRoot } from '../core/app-paths'
import { argValue, resolveDataDir } from '../core/data-dir'
import { openLibrary } from '../core/open-library'
import type { Service } from '../core/service'
import { FAULT_MODES, faultyFs, type FaultMode } from './fault-inject'
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
  const resourcesDir = join(root, 'resources')
  const library = await openLibrary({ dataDir, resourcesDir, fs })
  let loaded: Core | null = null
  let loading: Promise<Core> | null = null
  const core = () => (loading ??= loadCore())
  const loadCore = async (): Promise<Core> => {
    const [{ createService }, { LiveRelay }, { liveUpgrade }] = await Promise.all([
      import('../core/service'),
      import('../core/live/relay'),
      import('./live-socket'),
    ])
    const options = { dataDir, resourcesDir, host: 'web' as const, version: appVersion(root), fs }
    const service = await createService(options, library)
    const relay = new LiveRelay(service.live)
    upgradeNow = liveUpgrade(relay, token)
    return (loaded = { service, close: () => relay.close() })
  }
  let upgradeNow: ((req: IncomingMessage, socket: Duplex, head: Buffer) => void) | null = null
  const { server, port: actual } = await startWebHost({
    handlers: deferredHandlers(async () => (await core()).service.handlers),
    staticDir,
    token,
    port,
    upgrade: (req, socket, head) => {
      if (upgradeNow) return upgradeNow(req, socket, head)
      core().then(
        () => upgradeNow!(req, socket, head),
        () => socket.destroy(),
      )
    },
  })
  console.log(`Glossa web host: http://127.0.0.1:${actual}/#token=${token}`)
  console.log(`Data folder: ${dataDir}`)
  core().catch((error: unknown) => {
    console.error(
      `Glossa web host could not start: ${error instanceof Error ? error.message : String(error)}`,
    )
    process.exit(1)
  })

  const stop = async () => {
    server.close()
    const done = loaded ?? (await core().catch(() => null))
    done?.close()
    await (done ? done.service.close() : library.flushAll())
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/** The core once loaded: its service, and what closes the live relay. */
interface Core {
  service: Service
  close(): void
}

/** Handlers that wait for the real ones (the core being loaded) before answering. */
function deferredHandlers(real: () => Promise<Handlers>): Handlers {
  const call = async (name: MethodName, args: unknown) => {
    const handlers = (await real()) as Record<MethodName, (args: unknown) => Promise<unknown>>
    return handlers[name](args)
  }
  return Object.fromEntries(
    METHOD_NAMES.map((name) => [name, (args: unknown) => call(name, args)]),
  ) as Handlers
}

function fail(message: string): never {
  console.error(`Glossa web host: ${message}`)
  process.exit(2)
}

runWebHost(process.argv.slice(2)).catch((error) => {
  console.error(`Glossa web host could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
