// Where the import worker's script is, in each way Glossa runs:
// - bundled (out/main/index.js for Electron, out/main/web.js for the browser host):
//   electron.vite.config.ts builds src/core/import/worker.ts as the entry `import-worker`, so it
//   is out/main/import-worker.js; this module is bundled into an entry there or into a shared
//   chunk in out/main/chunks/, so the script is beside it or one folder up.
// - from source (vitest, tsx scripts): this file is .ts, so the worker is worker.ts next to it,
//   started with tsx (which also maps `@shared/…` through tsconfig.json).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { WorkerOptions } from 'node:worker_threads'

export interface WorkerEntry {
  /** A script file, or (from source) a bootstrap evaluated as CommonJS. */
  script: URL | string
  options: Pick<WorkerOptions, 'eval' | 'env'>
}

export function importWorkerEntry(here: string = import.meta.url): WorkerEntry {
  if (/\.[cm]?ts$/.test(new URL(here).pathname)) {
    // tsx's require hook, not its `--import` loader: Node 20 does not apply module hooks in a
    // worker thread, while a require hook runs in the thread itself (and Node 20.19+ can
    // require the ESM-only parsers). An explicit require() also sidesteps `"type": "module"`,
    // under which Node would load worker.ts as ESM and refuse its extension.
    const require = createRequire(here)
    const bootstrap = [
      `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register()`,
      `require(${JSON.stringify(fileURLToPath(new URL('./worker.ts', here)))})`,
    ].join('\n')
    const tsconfig = fileURLToPath(new URL('../../../tsconfig.json', here))
    return {
      script: bootstrap,
      options: { eval: true, env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig } },
    }
  }
  const candidates = [new URL('./import-worker.js', here), new URL('../import-worker.js', here)]
  const script = candidates.find((candidate) => existsSync(candidate))
  if (!script)
    throw new Error(`The import worker is missing from the build (looked for ${candidates.join(', ')}).`)
  return { script, options: {} }
}
