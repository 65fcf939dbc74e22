// A stand-in for the import worker (src/core/import/worker.ts), for tests of what happens around
// a Markdown export being read: it answers `ready`, and to a readExport posts the given progress
// messages, then the given notebook — or, with none, never answers (a worker "parked" mid-read,
// as a 12 MB export keeps it for tens of seconds), so a test can act during an import without
// timing anything.
import type { ImportProgress } from '../../src/shared/markdown-import/progress'
import type { WorkerEntry } from '../../src/core/import/worker-entry'

export function standInWorker(steps: ImportProgress[], notebook?: unknown): () => WorkerEntry {
  const script = `
    const { parentPort } = require('node:worker_threads')
    const steps = ${JSON.stringify(steps)}
    const notebook = ${notebook === undefined ? 'undefined' : JSON.stringify(notebook)}
    parentPort.on('message', (request) => {
      if (request.task !== 'readExport') return
      for (const progress of steps) parentPort.postMessage({ kind: 'progress', progress })
      if (notebook !== undefined) parentPort.postMessage({ kind: 'read', notebook })
    })
    parentPort.postMessage({ kind: 'ready' })
  `
  return () => ({ script, options: { eval: true } })
}
