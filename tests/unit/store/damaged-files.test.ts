// Damaged and foreign files beyond the basic cases in library.test.ts: a 200 MB file refused by
// its size before any byte is read, absurdly deep nesting, binary junk, other JSON values, a
// byte-order mark — each listed with a reason (or opened, for the BOM) and never written to.
import * as fs from 'node:fs/promises'
import { mkdir, readFile, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyNotebook } from '../../../src/core/seed'
import type { FsLike } from '../../../src/core/store/durable-file'
import { Library } from '../../../src/core/store/library'
import { MAX_NOTEBOOK_BYTES } from '../../../src/core/store/validate'
import { AT } from '../../helpers/notebook'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()

async function libraryWith(
  files: Record<string, string | Buffer>,
): Promise<{ library: Library; dir: string; reads: string[] }> {
  const dataDir = await tempDir()
  const dir = join(dataDir, 'notebooks')
  await mkdir(dir, { recursive: true })
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content)
  const reads: string[] = []
  const spy: FsLike = {
    ...fs,
    readFile: ((path: string, ...rest: []) => (
      reads.push(String(path)),
      fs.readFile(path, ...rest)
    )) as FsLike['readFile'],
  }
  return { library: new Library({ dataDir, fs: spy }), dir, reads }
}

describe('damaged and foreign files', () => {
  it('refuses a 200 MB file by its size, before reading it, and leaves it alone', async () => {
    const { library, dir, reads } = await libraryWith({
      'huge.json': '{"schemaVersion":1,"id":"huge","title":"',
    })
    const path = join(dir, 'huge.json')
    await truncate(path, 200 * 1024 * 1024) // sparse: no 200 MB actually written
    const before = await stat(path)
    expect(before.size).toBeGreaterThan(MAX_NOTEBOOK_BYTES)

    const { notebooks, damaged } = await library.list()
    expect(notebooks).toEqual([])
    expect(damaged).toEqual([
      { file: 'huge.json', reason: expect.stringMatching(/200 MB.*up to 150 MB/), hasBackup: false },
    ])
    expect(reads).toEqual([]) // the size check came first
    const after = await stat(path)
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs])
  })

  it('lists junk, other JSON values and absurd nesting with reasons, without writing', async () => {
    const deep = `${'{"type":"blockquote","content":['.repeat(3_000)}{"type":"paragraph"}${']}'.repeat(3_000)}`
    const nb = emptyNotebook('Deep', AT)
    const files: Record<string, string | Buffer> = {
      'binary.json': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'null.json': 'null',
      'array.json': '[1,2,3]',
      'string.json': '"a notebook"',
      'whitespace.json': ' \n\t ',
      'old-shape.json': JSON.stringify({ ...nb, schemaVersion: 1, sources: 'none' }),
      'deep.json': JSON.stringify({ ...nb, notes: [] }).replace(
        '"notes":[]',
        `"notes":[{"id":"n","title":"t","createdAt":"${AT}","updatedAt":"${AT}","doc":{"type":"doc","content":[${deep}]}}]`,
      ),
    }
    const { library, dir } = await libraryWith(files)
    const { damaged } = await library.list()
    const reasons = Object.fromEntries(damaged.map((d) => [d.file, d.reason]))
    expect(reasons['binary.json']).toMatch(/not valid JSON/)
    expect(reasons['null.json']).toMatch(/Invalid notebook/)
    expect(reasons['array.json']).toMatch(/Invalid notebook/)
    expect(reasons['string.json']).toMatch(/Invalid notebook/)
    expect(reasons['whitespace.json']).toMatch(/empty/)
    expect(reasons['old-shape.json']).toMatch(/sources/)
    expect(reasons['deep.json']).toMatch(/nested too deeply/)
    for (const [name, content] of Object.entries(files))
      expect(await readFile(join(dir, name))).toEqual(Buffer.from(content))
  })

  it('opens a notebook saved with a byte-order mark', async () => {
    const nb = emptyNotebook('From Notepad', AT)
    const { library } = await libraryWith({ 'bom.json': `\uFEFF${JSON.stringify(nb)}` })
    const { notebooks, damaged } = await library.list()
    expect(damaged).toEqual([])
    expect(notebooks.map((n) => n.title)).toEqual(['From Notepad'])
  })
})
