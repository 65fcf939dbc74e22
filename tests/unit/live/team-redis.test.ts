// Two team servers behind one Redis (as behind a load balancer): an app on each, one notebook,
// edits on both sides reach the other through Redis. Needs Debian's redis-server.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { LiveDocs } from '../../../src/core/live/live-docs'
import { Library } from '../../../src/core/store/library'
import { startTeamServer } from '../../../src/team/server'
import { useTempDirs } from '../../helpers/temp-dir'
import { AT } from '../../helpers/notebook'
import { baseNotebook } from './replicas'

const REDIS = '/usr/bin/redis-server'
const tempDir = useTempDirs()
const stops: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop().catch(() => {})
})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

async function startRedis(dir: string): Promise<number> {
  const port = await freePort()
  const child: ChildProcess = spawn(REDIS, [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--dir',
    dir,
  ])
  stops.push(async () => {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  })
  await new Promise<void>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c) => {
      out += c
      if (/Ready to accept connections/.test(out)) resolve()
    })
    child.on('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)))
  })
  return port
}

describe.skipIf(!existsSync(REDIS))('two team servers sharing one Redis', () => {
  it('carries each side’s edits to the other', async () => {
    const redisPort = await startRedis(await tempDir())
    const shared = await tempDir()
    const servers = await Promise.all(
      [0, 1].map(() =>
        startTeamServer({
          port: 0,
          host: '127.0.0.1',
          dataDir: shared,
          redis: { host: '127.0.0.1', port: redisPort },
        }),
      ),
    )
    for (const s of servers) stops.push(() => s.stop())
    const apps = await Promise.all(
      [0, 1].map(async () => {
        const library = new Library({ dataDir: await tempDir(), coalesce: { delayMs: 1, maxWaitMs: 5 } })
        const docs = new LiveDocs(library)
        stops.push(async () => {
          await library.flushAll()
          await docs.closeAll()
        })
        return { library, docs }
      }),
    )
    const nb = baseNotebook()
    await apps[0].library.add(nb)
    const keys = await apps[0].docs.share(nb.id, servers[0].url)
    await apps[1].docs.join(servers[1].url, keys.readWrite)
    await apps[1].docs.get(nb.id)
    const [a, b] = await Promise.all(apps.map((app) => app.library.openNotebook(nb.id)))
    await a.apply([{ type: 'updateTag', id: 't1', patch: { color: '#aa0000' } }], AT)
    await b.apply([{ type: 'deleteLink', id: 'l1' }], AT)
    await expect.poll(() => b.data.tags[0].color, { timeout: 15_000 }).toBe('#aa0000')
    await expect.poll(() => a.data.links.length, { timeout: 15_000 }).toBe(0)
  })
})
