// Generated notebooks are kept in bench/.cache/<scale>-s<seed>-v<version>/ (gitignored): a
// data dir holding one notebook file written through the store. L takes seconds to make.
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Notebook } from '../src/shared/schema'
import {
  GENERATOR_VERSION,
  generateNotebook,
  scaleLabel,
  writeNotebookFile,
  type ScaleName,
  type ScaleSpec,
} from './generate'

export const CACHE_DIR = join(import.meta.dirname, '.cache')

/** The path of the cached notebook file for this scale and seed, generating it if needed. */
export async function cachedNotebookFile(scale: ScaleName | ScaleSpec, seed: number): Promise<string> {
  const dataDir = join(CACHE_DIR, `${scaleLabel(scale)}-s${seed}-v${GENERATOR_VERSION}`)
  const notebooks = join(dataDir, 'notebooks')
  const existing = existsSync(notebooks) ? (await readdir(notebooks)).filter((n) => n.endsWith('.json')) : []
  if (existing.length === 1) return join(notebooks, existing[0])
  await rm(dataDir, { recursive: true, force: true })
  await mkdir(dataDir, { recursive: true })
  return (await writeNotebookFile(dataDir, generateNotebook(scale, seed))).path
}

export async function readNotebook(path: string): Promise<Notebook> {
  return JSON.parse(await readFile(path, 'utf8')) as Notebook
}

/** Copies a cached notebook into a fresh data dir (benchmarks that write must not touch the cache). */
export async function copyIntoDataDir(file: string, dataDir: string): Promise<string> {
  const notebooks = join(dataDir, 'notebooks')
  await mkdir(notebooks, { recursive: true })
  const target = join(notebooks, 'bench.json')
  await copyFile(file, target)
  return target
}
