// Reading a Glossa Markdown export back into a notebook, in an import worker (src/core/import/
// worker.ts) rather than on the core's thread: at L (20,000 passages, 12 MB) it takes ~35 s, ~90 %
// of it remark's parse, and the core would answer nothing meanwhile. The worker reports how many
// characters it has parsed, part by part (parse-parts.ts), and its errors cross back with the
// same code and message as when it ran in the core.
import { randomBytes } from 'node:crypto'
import { readExport } from '@shared/markdown-import/read-export'
import type { ReadExportRequest, WorkerReply } from '../import/worker-protocol'

export function readExportTask(request: ReadExportRequest, reply: (message: WorkerReply) => void): void {
  let notebook
  try {
    notebook = readExport(request.files, {
      now: request.now,
      // As nanoid(12) would (72 random bits, URL-safe), without nanoid: Rollup would move it out
      // of the start chunk into the Markdown chunk this module is in, and the host would load
      // that chunk, remark and all, at start (tests/unit/web/host-bundle.test.ts).
      newId: () => randomBytes(9).toString('base64url'),
      // Once everything is parsed, what is left is rebuilding the notebook from the trees.
      onProgress: (done, total) =>
        reply({ kind: 'progress', progress: { phase: done < total ? 'reading' : 'building', done, total } }),
    })
  } catch (error) {
    // An ImportProblem (code import/invalid) says what is wrong with the files; anything else
    // (a stack overflow on absurd nesting) is reported as it was when this ran in the core.
    const code = (error as { code?: unknown }).code
    return reply({
      kind: 'failed',
      code: code === 'import/too-large' || code === 'import/empty' ? code : 'import/invalid',
      message: error instanceof Error ? error.message : String(error),
    })
  }
  reply({ kind: 'read', notebook: notebook as unknown as Record<string, unknown> })
}
