// The browser host's bundle (out/main/web.js and every chunk it imports, statically or on first
// use) never loads `electron`: plain Node has no such module. Rollup once put the lazily loaded
// export code into the desktop entry's chunk, and the host's first export failed with a
// missing named export from 'electron'. And what the host loads before printing its address
// (its static imports) holds none of the core it loads later: Rollup once put the shared schema
// into the Markdown import's chunk, so the host loaded remark and yaml at start (#16's first
// paint). Needs a build (`npm test` builds before the unit tests).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const OUT = resolve(import.meta.dirname, '../../..', process.env.GLOSSA_OUT_DIR ?? 'out', 'main')
const ENTRY = join(OUT, 'web.js')

/**
 * Every module specifier in `import … from "x"`, `import "x"`, `export … from "x"` and, unless
 * `staticOnly`, `import("x")`.
 */
function specifiers(code: string, staticOnly = false): string[] {
  const found: string[] = []
  const patterns = [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g]
  if (!staticOnly) patterns.push(/\bimport\(\s*["']([^"']+)["']\s*\)/g)
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1])
  return found
}

/** The bare modules the host can load, with the chunk that names each. */
function reachable(entry: string, staticOnly = false): Map<string, string> {
  const bare = new Map<string, string>()
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const spec of specifiers(readFileSync(file, 'utf8'), staticOnly)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec))
      else if (!bare.has(spec)) bare.set(spec, file)
    }
  }
  visit(entry)
  return bare
}

describe('the browser host bundle', () => {
  it.skipIf(!existsSync(ENTRY))('never loads electron, even through code loaded on first use', () => {
    const bare = reachable(ENTRY)
    expect(bare.size).toBeGreaterThan(0) // the walk read the chunks
    expect(bare.get('electron'), 'a chunk the host loads imports electron').toBeUndefined()
  })

  it.skipIf(!existsSync(ENTRY))(
    'loads only what listing the library needs before it prints its address',
    () => {
      const atStart = reachable(ENTRY, true)
      expect(atStart.has('node:http'), 'the walk followed the chunks').toBe(true)
      // Live notebooks, the team client, export and Markdown import: loaded after the address.
      const later = [
        'yjs',
        'ws',
        '@hocuspocus/provider',
        'y-protocols/sync',
        'remark-parse',
        'unified',
        'yaml',
      ]
      const early = later.filter((name) => atStart.has(name)).map((name) => `${name} (${atStart.get(name)})`)
      expect(early, 'modules loaded before the address').toEqual([])
      // …and each is still reachable on first use (the walk is not vacuous).
      const all = reachable(ENTRY)
      expect(later.filter((name) => !all.has(name))).toEqual([])
    },
  )
})
