// The command-line export reads a notebook as the app does and repairs it in memory as the app
// does on open, so it exports the same notebook a window shows (and leaves the file as it is).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/core/export/cli'
import type { Notebook } from '../../../src/shared/schema'
import { sampleNotebook } from '../../fixtures/sample-notebook'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('npm run export on a hand-edited notebook', () => {
  it('drops links to passages that are gone, says so, and leaves the file untouched', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'glossa-cli-repair-'))
    dirs.push(dir)
    const nb: Notebook = sampleNotebook()
    const good = nb.links[0]
    const broken = { ...good, id: 'l-broken', to: { kind: 'annotation' as const, id: 'deleted-passage' } }
    const file = path.join(dir, 'nb.json')
    const bytes = JSON.stringify({ ...nb, links: [...nb.links, broken] })
    writeFileSync(file, bytes)
    const out: string[] = []
    const err: string[] = []
    const code = await runCli([file, '--format', 'json', '--out', path.join(dir, 'nb.jsonld')], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    })
    expect(code, err.join('\n')).toBe(0)
    expect(out.join('\n')).toContain('Removed 1 broken link')
    const exported = readFileSync(path.join(dir, 'nb.jsonld'), 'utf8')
    expect(exported).toContain(good.id)
    expect(exported).not.toContain('l-broken')
    expect(exported).not.toContain('deleted-passage')
    expect(readFileSync(file, 'utf8')).toBe(bytes)
  })
})
