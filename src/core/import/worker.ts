// The import worker: runs the pure converter on its own thread, one conversion at a time, so a
// hostile file can only burn this thread's time and heap, which the host bounds and reclaims
// (see pool.ts). Built as its own entry (out/main/import-worker.js, electron.vite.config.ts).
// It also reads Glossa Markdown exports back into notebooks (src/core/markdown-import), which at
// scale take tens of seconds the core's thread must not spend.
import { parentPort } from 'node:worker_threads'
import { readExportTask } from '../markdown-import/read-in-worker'
import { convertSource, ImportError } from './index'
import { isReadExport, type WorkerReply, type WorkerRequest } from './worker-protocol'

const port = parentPort
if (!port) throw new Error('import worker: start me with new Worker(), not directly')

const reply = (message: WorkerReply): void => port.postMessage(message)

port.on('message', (input: WorkerRequest) => {
  if (isReadExport(input)) return readExportTask(input, reply)
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
