// Golden files: the exact bytes of the sample notebook's Markdown export.
// Regenerate with UPDATE_GOLDEN=1 npx vitest run tests/unit/export after a deliberate change.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import { sampleNotebook } from '../../fixtures/sample-notebook'

const GOLDEN = path.join(import.meta.dirname, 'golden')
const update = process.env.UPDATE_GOLDEN === '1'

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .flatMap((name) =>
      statSync(path.join(dir, name)).isDirectory()
        ? listFiles(path.join(dir, name), `${prefix}${name}/`)
        : [`${prefix}${name}`],
    )
    .sort()
}

describe('Markdown export golden files', () => {
  it('single file layout matches golden/single.md byte for byte', () => {
    const [file] = exportMarkdown(sampleNotebook(), { layout: 'single' }).files
    expect(file.path).toBe('Iraq withdrawal- reading notes.md')
    const golden = path.join(GOLDEN, 'single.md')
    if (update) writeFileSync(golden, file.content)
    expect(file.content).toBe(readFileSync(golden, 'utf8'))
  })

  it('folder layout matches golden/folder/ byte for byte', () => {
    const { files } = exportMarkdown(sampleNotebook(), { layout: 'folder' })
    const dir = path.join(GOLDEN, 'folder')
    if (update) {
      rmSync(dir, { recursive: true, force: true })
      for (const f of files) {
        mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true })
        writeFileSync(path.join(dir, f.path), f.content)
      }
    }
    expect(files.map((f) => f.path).sort()).toEqual(listFiles(dir))
    for (const f of files) expect(f.content, f.path).toBe(readFileSync(path.join(dir, f.path), 'utf8'))
  })

  it('is deterministic: two runs, and a reordered annotation list, give the same bytes', () => {
    const nb = sampleNotebook()
    for (const layout of ['single', 'folder'] as const) {
      const a = exportMarkdown(nb, { layout })
      const b = exportMarkdown(sampleNotebook(), { layout })
      const shuffled = exportMarkdown(
        { ...nb, annotations: [...nb.annotations].reverse(), links: [...nb.links].reverse() },
        { layout },
      )
      expect(b).toEqual(a)
      expect(shuffled).toEqual(a)
    }
  })
})
