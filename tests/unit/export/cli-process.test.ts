// `npm run export` end to end: the script entry (tsx src/core/export/cli.ts) in a real
// process, on a notebook file in a temp folder; the runCli tests cover the options in detail.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { sampleNotebook } from '../../fixtures/sample-notebook'

const ROOT = path.join(import.meta.dirname, '..', '..', '..')
const run = promisify(execFile)
let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('npm run export (process)', () => {
  it('writes the Markdown file and exits 0; exits 2 on a bad format', { timeout: 60_000 }, async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'glossa-cli-'))
    const nb = sampleNotebook()
    const file = path.join(dir, 'nb.json')
    writeFileSync(file, JSON.stringify(nb))
    const out = path.join(dir, 'out.md')
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx')
    const ok = await run(
      tsx,
      [path.join(ROOT, 'src/core/export/cli.ts'), file, '--format', 'md', '--out', out],
      { cwd: ROOT },
    )
    expect(ok.stdout).toMatch(/^Wrote 1 file:/)
    expect(existsSync(out)).toBe(true)
    expect(readFileSync(out, 'utf8')).toContain(`title: ${JSON.stringify(nb.title)}`)
    const bad = await run(
      tsx,
      [path.join(ROOT, 'src/core/export/cli.ts'), file, '--format', 'pdf', '--out', out],
      { cwd: ROOT },
    ).catch((e) => e)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--format must be one of')
  })
})
