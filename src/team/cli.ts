// `npm run team-server -- --port N --data-dir DIR [--host H]`: a team server for live notebooks.
// Listens on 127.0.0.1 unless --host says otherwise (0.0.0.0 to let the team's machines in).
import { argValue } from '../core/data-dir'
import { startTeamServer } from './server'

async function main(argv: string[]): Promise<void> {
  const port = Number(argValue(argv, '--port') ?? 8765)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a number from 0 to 65535.')
  const dataDir = argValue(argv, '--data-dir')
  if (!dataDir) fail('--data-dir is required: the folder where the server keeps its notebooks.')
  const host = argValue(argv, '--host') ?? '127.0.0.1'
  const server = await startTeamServer({ port, host, dataDir })
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
