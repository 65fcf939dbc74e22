// `npm run web -- --port N --data-dir DIR --token T`: the browser host.
//
// It starts in steps (#16's first paint): the data dir's library (seeded the first time) and the
// HTTP server come first, and the address is printed; the page's first two calls (the library's
// listing and trash) are answered from the library alone; the rest of the core (live docs with
// Yjs and the team client, conversion, the handlers) is loaded once they have been answered.
// Loading it takes the event loop for a while, so the page's files and first listing are served
// before it, not after. Any other API call or live connection loads it at once and waits for it.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { appVersion, defaultUserDataDir, findAppRoot } from '../core/app-paths'
import { argValue, resolveDataDir } from '../core/data-dir'
import { RecentlyOpened } from '../core/library/recently-opened'
import { listingHandlers, openLibrary } from '../core/open-library'
import type { Service } from '../core/service'
import { deferredHandlers } from './deferred-handlers'
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
  /** Loads the core once; a core that cannot load ends the host, as a failed start would. */
  const core = () => {
    if (loading) return loading
    loading = loadCore()
    loading.catch((error: unknown) => {
      console.error(
        `Glossa web host could not start: ${error instanceof Error ? error.message : String(error)}`,
      )
      process.exit(1)
    })
    return loading
  }
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
    handlers: deferredHandlers({
      early: listingHandlers(library, new RecentlyOpened(dataDir)),
      real: async () => (await core()).service.handlers,
      loaded: () => loaded !== null,
      // setImmediate: after the answer has been written.
      firstListingAnswered: () => setImmediate(core),
    }),
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

  const stop = async () => {
    server.close()
    // A core being loaded is waited for (it may hold a notebook); one never asked for is not loaded.
    const done = loading ? await loading.catch(() => null) : null
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

function fail(message: string): never {
  console.error(`Glossa web host: ${message}`)
  process.exit(2)
}

runWebHost(process.argv.slice(2)).catch((error) => {
  console.error(`Glossa web host could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
