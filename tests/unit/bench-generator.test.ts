// The benchmark's notebook generator: valid notebooks, the same JSON for the same seed, and
// the data the benchmarks rely on (quotes that match their source, links without self or
// duplicates, note pages citing existing passages).
import { describe, expect, it } from 'vitest'
import { generateNotebook, writeNotebookFile, type ScaleSpec } from '../../bench/generate'
import { Library } from '../../src/core/store/library'
import { plainText } from '../../src/shared/plain-text'
import { NotebookSchema, type DocNode } from '../../src/shared/schema'
import { useTempDirs } from '../helpers/temp-dir'

const TINY: ScaleSpec = { passages: 40, sources: 3, words: 400, tags: 12, facets: 3, links: 25, notes: 4 }
const tempDir = useTempDirs()

describe('bench generator', () => {
  it('produces a valid notebook of the requested size', () => {
    const nb = generateNotebook(TINY, 7)
    expect(() => NotebookSchema.parse(nb)).not.toThrow()
    expect(nb.sources).toHaveLength(3)
    expect(nb.annotations).toHaveLength(40)
    expect(nb.tags).toHaveLength(12)
    expect(nb.facets).toHaveLength(3)
    expect(nb.links).toHaveLength(25)
    expect(nb.notes).toHaveLength(4)
    for (const t of nb.tags) expect(nb.facets.map((f) => f.key)).toContain(t.name.split('/')[0])
  })

  it('is deterministic: same seed, same JSON; another seed, another notebook', () => {
    const a = JSON.stringify(generateNotebook(TINY, 7))
    expect(JSON.stringify(generateNotebook(TINY, 7))).toBe(a)
    expect(JSON.stringify(generateNotebook(TINY, 8))).not.toBe(a)
  })

  it('anchors every passage on its source text, with selectors as describeRange makes them', () => {
    const nb = generateNotebook(TINY, 3)
    const texts = new Map(nb.sources.map((s) => [s.id, plainText(s.doc)]))
    for (const a of nb.annotations) {
      const text = texts.get(a.sourceId)!
      const { start, end } = a.target.position
      expect(text.slice(start, end)).toBe(a.target.quote.exact)
      expect(text.slice(0, start).endsWith(a.target.quote.prefix)).toBe(true)
      expect(text.slice(end).startsWith(a.target.quote.suffix)).toBe(true)
      expect(a.target.quote.exact.trim()).toBe(a.target.quote.exact)
    }
  })

  it('links existing passages, never to themselves, never twice; note pages cite existing passages', () => {
    const nb = generateNotebook(TINY, 5)
    const ids = new Set(nb.annotations.map((a) => a.id))
    const keys = new Set<string>()
    for (const l of nb.links) {
      expect(ids.has(l.from.id) && ids.has(l.to.id)).toBe(true)
      expect(l.from.id).not.toBe(l.to.id)
      keys.add(`${l.from.id}>${l.to.id}:${l.relationId}`)
    }
    expect(keys.size).toBe(nb.links.length)
    const refs: string[] = []
    const walk = (n: DocNode): void => {
      if (n.type === 'passageRef') refs.push(n.attrs!.annotationId as string)
      n.content?.forEach(walk)
    }
    nb.notes.forEach((n) => walk(n.doc))
    expect(refs.length).toBeGreaterThanOrEqual(nb.notes.length * 2)
    for (const id of refs) expect(ids.has(id)).toBe(true)
  })

  it('writes a file the library lists and opens', async () => {
    const dataDir = await tempDir()
    const nb = generateNotebook(TINY, 1)
    const written = await writeNotebookFile(dataDir, nb)
    const library = new Library({ dataDir })
    const { notebooks, damaged } = await library.list()
    expect(damaged).toEqual([])
    expect(notebooks.map((n) => n.file)).toEqual([written.file])
    expect((await library.openNotebook(nb.id)).data).toEqual(nb)
  })
})
