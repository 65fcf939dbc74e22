import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// One build, four outputs: the Electron main process, the browser host (plain Node, same
// core), the sandboxed preload (CommonJS, no dependencies) and the renderer.
// `@shared/…` is src/shared: pure code every runtime uses (see docs/ARCHITECTURE.md).
const resolveShared = { alias: { '@shared': resolve('src/shared') } }

const HOST_ENTRY = resolve('src/web/cli.ts')
type ModuleInfoOf = (id: string) => { importedIds: readonly string[] } | null
/** The browser host's modules at start: its entry and all it imports statically, transitively. */
const hostStartOf = new WeakMap<ModuleInfoOf, Set<string>>() // one per build (watch mode rebuilds)
function staticallyReachable(entry: string, info: ModuleInfoOf): Set<string> {
  const seen = new Set<string>()
  const todo = [entry]
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (seen.has(id)) continue
    seen.add(id)
    todo.push(...(info(id)?.importedIds ?? []))
  }
  return seen
}

export default defineConfig({
  main: {
    resolve: resolveShared,
    build: {
      // Bundled instead of loaded from node_modules: what the host needs before its first listing.
      // zod alone is 95 files, and reading them was a third of the host's start (#16).
      externalizeDeps: { exclude: ['zod', 'lowdb', 'steno', 'nanoid', 'approx-string-match'] },
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          web: resolve('src/web/cli.ts'),
          // Source conversion runs in a worker thread; src/core/import/worker-entry.ts finds it here.
          'import-worker': resolve('src/core/import/worker.ts'),
        },
        output: {
          // The browser host loads export and Markdown import on first use. Left to itself,
          // Rollup put modules the desktop entry also imports into that entry's chunk, so the
          // host's import() loaded index.js, which imports electron (absent in plain Node).
          // Rollup also puts a manual chunk's dependencies into it, so the shared schema and
          // errors once landed in the Markdown import's chunk, and the host loaded remark,
          // micromark and yaml before printing its address (#16's first paint). Hence a third
          // chunk: every module of ours the host imports statically at start.
          manualChunks(id, { getModuleInfo }) {
            let hostStart = hostStartOf.get(getModuleInfo)
            if (!hostStart)
              hostStartOf.set(getModuleInfo, (hostStart = staticallyReachable(HOST_ENTRY, getModuleInfo)))
            if (hostStart.has(id)) return id.includes('/src/') && id !== HOST_ENTRY ? 'start' : undefined
            if (id.includes('/src/shared/export/')) return 'export'
            if (id.includes('/markdown-import/')) return 'markdown-import'
            return undefined
          },
        },
      },
    },
  },
  preload: {
    resolve: resolveShared,
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    resolve: resolveShared,
    plugins: [react()],
    build: {
      rollupOptions: { input: resolve('src/renderer/index.html') },
      // electron-vite leaves the renderer unminified; minified, the code a window parses before
      // its first paint is about a third (first paint of the library, #16).
      minify: 'esbuild',
      chunkSizeWarningLimit: 2000,
    },
  },
})
