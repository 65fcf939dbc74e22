// Whether `npm start` can reuse the build in out/ (#15: it rebuilt everything, ~45 s, every
// time). A build is current when every output exists and no input changed since it was made.
// Directories count as inputs too: adding, removing or renaming a file changes its folder's
// modification time, which catches a deleted source that no file's own time would show.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

export interface Stamp {
  path: string
  mtimeMs: number
}

/** What the build reads: the sources, the bundled resources and the build's configuration. */
export const BUILD_INPUTS = [
  'src',
  'resources',
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
]
/** What `npm start` runs: the Electron main and the browser host, with what they load. */
export const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/web.js',
  'out/main/import-worker.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
]
/** Written by `npm start` after a build: when that build started (an edit during it is newer). */
export const BUILD_STAMP = 'out/.glossa-build.json'

export type BuildDecision = { rebuild: true; reason: string } | { rebuild: false; reason: string }

/**
 * The decision, from file times alone. `outputs` holds null times for missing files; `startedAt`
 * is the stamp's start time if there is one. The build counts as made at the earliest of its
 * outputs' times and its start, so an input written during the build still triggers a rebuild.
 */
export function buildDecision(
  inputs: readonly Stamp[],
  outputs: readonly { path: string; mtimeMs: number | null }[],
  startedAt: number | null,
): BuildDecision {
  const missing = outputs.find((o) => o.mtimeMs === null)
  if (missing) return { rebuild: true, reason: `${missing.path} is missing` }
  if (outputs.length === 0) return { rebuild: true, reason: 'no build outputs are known' }
  const builtAt = Math.min(startedAt ?? Infinity, ...outputs.map((o) => o.mtimeMs as number))
  let newest: Stamp | undefined
  for (const input of inputs) if (!newest || input.mtimeMs > newest.mtimeMs) newest = input
  if (newest && newest.mtimeMs > builtAt)
    return { rebuild: true, reason: `${newest.path} changed since the last build` }
  return { rebuild: false, reason: 'the build in out/ is current' }
}

/** Modification times of `paths` under `root`, folders walked (node_modules and dot-folders skipped). */
export function inputStamps(root: string, paths: readonly string[]): Stamp[] {
  const out: Stamp[] = []
  const visit = (abs: string) => {
    let stat
    try {
      stat = statSync(abs)
    } catch {
      return // an optional input (no package-lock.json, say)
    }
    out.push({ path: relative(root, abs), mtimeMs: stat.mtimeMs })
    if (!stat.isDirectory()) return
    for (const entry of readdirSync(abs)) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue
      visit(join(abs, entry))
    }
  }
  for (const p of paths) visit(join(root, p))
  return out
}

export function outputStamps(
  root: string,
  paths: readonly string[],
): { path: string; mtimeMs: number | null }[] {
  return paths.map((path) => {
    try {
      return { path, mtimeMs: statSync(join(root, path)).mtimeMs }
    } catch {
      return { path, mtimeMs: null }
    }
  })
}

export function readStamp(root: string): number | null {
  try {
    const { startedAt } = JSON.parse(readFileSync(join(root, BUILD_STAMP), 'utf8')) as { startedAt?: unknown }
    return typeof startedAt === 'number' ? startedAt : null
  } catch {
    return null
  }
}

export function writeStamp(root: string, startedAt: number): void {
  writeFileSync(join(root, BUILD_STAMP), JSON.stringify({ startedAt }))
}
