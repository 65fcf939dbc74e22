// The import worker: runs the pure converter on its own thread, one conversion at a time, so a
// hostile file can only burn this thread's time and heap, which the host bounds and reclaims
// (see pool.ts). Built as its own entry (out/main/import-worker.js, electron.vite.config.ts).
// It also reads Glossa Markdown exports back into notebooks (src/core/markdown-import), which at
// scale take tens of seconds the core's thread must not spend.
import { parentPort } from 'node:worker_threads'
import { convertSource, ImportError } from './index'
import { isReadExport, type WorkerReply, type WorkerRequest } from './worker-protocol'

const port = parentPort
if (!port) throw new Error('import worker: start me with new Worker(), not directly')

const reply = (message: WorkerReply): void => port.postMessage(message)

type Reader = typeof import('../markdown-import/read-in-worker')
/** The export reader, loaded on the first export: loaded at start it made every worker start
 * ~300 ms later (median 650 → 980 ms bundled), which each conversion after an idle spell pays.
 * Bundled, import() loads its chunk; from source this file runs as CommonJS under tsx's require
 * hook (worker-entry.ts), whose import() would reach Node's own loader, blind to .ts files. */
const loadReader = (): Promise<Reader> =>
  // (The bundle has a `require` too, made by electron-vite, and its __filename ends in .js.)
  typeof __filename === 'string' && __filename.endsWith('.ts')
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- from source only, see above
      Promise.resolve(require('../markdown-import/read-in-worker') as Reader)
    : import('../markdown-import/read-in-worker')
let reader: Promise<Reader> | undefined

port.on('message', (input: WorkerRequest) => {
  if (isReadExport(input))
    return void (reader ??= loadReader()).then(
      ({ readExportTask }) => readExportTask(input, reply),
      (error: unknown) =>
        reply({
          kind: 'failed',
          code: 'import/unavailable',
          message: `The export reader could not be loaded (${error instanceof Error ? error.message : String(error)}). Nothing was added.`,
        }),
    )
  try {
    reply({ kind: 'done', result: convertSource(input) })
  } catch (error) {
    if (error instanceof ImportError) reply({ kind: 'failed', code: error.code, message: error.message })
    else
      reply({
        kind: 'failed',
        code: 'import/invalid',
        message: `The file could not be imported: ${error instanceof Error ? error.message : String(error)}.`,
      })
  }
})
reply({ kind: 'ready' })
