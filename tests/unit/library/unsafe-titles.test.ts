import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir'
import { serviceIn } from './service-fixture'

const tempDir = useTempDirs()

const TITLES = [
  '../x',
  '..',
  'con',
  'CON.txt',
  'a/b',
  'a\\b',
  'a:b',
  'x'.repeat(300),
  'x'.repeat(299) + 'y',
  '🦉 Owls & ☕ notes 👩‍👩‍👧',
  '🦉 owls & ☕ NOTES 👩‍👩‍👧', // differs only in case: must not share a file on Windows/macOS
  ' .hidden ',
  'what? <why> "how" | *',
]

describe('notebook titles that would make unsafe file names', () => {
  it('get safe, distinct file names while the titles inside stay exactly as typed', async () => {
    const dataDir = await tempDir()
    const { h, files } = await serviceIn(dataDir)
    const created = []
    for (const title of TITLES) created.push(await h.createNotebook({ title }))

    const names = created.map((c) => c.file)
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(TITLES.length)
    for (const name of names) {
      expect(name).toMatch(/\.json$/)
      expect(name).not.toMatch(/[/\\:<>"|?*\u0000-\u001f]/)
      expect(name.startsWith('.')).toBe(false)
      expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i)
      expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255)
    }
    // Every file landed directly in notebooks/ (nothing escaped through "../" or "a/b").
    expect((await files('notebooks')).filter((f) => names.includes(f))).toHaveLength(TITLES.length)
    expect(await files('')).toEqual(expect.not.arrayContaining(['x.json']))

    for (const [i, c] of created.entries()) {
      const onDisk = JSON.parse(await readFile(join(dataDir, 'notebooks', c.file), 'utf8'))
      expect(onDisk.title).toBe(TITLES[i].trim())
      expect((await h.openNotebook({ id: c.id })).notebook.title).toBe(TITLES[i].trim())
    }
  })
})

describe('titles the file system would store under one name', () => {
  it('a lone surrogate and U+FFFD get two files, each holding its own notebook', async () => {
    const dataDir = await tempDir()
    const { h } = await serviceIn(dataDir)
    const replacement = await h.createNotebook({ title: '\ufffd' })
    const lone = await h.createNotebook({ title: '\ud800' })
    expect(lone.file).not.toBe(replacement.file)
    for (const c of [replacement, lone]) {
      const onDisk = JSON.parse(await readFile(join(dataDir, 'notebooks', c.file), 'utf8'))
      expect(onDisk.id).toBe(c.id)
      expect((await h.openNotebook({ id: c.id })).notebook.id).toBe(c.id)
    }
    const { notebooks, damaged } = await h.listNotebooks({})
    expect(damaged).toEqual([])
    expect(notebooks.map((n) => n.id)).toEqual(expect.arrayContaining([replacement.id, lone.id]))
  })
})
