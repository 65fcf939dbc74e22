// `npm run team-server -- --port N --data-dir DIR [--host H] [--redis HOST:PORT]`: a team server
// for live notebooks. Listens on 127.0.0.1 unless --host says otherwise (0.0.0.0 to let the
// team's machines in); --redis joins other servers sharing that Redis (docs/LIVE.md).
import { argValue } from '../core/data-dir'
import { startTeamServer } from './server'

async function main(argv: string[]): Promise<void> {
  const port = Number(argValue(argv, '--port') ?? 8765)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a number from 0 to 65535.')
  const dataDir = argValue(argv, '--data-dir')
  if (!dataDir) fail('--data-dir is required: the folder where the server keeps its notebooks.')
  const host = argValue(argv, '--host') ?? '127.0.0.1'
  const redisArg = argValue(argv, '--redis')
  const redisMatch = redisArg ? /^([^:\s]+):(\d{1,5})$/.exec(redisArg) : null
  if (redisArg && !redisMatch) fail('--redis must be HOST:PORT, e.g. 127.0.0.1:6379.')
  const redis = redisMatch ? { host: redisMatch[1], port: Number(redisMatch[2]) } : undefined
  const server = await startTeamServer({ port, host, dataDir, redis })
  console.log(`Glossa team server: ${server.url}`)
  console.log(`Data folder: ${dataDir}`)
  const stop = async () => {
    await server.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function fail(message: string): never {
  console.error(`Glossa team server: ${message}`)
  process.exit(2)
}

main(process.argv.slice(2)).catch((error) => {
  console.error('Glossa team server could not start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
