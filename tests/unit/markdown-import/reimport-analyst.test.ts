// The analyst's fields edited in an export and brought back: a passage's grade and dates (front
// matter), a source's reliability and publication date (Obsidian properties in the folder
// layout), the notebook's entities. Each is a change to accept; a value off the scale is
// reported with the reason and never applied; accepted changes undo exactly.
import { describe, expect, it } from 'vitest'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import { reimport } from '../../../src/shared/markdown-import/diff'
import { applyOps } from '../../../src/shared/ops'
import { NotebookSchema, type Notebook } from '../../../src/shared/schema'
import { sampleNotebook } from '../../fixtures/sample-notebook'

const NOW = '2031-02-03T04:05:06.000Z'
let n = 0
const newId = () => `id${n++}`

function analystNotebook(): Notebook {
  const nb = sampleNotebook()
  return NotebookSchema.parse({
    ...nb,
    sources: [{ ...nb.sources[0], published: '2024-09-27', reliability: { reliability: 'B', reason: 'AP' } }],
    annotations: nb.annotations.map((a) =>
      a.id === 'a1'
        ? {
            ...a,
            grade: { credibility: 2, reason: 'officials' },
            dates: [
              {
                id: 'd1',
                value: { from: null, to: '2025-09' },
                text: 'through September 2025',
                status: 'accepted',
              },
            ],
          }
        : a,
    ),
    entities: [
      {
        id: 'e-harir',
        type: 'place',
        name: 'Harir',
        aliases: ['Hareer'],
        description: '',
        coordinates: { lat: 36.535, lon: 44.345 },
      },
      { id: 'e-isis', type: 'organization', name: 'Islamic State group', aliases: ['ISIS'], description: '' },
    ],
  })
}

function edited(replace: (md: string) => string, layout: 'single' | 'folder' = 'single') {
  const nb = analystNotebook()
  const files = exportMarkdown(nb, { layout }).files.map((f) => ({ ...f, content: replace(f.content) }))
  return { nb, diff: reimport(nb, files, NOW, newId) }
}

describe('the analyst’s fields brought back from an edited export', () => {
  it('finds nothing in an untouched export, in both layouts', () => {
    expect(edited((md) => md).diff.changes).toEqual([])
    expect(edited((md) => md, 'folder').diff.changes).toEqual([])
  })

  it('a grade, a date and entities edited in the front matter become changes, applied and undone exactly', () => {
    const { nb, diff } = edited((md) =>
      md
        .replace(
          'grade: { credibility: 2, reason: "officials" }',
          'grade: { credibility: 3, reason: "one official" }',
        )
        .replace('to: "2025-09" }', 'to: "2025-10" }')
        .replace('aliases: ["Hareer"]', 'aliases: ["Hareer", "Harir Air Base"]')
        .replace(/\n {4}- \{ id: "e-isis"[^\n]*/, ''),
    )
    expect(diff.changes.map((c) => [c.kind, c.subject, c.label, c.detail, c.applicable])).toEqual([
      [
        'changed',
        'passage',
        'Grade of “the first phase, expected to run through…”',
        'B3 — one official',
        true,
      ],
      ['changed', 'passage', 'Dates of “the first phase, expected to run through…”', 'until Oct 2025', true],
      ['changed', 'entity', 'Entity “Harir”', undefined, true],
      ['removed', 'entity', 'Entity “Islamic State group”', undefined, true],
    ])
    const { notebook, inverse } = applyOps(nb, diff.opsFor(new Set(diff.changes.map((c) => c.id))), NOW)
    const a1 = notebook.annotations.find((a) => a.id === 'a1')!
    expect(a1.grade).toEqual({ credibility: 3, reason: 'one official' })
    expect(a1.dates).toEqual([
      { id: 'd1', value: { from: null, to: '2025-10' }, text: 'through September 2025', status: 'accepted' },
    ])
    expect(notebook.entities?.map((e) => [e.name, e.aliases])).toEqual([
      ['Harir', ['Hareer', 'Harir Air Base']],
    ])
    // Only what was accepted: the grade alone.
    const one = applyOps(nb, diff.opsFor(new Set([diff.changes[0].id])), NOW).notebook
    expect(one.annotations.find((a) => a.id === 'a1')!.dates).toEqual(nb.annotations[0].dates)
    expect(one.entities).toEqual(nb.entities)
    // And undone exactly.
    const back = applyOps(notebook, inverse, NOW).notebook
    expect(back.entities).toEqual(nb.entities)
    expect(back.annotations.find((a) => a.id === 'a1')!.grade).toEqual(nb.annotations[0].grade)
    expect(back.annotations.find((a) => a.id === 'a1')!.dates).toEqual(nb.annotations[0].dates)
  })

  it('a reliability and a publication date edited as Obsidian properties (folder layout)', () => {
    const { nb, diff } = edited(
      (md) =>
        md
          .replace('reliability: "B"', 'reliability: "C"')
          .replace('published: "2024-09-27"', 'published: "2024-09"'),
      'folder',
    )
    expect(
      diff.changes.map((c) => [c.subject, c.label.replace(/“.*”/, '“…”'), c.detail, c.applicable]),
    ).toEqual([
      ['source', 'Publication date of “…”', '2024-09', true],
      ['source', 'Reliability of “…”', 'C — AP', true],
    ])
    const { notebook } = applyOps(nb, diff.opsFor(new Set(diff.changes.map((c) => c.id))), NOW)
    expect([notebook.sources[0].published, notebook.sources[0].reliability]).toEqual([
      '2024-09',
      { reliability: 'C', reason: 'AP' },
    ])
  })

  it('values the notebook would refuse are reported with the reason and never applied', () => {
    const { nb, diff } = edited(
      (md) =>
        md
          .replace('reliability: "B"', 'reliability: "Z"')
          .replace('published: "2024-09-27"', 'published: "2024-13"')
          .replace('grade: { credibility: 2,', 'grade: { credibility: 9,')
          .replace('lat: 36.535', 'lat: 95'),
      'folder',
    )
    expect(diff.changes.every((c) => !c.applicable)).toBe(true)
    expect(diff.changes.map((c) => c.detail)).toEqual([
      expect.stringMatching(/^Not brought back: credibility: /),
      'Not brought back: “2024-13”: no such date.',
      expect.stringMatching(/^Not brought back: reliability: .*"A"\|"B"/),
      'Not brought back: coordinates.lat: latitude is between -90 and 90.',
    ])
    expect(diff.opsFor(new Set(diff.changes.map((c) => c.id)))).toEqual([])
    expect(nb.sources[0].reliability?.reliability).toBe('B')
  })
})
