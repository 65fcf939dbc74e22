// The team server: Hocuspocus with SQLite persistence (each update kept as it comes, the whole
// state now and then: update-log.ts), one document per notebook (named by its id), and access
// by notebook key (read-write or read-only; key-store.ts). A wrong key is refused before any of
// the notebook is sent.
import { mkdirSync } from 'node:fs'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { Redis } from '@hocuspocus/extension-redis'
import { Server } from '@hocuspocus/server'
import { Id } from '@shared/schema'
import { KeyStore } from './key-store'
import { UpdateLog } from './update-log'

export interface TeamServerOptions {
  port: number
  host: string
  dataDir: string
  /** Several servers behind a load balancer share documents through one Redis (docs/LIVE.md). */
  redis?: { host: string; port: number }
  quiet?: boolean
}

export interface TeamServer {
  url: string
  port: number
  stop(): Promise<void>
}

/**
 * Messages larger than this are refused by the transport. The first sync of a notebook sends
 * it whole: the L benchmark notebook (26 MB of JSON) is about that much; notebook files are
 * opened up to 150 MB. A single note is held to 1,000,000 characters by the projection.
 */
const MAX_MESSAGE_BYTES = 160 * 1024 * 1024

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  mkdirSync(options.dataDir, { recursive: true })
  const database = join(options.dataDir, 'team.sqlite')
  const keys = new KeyStore(database)
  const server = new Server({
    name: 'glossa-team',
    port: options.port,
    address: options.host,
    quiet: options.quiet ?? true,
    stopOnSignals: false,
    websocketOptions: { maxPayload: MAX_MESSAGE_BYTES },
    extensions: [
      new UpdateLog(database),
      ...(options.redis ? [new Redis({ host: options.redis.host, port: options.redis.port })] : []),
    ],
    async onAuthenticate({ documentName, token, connectionConfig }) {
      if (!Id.safeParse(documentName).success) throw refusal('There is no such notebook.')
      const outcome = keys.authorize(documentName, token ?? '')
      if ('refused' in outcome) throw refusal(outcome.refused)
      connectionConfig.readOnly = outcome.role === 'ro'
      return { role: outcome.role }
    },
  })
  // Every socket, upgraded ones included: stopping drops them all, so clients know at once.
  const sockets = new Set<Socket>()
  server.httpServer.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await server.listen()
  const port = server.address.port
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    url: `ws://${shown}:${port}`,
    port,
    async stop() {
      await server.destroy()
      for (const socket of sockets) socket.destroy()
      keys.close()
    },
  }
}

/** Hocuspocus sends an error's `reason` to the client as the reason it was refused. */
function refusal(reason: string): Error & { reason: string } {
  return Object.assign(new Error(reason), { reason })
}
