// Bad input to a Markdown import gets a clear error and changes nothing: a binary file renamed
// .md, invalid UTF-8, a zip whose paths escape its folder, a 100 MB file, a folder of 10,000
// files, a zip bomb. Checked on the shared readers and through the contract (the library keeps
// exactly the files it had).
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/core/dispatch'
import { createService, type Service } from '../../../src/core/service'
import { decodeText, prepareFiles } from '../../../src/shared/markdown-import/files'
import { readZip } from '../../../src/shared/markdown-import/zip'
import { RESOURCES, useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const services: Service[] = []
afterEach(async () => void (await Promise.all(services.splice(0).map((s) => s.close()))))

describe('what a Markdown import refuses, before reading anything into a notebook', () => {
  it('a binary file renamed .md', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    expect(() => decodeText('photo.md', png)).toThrow('photo.md is not a text file (it holds binary data)')
  })

  it('invalid UTF-8', () => {
    expect(() => decodeText('latin1.md', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]))).toThrow(
      'latin1.md is not valid UTF-8 text',
    )
    expect(decodeText('ok.md', strToU8('café'))).toBe('café')
  })

  it('zip entries whose paths escape the folder', () => {
    for (const name of ['../evil.md', 'a/../../evil.md', '/etc/evil.md', 'C:/evil.md', 'a\\..\\evil.md']) {
      const zip = zipSync({ 'index.md': strToU8('# x'), [name]: strToU8('# evil') })
      expect(() => readZip(zip), name).toThrow(
        'points outside the folder being imported; nothing was imported',
      )
    }
  })

  it('a 100 MB file and a zip that inflates to 100 MB, refused by their sizes', () => {
    const big = 'x'.repeat(100 * 1024 * 1024)
    expect(() => prepareFiles([{ path: 'big.md', content: big }])).toThrow(
      'big.md is 100 MB; a Markdown file can be at most 32 MB',
    )
    const bomb = zipSync({ 'bomb.md': new Uint8Array(100 * 1024 * 1024) }, { level: 9 })
    expect(bomb.length).toBeLessThan(1024 * 1024)
    expect(() => readZip(bomb)).toThrow('bomb.md is 100 MB')
  })

  it('a folder of 10,000 files', () => {
    const files = Array.from({ length: 10_000 }, (_, i) => ({ path: `n/${i}.md`, content: `# ${i}` }))
    expect(() => prepareFiles(files)).toThrow(
      'There are 10,000 Markdown files; an import takes at most 2,000.',
    )
  })

  it('through the contract: a typed error, and the library keeps exactly its files', async () => {
    const dataDir = await tempDir()
    const service = await createService({ dataDir, resourcesDir: RESOURCES, host: 'web', version: 't' })
    services.push(service)
    const before = (await readdir(join(dataDir, 'notebooks'))).sort()
    const cases: [unknown, string][] = [
      [{ files: [{ path: '../x.md', content: '# x' }] }, 'points outside the folder'],
      [{ files: [{ path: 'a.md', content: 'PK\u0003\u0004\u0000\u0000binary' }] }, 'not a text file'],
      [{ files: [{ path: 'a.png', content: 'x' }] }, 'no Markdown (.md) file'],
      [{ files: [{ path: 'empty.md', content: '   \n' }] }, 'None of the files has readable text'],
      [
        { files: [{ path: 'index.md', content: '---\nglossa:\n  format: 2\n  id: [\n---\n' }] },
        'not valid YAML',
      ],
    ]
    for (const [args, message] of cases) {
      const outcome = await dispatch(service.handlers, 'importMarkdown', args)
      expect(outcome.ok, JSON.stringify(args).slice(0, 80)).toBe(false)
      if (!outcome.ok) {
        expect(outcome.error.code).toMatch(/^import\//)
        expect(outcome.error.message).toContain(message)
      }
    }
    expect((await readdir(join(dataDir, 'notebooks'))).sort()).toEqual(before)
  })
})
