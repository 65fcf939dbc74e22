import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/core/export/cli'
import { writeExport } from '../../../src/core/export/write-export'
import { exportNotebook } from '../../../src/shared/export/index'
import { sampleNotebook } from '../../fixtures/sample-notebook'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'glossa-export-'))
})
afterEach(() => {
  chmodSync(dir, 0o700)
  rmSync(dir, { recursive: true, force: true })
})
const leftovers = (d: string): string[] => readdirSync(d).filter((n) => n.includes('.tmp'))

describe('writeExport', () => {
  it('writes a single file and leaves no temp file', async () => {
    const result = exportNotebook(sampleNotebook(), 'md')
    const target = path.join(dir, 'out.md')
    writeFileSync(target, 'old content')
    expect(await writeExport(result, target)).toEqual([target])
    expect(readFileSync(target, 'utf8')).toBe(result.files[0].content)
    expect(leftovers(dir)).toEqual([])
  })

  it('writes the folder layout into a new or empty folder, refuses a non-empty one', async () => {
    const result = exportNotebook(sampleNotebook(), 'md-folder')
    const target = path.join(dir, 'vault')
    mkdirSync(target)
    const written = await writeExport(result, target)
    expect(written).toHaveLength(3)
    for (const f of result.files) expect(readFileSync(path.join(target, f.path), 'utf8')).toBe(f.content)
    await expect(writeExport(result, target)).rejects.toThrow(
      `Cannot write to ${target}: the folder is not empty`,
    )
    await writeExport(result, path.join(dir, 'fresh'))
    expect(existsSync(path.join(dir, 'fresh', 'index.md'))).toBe(true)
    expect(leftovers(dir)).toEqual([])
  })

  it('cleans up the temp folder when a file cannot be written', async () => {
    const bad = {
      kind: 'folder' as const,
      files: [
        { path: 'a.md', content: 'a' },
        { path: '../escape.md', content: 'x' },
      ],
    }
    await expect(writeExport(bad, path.join(dir, 'vault'))).rejects.toThrow(
      /Cannot write to .*vault: refusing to write outside/,
    )
    expect(readdirSync(dir)).toEqual([])
  })

  it('explains a missing parent folder', async () => {
    const target = path.join(dir, 'missing', 'out.csv')
    await expect(writeExport(exportNotebook(sampleNotebook(), 'csv'), target)).rejects.toThrow(
      `Cannot write to ${target}: the folder does not exist`,
    )
  })

  it('reports an unwritable folder clearly and leaves nothing behind', async (ctx) => {
    chmodSync(dir, 0o500)
    // As root (or on file systems ignoring modes) chmod does not stop writes: skip then.
    try {
      writeFileSync(path.join(dir, 'probe'), '')
      rmSync(path.join(dir, 'probe'))
      ctx.skip()
    } catch {
      // Unwritable, as intended.
    }
    const target = path.join(dir, 'out.md')
    await expect(writeExport(exportNotebook(sampleNotebook(), 'md'), target)).rejects.toThrow(
      `Cannot write to ${target}: permission denied`,
    )
    await expect(
      writeExport(exportNotebook(sampleNotebook(), 'md-folder'), path.join(dir, 'v')),
    ).rejects.toThrow('permission denied')
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('export CLI', () => {
  const run = async (...argv: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
    return { code, out: out.join('\n'), err: err.join('\n') }
  }

  it('exports every format and prints what it wrote', async () => {
    const file = path.join(dir, 'nb.json')
    writeFileSync(file, JSON.stringify(sampleNotebook()))
    for (const format of ['md', 'md-folder', 'json', 'csv']) {
      const out = path.join(dir, `out-${format}`)
      const r = await run(file, '--format', format, '--out', out)
      expect(r.code, r.err).toBe(0)
      expect(r.out).toMatch(/^Wrote \d+ files?:/)
      expect(existsSync(format === 'md-folder' ? path.join(out, 'index.md') : out)).toBe(true)
    }
  })

  it('rejects an invalid notebook with a clear message and exit code 1', async () => {
    const file = path.join(dir, 'bad.json')
    writeFileSync(file, JSON.stringify({ ...sampleNotebook(), title: '' }))
    const r = await run(file, '--format', 'md', '--out', path.join(dir, 'x.md'))
    expect(r.code).toBe(1)
    expect(r.err).toContain(`${file} is not a valid notebook`)
    expect(r.err).toContain('title')
    expect(existsSync(path.join(dir, 'x.md'))).toBe(false)
    writeFileSync(file, '{not json')
    expect((await run(file, '--format', 'md', '--out', path.join(dir, 'x.md'))).err).toContain(
      'not valid JSON',
    )
  })

  it('explains bad arguments', async () => {
    const r = await run('nb.json', '--format', 'pdf', '--out', 'x')
    expect(r.code).toBe(2)
    expect(r.err).toContain('--format must be one of md, md-folder, json, csv')
  })
})
