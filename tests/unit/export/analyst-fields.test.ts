// The analyst's fields in every export: a passage's grade, accepted dates, the entities it names
// and its corroboration; a source's publication date and reliability; the notebook's entities.
// Markdown shows them as lines a reader sees and carries them in the front matter, so they
// survive export → import → export byte for byte; JSON-LD and CSV give them to machines.
import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { describeRange } from '../../../src/shared/anchoring'
import { exportCsv } from '../../../src/shared/export/csv'
import { exportJsonLd, WebAnnotationCollectionSchema } from '../../../src/shared/export/json-ld'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import { readExport } from '../../../src/shared/markdown-import/read-export'
import { plainText, textHash } from '../../../src/shared/plain-text'
import { NotebookSchema, type Annotation, type Notebook } from '../../../src/shared/schema'
import { passageViewFields, isoRange } from '../../../src/shared/views/export-fields'
import { noteDoc, sampleNotebook } from '../../fixtures/sample-notebook'
import { notebookArb } from './helpers/arbitrary-notebook'

const AT = '2025-01-01T00:00:00.000Z'
const opts = { now: '2031-01-01T00:00:00.000Z', newId: () => `new-${Math.random().toString(36).slice(2)}` }

/** The sample notebook, graded and dated, with entities and a second outlet that agrees. */
function analystNotebook(): Notebook {
  const nb = sampleNotebook()
  const ap = {
    ...nb.sources[0],
    published: '2024-09-27',
    reliability: { reliability: 'B' as const, reason: 'AP, named officials' },
  }
  const doc = noteDoc({
    type: 'paragraph',
    content: [{ type: 'text', text: 'Reuters: troops leave Ain al-Asad for Harir by September 2025.' }],
  })
  const text = plainText(doc)
  const other = {
    id: 'src-reuters',
    title: 'Reuters on the withdrawal',
    origin: 'reuters.com',
    doc,
    textHash: textHash(text),
    createdAt: AT,
    updatedAt: AT,
  }
  const quote = 'troops leave Ain al-Asad for Harir'
  const at = text.indexOf(quote)
  const b1: Annotation = {
    id: 'b1',
    sourceId: other.id,
    target: describeRange(text, at, at + quote.length),
    anchoredHash: other.textHash,
    note: null,
    tagIds: [],
    color: null,
    status: 'anchored',
    createdAt: AT,
    updatedAt: AT,
  }
  const annotations = nb.annotations.map((a) =>
    a.id === 'a1'
      ? {
          ...a,
          grade: { credibility: 2, reason: 'Stated by U.S. officials; #2 is [their] word' },
          dates: [
            {
              id: 'd1',
              value: { from: null, to: '2025-09' },
              text: 'through September 2025',
              status: 'accepted' as const,
            },
            { id: 'd2', value: { from: '2003', to: '2003' }, text: 'in 2003', status: 'rejected' as const },
          ],
        }
      : a.id === 'a3'
        ? {
            ...a,
            dates: [{ id: 'd3', value: { from: '2024', to: '2026' }, text: '', status: 'accepted' as const }],
          }
        : a,
  )
  const out = {
    ...nb,
    sources: [ap, other],
    annotations: [...annotations, b1],
    links: [
      ...nb.links,
      {
        id: 'l9',
        from: { kind: 'annotation' as const, id: 'b1' },
        to: { kind: 'annotation' as const, id: 'a3' },
        relationId: 'supports',
        comment: '',
        createdAt: AT,
      },
    ],
    entities: [
      {
        id: 'e-harir',
        type: 'place' as const,
        name: 'Harir',
        aliases: ['Hareer', 'حرير'],
        description: 'Air base in the Kurdistan region.',
        coordinates: { lat: 36.535, lon: 44.345 },
      },
      {
        id: 'e-ain',
        type: 'place' as const,
        name: 'Ain al-Asad',
        aliases: [],
        description: '',
        coordinates: { lat: 33.786, lon: 42.441 },
      },
      {
        id: 'e-isis',
        type: 'organization' as const,
        name: 'Islamic State group',
        aliases: ['ISIS'],
        description: '',
      },
    ],
  }
  return NotebookSchema.parse(out)
}

/** The meta paragraph of a passage: from its "Open in Glossa" line to the blank line after it. */
function metaOf(content: string, id: string): string {
  const at = content.indexOf(`/passage/${id})`)
  expect(at, id).toBeGreaterThan(0)
  const start = content.lastIndexOf('\n', at) + 1
  return content.slice(start, content.indexOf('\n\n', at))
}

describe('the analyst’s fields in the Markdown export', () => {
  const nb = analystNotebook()

  it('shows grade, dates, entities and agreement under each passage, and the source’s date and grade', () => {
    const [file] = exportMarkdown(nb, { layout: 'single' }).files
    const a1 = metaOf(file.content, 'a1')
    expect(a1).toContain('\\\nGrade B2 — Stated by U.S. officials; \\#2 is \\[their\\] word\\\n')
    // Accepted dates only: the rejected "in 2003" is not shown.
    expect(a1).toContain('\\\nDated until Sep 2025 (“through September 2025”)')
    expect(a1).not.toContain('2003')
    const a3 = metaOf(file.content, 'a3')
    expect(a3).toContain('\\\nDated 2024 – 2026\\\n')
    expect(a3).toContain('\\\nAbout Harir\\\n')
    expect(metaOf(file.content, 'b1')).toContain('\\\nAbout Ain al-Asad, Harir\\\n')
    expect(a3).toContain('\\\n1 source agrees\\\n')
    // A passage without its own grade has no Grade line (its source's letter is under the source).
    expect(metaOf(file.content, 'a2')).not.toContain('Grade')
    expect(file.content).toContain(
      '\\\nPublished 27 Sep 2024 · Reliability B (usually reliable) — AP, named officials\n',
    )
    expect(file.content).toMatch(
      /\n {2}entities:\n {4}- \{ id: "e-harir", type: "place", name: "Harir", aliases: \["Hareer", "حرير"\], .*coordinates: \{ lat: 36\.535, lon: 44\.345 \} \}\n/,
    )
  })

  it('gives each source file its publication date and reliability as properties', () => {
    const files = exportMarkdown(nb, { layout: 'folder' }).files
    const ap = files.find((f) => f.path.startsWith('sources/U.S.'))!
    const front = ap.content.slice(0, ap.content.indexOf('\n---\n'))
    expect(front).toContain(
      '\npublished: "2024-09-27"\nreliability: "B"\nreliability_reason: "AP, named officials"\n',
    )
    expect(front).not.toContain('extra:')
  })

  for (const layout of ['single', 'folder'] as const)
    it(`${layout}: dates, entities and grades survive export → import → export byte for byte`, () => {
      const files = exportMarkdown(nb, { layout }).files
      const back = NotebookSchema.parse(readExport(files, opts))
      expect(back.entities).toEqual(nb.entities)
      for (const s of nb.sources) {
        const b = back.sources.find((x) => x.id === s.id)!
        expect([b.published, b.reliability]).toEqual([s.published, s.reliability])
      }
      for (const a of nb.annotations) {
        const b = back.annotations.find((x) => x.id === a.id)!
        expect([b.grade, b.dates], a.id).toEqual([a.grade, a.dates])
      }
      expect(exportMarkdown(back, { layout }).files).toEqual(files)
    })

  it('reads a reliability edited in Obsidian, and a letter off the scale fails the notebook’s check', () => {
    const files = exportMarkdown(nb, { layout: 'folder' }).files
    const edit = (letter: string) =>
      files.map((f) =>
        f.path.startsWith('sources/U.S.')
          ? { ...f, content: f.content.replace('reliability: "B"', `reliability: "${letter}"`) }
          : f,
      )
    const c = NotebookSchema.parse(readExport(edit('C'), opts))
    expect(c.sources.find((s) => s.id === nb.sources[0].id)!.reliability?.reliability).toBe('C')
    const bad = NotebookSchema.safeParse(readExport(edit('Z'), opts))
    expect(bad.success).toBe(false)
    expect(JSON.stringify(bad.error?.issues[0].path)).toContain('reliability')
  })

  it('an export from before entities had their own key (in `extra`) still brings them back', () => {
    const [file] = exportMarkdown(nb, { layout: 'single' }).files
    const old = file.content
      .replace('\n  entities:\n', '\n  extra:\n    entities:\n')
      .replace(/\n {4}- (\{ id: "e-[^\n]*)/g, '\n      - $1')
    expect(old).not.toBe(file.content)
    const back = NotebookSchema.parse(readExport([{ ...file, content: old }], opts))
    expect(back.entities).toEqual(nb.entities)
  })
})

describe('the analyst’s fields in JSON-LD and CSV', () => {
  const nb = analystNotebook()

  it('JSON-LD: grade and entities as bodies, dates in ISO 8601-2, sources and entities listed', () => {
    const doc = exportJsonLd(nb)
    expect(WebAnnotationCollectionSchema.safeParse(JSON.parse(JSON.stringify(doc))).error).toBeUndefined()
    const item = (id: string) => doc.first.items.find((i) => i.id === `urn:glossa:annotation:${id}`)!
    const a1 = item('a1') as Record<string, unknown> & { body?: { value: string; purpose: string }[] }
    expect(a1.body).toContainEqual({ type: 'TextualBody', value: 'B2', purpose: 'assessing' })
    expect(a1['glossa:gradeReason']).toBe('Stated by U.S. officials; #2 is [their] word')
    expect(a1['glossa:dates']).toEqual([
      { value: '../2025-09', label: 'until Sep 2025', text: 'through September 2025' },
    ])
    const a3 = item('a3') as Record<string, unknown> & { body?: { value: string; purpose: string }[] }
    expect(a3['glossa:dates']).toEqual([{ value: '2024/2026', label: '2024 – 2026' }])
    expect(a3['glossa:about']).toEqual(['urn:glossa:entity:e-harir'])
    expect((item('b1') as Record<string, unknown>)['glossa:about']).toEqual([
      'urn:glossa:entity:e-ain',
      'urn:glossa:entity:e-harir',
    ])
    expect(a3.body).toContainEqual({ type: 'TextualBody', value: 'Harir', purpose: 'identifying' })
    expect(a3['glossa:supportedBy']).toEqual(['reuters.com'])
    expect(doc['glossa:entities']).toContainEqual({
      id: 'urn:glossa:entity:e-harir',
      'glossa:entityType': 'place',
      'glossa:name': 'Harir',
      'glossa:aliases': ['Hareer', 'حرير'],
      'glossa:description': 'Air base in the Kurdistan region.',
      'glossa:lat': 36.535,
      'glossa:lon': 44.345,
    })
    expect(doc['glossa:sources'][0]).toMatchObject({
      'glossa:published': '2024-09-27',
      'glossa:reliability': 'B',
      'glossa:reliabilityReason': 'AP, named officials',
    })
    // A grade off the scale or a date that is not one does not pass the schema.
    const tampered = JSON.parse(JSON.stringify(doc))
    tampered.first.items.find((i: { id: string }) => i.id.endsWith(':a1'))['glossa:dates'][0].value =
      'sometime'
    expect(WebAnnotationCollectionSchema.safeParse(tampered).success).toBe(false)
  })

  it('CSV: grade, reason, dates, entities and corroboration columns', () => {
    const csv = exportCsv(nb)
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data
    const row = (id: string) => rows.find((r) => r.passage_id === id)!
    expect(row('a1')).toMatchObject({
      grade: 'B2',
      grade_reason: 'Stated by U.S. officials; #2 is [their] word',
      dates: '../2025-09',
    })
    // The passage takes its source's letter when it has no grade of its own.
    expect(row('a2')).toMatchObject({ grade: 'B?', grade_reason: '', entities: 'Ain al-Asad' })
    expect(row('a3')).toMatchObject({
      dates: '2024/2026',
      entities: 'Harir',
      supported_by: 'reuters.com',
    })
    expect(row('b1')).toMatchObject({
      grade: '',
      entities: 'Ain al-Asad; Harir',
      supported_by: 'apnews.com',
      contradicted_by: '',
    })
  })
})

describe('the analyst’s fields in JSON-LD and CSV, any notebook', () => {
  it('JSON-LD passes its schema and CSV reads back one row per passage with its grade, dates and entities', () => {
    fc.assert(
      fc.property(notebookArb, (nb) => {
        const doc = exportJsonLd(nb)
        expect(WebAnnotationCollectionSchema.safeParse(JSON.parse(JSON.stringify(doc))).error).toBeUndefined()
        const rows = Papa.parse<Record<string, string>>(exportCsv(nb).slice(1), {
          header: true,
          skipEmptyLines: true,
        })
        expect(rows.errors).toEqual([])
        const views = passageViewFields(nb)
        // A cell a spreadsheet would run as a formula starts with an apostrophe.
        const cell = (x: string) => (/^[=+\-@\t\r]/.test(x) ? "'" + x : x)
        for (const a of nb.annotations) {
          const row = rows.data.find((r) => r.passage_id === cell(a.id))!
          const v = views.get(a.id)!
          expect(row.grade).toBe(v.grade)
          expect(row.dates).toBe(cell(v.dates.map((d) => isoRange(d.value)).join('; ')))
          expect(row.entities).toBe(cell(v.entities.join('; ')))
        }
      }),
      { numRuns: 40 },
    )
  }, 120_000)
})
