// import.md: the notebook's own one-file Markdown export brought back as a new notebook, through
// the app's import path (core/markdown-import: prepareFiles, detect, readExport, schema check,
// library.add writing the file), against JSON.parse of the notebook file measured in the same
// run, interleaved. Also the Markdown export of the same notebook (the way there), and the heap
// the import holds when readExport returns (garbage included, and after a collection) against
// the notebook's own heap. At L one import takes ~35 s on a quiet machine: two runs, no warm-up.
// `blockMs`: the longest time the core's event loop could not run a timer during an import
// (the largest over the runs): while it lasts, the core answers no other call. The export is
// read in an import worker, as in the app; the core's thread checks and writes the notebook.
import { readFile } from 'node:fs/promises'
import { ConversionPool } from '../../src/core/import/pool'
import { importMarkdown } from '../../src/core/markdown-import/import-markdown'
import { Library } from '../../src/core/store/library'
import { exportMarkdown } from '../../src/shared/export/markdown/index'
import { prepareFiles } from '../../src/shared/markdown-import/files'
import { readExport } from '../../src/shared/markdown-import/read-export'
import { collectGarbage, heapUsed, parseWithHeap, summarize, toMB, withLoopBlockProbe } from '../stats'
import { ms, withRatio, type FigureContext, type FigureResult } from '../types'

const heap = heapUsed

export async function importFigures(ctx: FigureContext): Promise<FigureResult[]> {
  const { nb, notebookHeap } = await parseWithHeap(ctx.file)
  const text = await readFile(ctx.file, 'utf8') // the baseline parses it
  const file = exportMarkdown(nb, { layout: 'single' }).files[0]
  const library = new Library({ dataDir: ctx.tmp })
  const convert = (): never => {
    throw new Error('a Glossa export needs no converter')
  }
  // As in the app, the export is read in an import worker (started from source here, through
  // tsx: slower to start than the bundled one); a worker that read this much is not reused.
  const pool = new ConversionPool()
  const deps = { library, convert, readExport: pool.readExport.bind(pool) }
  const runs = ctx.quick || ctx.scale === 'L' ? 2 : 3
  const imports: number[] = []
  const parses: number[] = []
  const exports: number[] = []
  let blockMs = 0
  for (let i = 0; i < runs; i++) {
    collectGarbage()
    let t0 = performance.now()
    JSON.parse(text)
    parses.push(performance.now() - t0)
    collectGarbage()
    t0 = performance.now()
    exportMarkdown(nb, { layout: 'single' })
    exports.push(performance.now() - t0)
    collectGarbage()
    t0 = performance.now()
    const { maxBlockMs } = await withLoopBlockProbe(() => importMarkdown(deps, { files: [{ ...file }] }))
    imports.push(performance.now() - t0)
    blockMs = Math.max(blockMs, maxBlockMs)
  }
  await pool.close()
  // Memory, untimed: what readExport (the synchronous heart of the import) leaves on the heap.
  collectGarbage()
  const base = heap()
  const back = readExport(prepareFiles([{ ...file }]), { now: new Date().toISOString(), newId: () => 'x' })
  const raw = heap() - base
  collectGarbage()
  const retained = heap() - base
  const parse = summarize(parses)
  return [
    withRatio({
      id: 'import.md',
      scale: ctx.scale,
      measured: ms('Markdown import (one file)', summarize(imports)),
      baseline: ms('JSON.parse', parse),
      extra: {
        inputMB: toMB(Buffer.byteLength(file.content)),
        passages: back.annotations.length,
        blockMs: Math.round(blockMs),
        exportMs: Math.round(summarize(exports).median),
        vsExport: Math.round((summarize(imports).median / summarize(exports).median) * 10) / 10,
        heapAfterReadMB: toMB(raw),
        retainedMB: toMB(retained),
        notebookHeapMB: toMB(notebookHeap),
        memoryRatio: Math.round((raw / notebookHeap) * 100) / 100,
      },
    }),
  ]
}
