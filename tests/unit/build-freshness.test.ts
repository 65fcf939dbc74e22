import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  buildDecision,
  inputStamps,
  outputStamps,
  readStamp,
  writeStamp,
} from '../../scripts/build-freshness'

const out = (path: string, mtimeMs: number | null) => ({ path, mtimeMs })

describe('buildDecision', () => {
  const outputs = [out('out/main/web.js', 2_000), out('out/renderer/index.html', 2_100)]

  it('reuses a build newer than every input', () => {
    const inputs = [
      { path: 'src/a.ts', mtimeMs: 1_000 },
      { path: 'src', mtimeMs: 1_500 },
    ]
    expect(buildDecision(inputs, outputs, null)).toEqual({
      rebuild: false,
      reason: 'the build in out/ is current',
    })
  })

  it('rebuilds when an input is newer than the oldest output, and names it', () => {
    const inputs = [
      { path: 'src/a.ts', mtimeMs: 1_000 },
      { path: 'src/b.ts', mtimeMs: 2_050 },
    ]
    expect(buildDecision(inputs, outputs, null)).toEqual({
      rebuild: true,
      reason: 'src/b.ts changed since the last build',
    })
  })

  it('rebuilds when an output is missing', () => {
    expect(buildDecision([], [...outputs, out('out/preload/index.cjs', null)], null)).toEqual({
      rebuild: true,
      reason: 'out/preload/index.cjs is missing',
    })
  })

  it('counts the build from when it started: an edit made during it is newer', () => {
    const inputs = [{ path: 'src/edited-while-building.ts', mtimeMs: 1_800 }]
    expect(buildDecision(inputs, outputs, null).rebuild).toBe(false)
    expect(buildDecision(inputs, outputs, 1_700).rebuild).toBe(true)
    // A stamp older than a later build (npm run build) only makes it more careful.
    expect(buildDecision(inputs, outputs, 1_900).rebuild).toBe(false)
  })
})

describe('stamps on disk', () => {
  let root = ''
  afterEach(() => rmSync(root, { recursive: true, force: true }))
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds)

  it('sees a changed file, a deleted file (through its folder) and missing outputs', () => {
    root = mkdtempSync(join(tmpdir(), 'glossa-fresh-'))
    mkdirSync(join(root, 'src/deep'), { recursive: true })
    mkdirSync(join(root, 'src/node_modules'))
    mkdirSync(join(root, 'out/main'), { recursive: true })
    writeFileSync(join(root, 'src/deep/a.ts'), 'a')
    writeFileSync(join(root, 'src/deep/b.ts'), 'b')
    writeFileSync(join(root, 'src/node_modules/x.js'), 'x')
    writeFileSync(join(root, 'out/main/web.js'), 'w')
    for (const p of ['src', 'src/deep', 'src/deep/a.ts', 'src/deep/b.ts', 'src/node_modules/x.js'])
      at(p, 1_000)
    at('out/main/web.js', 2_000)
    const decide = () =>
      buildDecision(
        inputStamps(root, ['src', 'package-lock.json']),
        outputStamps(root, ['out/main/web.js']),
        readStamp(root),
      )
    expect(inputStamps(root, ['src']).map((s) => s.path)).not.toContain('src/node_modules/x.js')
    expect(decide().rebuild).toBe(false)

    at('src/deep/a.ts', 3_000)
    expect(decide()).toEqual({ rebuild: true, reason: 'src/deep/a.ts changed since the last build' })
    at('src/deep/a.ts', 1_000)

    rmSync(join(root, 'src/deep/b.ts'))
    expect(decide()).toMatchObject({ rebuild: true, reason: 'src/deep changed since the last build' })
    at('src/deep', 1_000)
    expect(decide().rebuild).toBe(false)

    expect(buildDecision([], outputStamps(root, ['out/main/index.js']), null).rebuild).toBe(true)
  })

  it('writes and reads the stamp; a damaged stamp is no stamp', () => {
    root = mkdtempSync(join(tmpdir(), 'glossa-fresh-'))
    mkdirSync(join(root, 'out'))
    expect(readStamp(root)).toBeNull()
    writeStamp(root, 1_234)
    expect(readStamp(root)).toBe(1_234)
    writeFileSync(join(root, 'out/.glossa-build.json'), '{not json')
    expect(readStamp(root)).toBeNull()
  })
})
