// Run in a fresh process by live.ts, so live.memory is what one core process holds, not the
// benchmark's leftovers (memory-child.ts does the same for memory.core). "app" opens the
// notebook as the core does for a window; "live" also opens its live doc (LiveNotebook: the
// Y.Doc, its saved state beside the file), as the core does once a second window or a team
// server follows the notebook. Prints MB as JSON once the heap settled.
import { dirname, join } from 'node:path'
import { LiveNotebook } from '../../src/core/live/live-notebook'
import { Library } from '../../src/core/store/library'
import { collectGarbage } from '../stats'

async function main(): Promise<void> {
  const [file, mode] = process.argv.slice(2)
  const library = new Library({ dataDir: dirname(dirname(file)) })
  const { notebooks } = await library.list()
  const handle = await library.openNotebook(notebooks[0].id)
  const keep: unknown[] = [handle]
  if (mode === 'live')
    keep.push(await LiveNotebook.open(join(dirname(file), '.live', 'bench.ydoc'), handle.data))
  collectGarbage()
  await new Promise((resolve) => setTimeout(resolve, 200))
  collectGarbage()
  const m = process.memoryUsage()
  const mb = (x: number) => Math.round((x / 1048576) * 10) / 10
  process.stdout.write(JSON.stringify({ rss: mb(m.rss), heapUsed: mb(m.heapUsed), kept: keep.length }))
}

void main()
