// Run in a fresh process by memory.ts, so the figure is what the core holds, not the
// benchmark's own leftovers. Mode "app": open through the library + build the search
// index; mode "parse": only JSON.parse the file (the baseline). Prints MB as JSON.
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { Library } from '../../src/core/store/library'
import { NotebookSearch } from '../../src/shared/search'
import { collectGarbage } from '../stats'

const [file, mode] = process.argv.slice(2)
const keep: unknown[] = []
if (mode === 'parse') keep.push(JSON.parse(readFileSync(file, 'utf8')))
else {
  const library = new Library({ dataDir: dirname(dirname(file)) })
  const { notebooks } = await library.list()
  const handle = await library.openNotebook(notebooks[0].id)
  keep.push(handle, NotebookSearch.build(handle.data))
}
collectGarbage()
const m = process.memoryUsage()
const mb = (x: number) => Math.round((x / 1048576) * 10) / 10
process.stdout.write(
  JSON.stringify({ rss: mb(m.rss), heapUsed: mb(m.heapUsed), external: mb(m.external), kept: keep.length }),
)
