// A Glossa core in its own process, for team-faults.test.ts to kill: opens the shared notebook
// in DATA_DIR (linked to its team server), applies the edit given as JSON operations, and prints
// "saved" once the store says the edit is on disk, then keeps running (syncing) until killed.
import { LiveDocs } from '../../../src/core/live/live-docs'
import { Library } from '../../../src/core/store/library'
import type { Op } from '../../../src/shared/ops'

async function main(): Promise<void> {
  const [dataDir, id, opsJson] = process.argv.slice(2)
  const library = new Library({ dataDir, coalesce: { delayMs: 1, maxWaitMs: 5 } })
  const docs = new LiveDocs(library)
  await docs.get(id)
  const handle = await library.openNotebook(id)
  const outcome = await handle.apply(JSON.parse(opsJson) as Op[], new Date().toISOString())
  process.stdout.write(outcome.saved ? 'saved\n' : `not saved: ${outcome.saveError}\n`)
  setInterval(() => {}, 60_000)
}

main().catch((error) => {
  process.stdout.write(`failed: ${error instanceof Error ? error.message : error}\n`)
  process.exit(1)
})
