// Run in a fresh process by memory.ts, so the figure is what one process holds, not the
// benchmark's own leftovers. Modes: "parse" only JSON.parse's the file (the baseline); "app"
// lists the library and opens the notebook, as the core does when a window opens it; "index"
// also builds the search index, which the app builds in the renderer (state/search-index.ts),
// so the difference is what the index costs there. Prints MB as JSON once the heap settled.
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { Library } from '../../src/core/store/library'
import { NotebookSearch } from '../../src/shared/search'
import { collectGarbage } from '../stats'

async function main(): Promise<void> {
  const [file, mode] = process.argv.slice(2)
  const keep: unknown[] = []
  if (mode === 'parse') keep.push(JSON.parse(readFileSync(file, 'utf8')))
  else {
    const library = new Library({ dataDir: dirname(dirname(file)) })
    const { notebooks } = await library.list()
    const handle = await library.openNotebook(notebooks[0].id)
    keep.push(handle)
    if (mode === 'index') keep.push(NotebookSearch.build(handle.data))
  }
  // Twice, with a pause: the sweeper finishes and the garbage of reading is gone before the
  // figures are read (a single gc() right after parsing left the file's string in the heap).
  collectGarbage()
  await new Promise((resolve) => setTimeout(resolve, 200))
  collectGarbage()
  const m = process.memoryUsage()
  const mb = (x: number) => Math.round((x / 1048576) * 10) / 10
  process.stdout.write(
    JSON.stringify({ rss: mb(m.rss), heapUsed: mb(m.heapUsed), external: mb(m.external), kept: keep.length }),
  )
}

void main()
