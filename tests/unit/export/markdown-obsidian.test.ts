// The export checked against Obsidian's documented rules with an independent parser (remark +
// the Obsidian scanner), on a notebook with hostile titles and tags: every [[link]] lands on a
// file and block that exist in both layouts, block ids are unique and one per passage, tags are
// valid and one-to-one, Obsidian syntax in user text is inert, front matter keeps its types.
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import { OBSIDIAN_TAG, obsidianTag, obsidianTags } from '../../../src/shared/export/markdown/tags'
import { sampleNotebook } from '../../fixtures/sample-notebook'
import { HOSTILE_TAGS, HOSTILE_TITLES, hostileNotebook } from './helpers/hostile-notebook'
import { readExportFiles } from './helpers/oracle'

const nb = hostileNotebook()

describe.each(['single', 'folder'] as const)('Obsidian rules, %s layout', (layout) => {
  const { files } = exportMarkdown(nb, { layout })
  const reading = readExportFiles(files)

  it('has no dangling link, invalid tag, duplicate block id or HTML', () => {
    expect(reading.problems).toEqual([])
    expect(reading.wikiLinks.length).toBeGreaterThanOrEqual(8)
  })

  it('defines exactly one block id per passage', () => {
    const ids = [...reading.files.values()].flatMap((f) => f.blockIds).filter((id) => id.startsWith('p-'))
    expect(ids).toHaveLength(nb.annotations.length)
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(ids.length)
  })

  it('writes each tag of a passage as the same Obsidian tag in the body and the front matter', () => {
    const names = obsidianTags(nb.tags)
    const used = new Set(nb.annotations.flatMap((a) => a.tagIds.map((id) => names.get(id)!)))
    expect(new Set(reading.hashtags)).toEqual(used)
    const fronts = [...reading.files.values()].flatMap((f) => (f.front.tags as string[] | undefined) ?? [])
    for (const tag of used) expect(fronts).toContain(tag)
  })

  it('leaves Obsidian syntax in text inert and writes no &#x20; style artifacts', () => {
    for (const f of files) {
      const body = f.content.slice(f.content.indexOf('\n---\n', 4))
      expect(body.replace(/\\%/g, ''), f.path).not.toContain('%%')
      expect(body, f.path).not.toMatch(/&#x20;/i)
    }
    const all = files.map((f) => f.content).join('\n')
    expect(all).toContain('Text with \\%\\%comment\\%\\% and \\=\\=not highlight\\=\\= and \\#notatag')
  })

  it('keeps front matter types under YAML 1.1 (Obsidian) and 1.2: a date-like title stays a string', () => {
    const main = files[0]
    const yaml = main.content.slice(4, main.content.indexOf('\n---\n', 4))
    for (const version of ['1.1', '1.2'] as const) {
      const data = parseYaml(yaml, { version })
      expect(data.title).toBe('2025-01-15')
      expect(typeof data.created).toBe('string')
    }
  })
})

describe('titles that break links', () => {
  it('resolves links to notes and passages whatever the titles contain, in both layouts', () => {
    for (const layout of ['single', 'folder'] as const) {
      const reading = readExportFiles(exportMarkdown(nb, { layout }).files)
      const toNotes = reading.wikiLinks.filter((l) => /\^n-|notes\//.test(l.target))
      expect(toNotes.length, layout).toBeGreaterThanOrEqual(2)
      expect(reading.problems, layout).toEqual([])
    }
    expect(HOSTILE_TITLES.some((t) => /[`#/:?[\]|^]/.test(t))).toBe(true)
  })

  it('gives two sources with the same title two files', () => {
    const paths = exportMarkdown(nb, { layout: 'folder' }).files.map((f) => f.path)
    expect(paths.filter((p) => p.startsWith('sources/'))).toHaveLength(3)
  })
})

describe('tag mapping (docs/MARKDOWN-FORMAT.md)', () => {
  it('maps names as documented', () => {
    expect(obsidianTag('phase/1')).toBe('phase/1')
    expect(obsidianTag('a b/c.d')).toBe('a-b/c-d')
    expect(obsidianTag('1984')).toBe('_1984')
    expect(obsidianTag('2024/10')).toBe('_2024/10')
    expect(obsidianTag('हिंदी/भाषा')).toBe('हिंदी/भाषा')
    expect(obsidianTag('a//b/')).toBe('a/b')
  })

  it('is one to one, ignoring case as Obsidian does, and every result is a valid tag', () => {
    const mapped = [...obsidianTags(nb.tags).values()]
    expect(mapped).toHaveLength(HOSTILE_TAGS.length)
    expect(new Set(mapped.map((m) => m.toLowerCase())).size).toBe(mapped.length)
    for (const m of mapped) expect(m).toMatch(OBSIDIAN_TAG)
  })

  it('keeps the names of an ordinary notebook as they are', () => {
    const sample = sampleNotebook()
    expect([...obsidianTags(sample.tags).values()]).toEqual(sample.tags.map((t) => t.name))
  })
})
