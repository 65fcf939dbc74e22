// Where the import worker is found: beside the bundle (out/main/import-worker.js, whether the
// code asking is in an entry or in out/main/chunks/), or worker.ts through tsx from source.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importWorkerEntry } from '../../../src/core/import/worker-entry'

let out: string
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'glossa-worker-entry-'))
  await mkdir(join(out, 'main', 'chunks'), { recursive: true })
  await writeFile(join(out, 'main', 'import-worker.js'), '')
})
afterAll(() => rm(out, { recursive: true, force: true }))

const at = (...path: string[]) => pathToFileURL(join(out, ...path)).href

describe('import worker entry', () => {
  it('finds the bundled worker from an entry or from a shared chunk', () => {
    const expected = at('main', 'import-worker.js')
    expect(String(importWorkerEntry(at('main', 'web.js')).script)).toBe(expected)
    expect(String(importWorkerEntry(at('main', 'chunks', 'service-1a2b.js')).script)).toBe(expected)
  })

  it('says so when the build lacks the worker', () => {
    expect(() => importWorkerEntry(at('elsewhere', 'index.js'))).toThrow(/import worker is missing/)
  })

  it('starts worker.ts through tsx when running from source', () => {
    const entry = importWorkerEntry()
    expect(entry.options.eval).toBe(true)
    expect(entry.script).toContain(join('src', 'core', 'import', 'worker.ts'))
    expect(entry.options.env).toMatchObject({ TSX_TSCONFIG_PATH: expect.stringMatching(/tsconfig\.json$/) })
  })
})
