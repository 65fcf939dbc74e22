import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, exportCsv } from '../../../src/shared/export/csv'
import { exportNotebook } from '../../../src/shared/export/index'
import { exportJsonLd, WebAnnotationCollectionSchema } from '../../../src/shared/export/json-ld'
import { noteDoc, sampleNotebook } from '../../fixtures/sample-notebook'

describe('JSON-LD export', () => {
  const nb = sampleNotebook()
  const doc = exportJsonLd(nb)

  it('validates against its schema, also after a JSON round trip', () => {
    expect(WebAnnotationCollectionSchema.safeParse(doc).error).toBeUndefined()
    const file = exportNotebook(nb, 'json').files[0]
    expect(file.path).toBe('Iraq withdrawal- reading notes.jsonld')
    expect(WebAnnotationCollectionSchema.parse(JSON.parse(file.content))).toEqual(doc)
  })

  it('has one annotation per passage with both selectors, notes as Markdown and tags as tagging bodies', () => {
    const items = doc.first.items
    expect(doc.total).toBe(nb.annotations.length + nb.notes.length + nb.links.length)
    const a1 = items.find((i) => i.id === 'urn:glossa:annotation:a1')!
    expect(a1.motivation).toBe('commenting')
    if (typeof a1.target !== 'object' || Array.isArray(a1.target)) throw new Error('unreachable')
    expect(a1.target.source).toBe('urn:glossa:source:src-ap-iraq')
    expect(a1.target.selector[0]).toMatchObject({
      type: 'TextQuoteSelector',
      exact: nb.annotations[0].target.quote.exact,
    })
    expect(a1.target.selector[1]).toMatchObject({
      type: 'TextPositionSelector',
      ...nb.annotations[0].target.position,
    })
    expect(a1.body).toContainEqual({ type: 'TextualBody', value: 'phase/1', purpose: 'tagging' })
    expect(a1.body?.[0]).toMatchObject({ format: 'text/markdown', purpose: 'commenting' })
    expect(a1.body?.[0].value).toContain('**Phase one**')
  })

  it('exports links as linking annotations between the two passage IRIs', () => {
    const l1 = doc.first.items.find((i) => i.id === 'urn:glossa:link:l1')!
    expect(l1).toMatchObject({
      motivation: 'linking',
      target: ['urn:glossa:annotation:a3', 'urn:glossa:annotation:a1'],
    })
    expect(l1.body?.[0]).toMatchObject({ value: 'elaborates', purpose: 'classifying' })
  })

  it('marks an orphaned passage as such and gives it no stale position', () => {
    const orphan = doc.first.items.find((i) => i.id === 'urn:glossa:annotation:a6')!
    expect(orphan).toMatchObject({ 'glossa:status': 'orphaned' })
    if (typeof orphan.target !== 'object' || Array.isArray(orphan.target)) throw new Error('unreachable')
    expect(orphan.target.selector).toEqual([expect.objectContaining({ type: 'TextQuoteSelector' })])
    const anchored = doc.first.items.find((i) => i.id === 'urn:glossa:annotation:a1')!
    expect(anchored).not.toHaveProperty('glossa:status')
  })

  it('exports note pages, targeting the passages they cite', () => {
    const note = doc.first.items.find((i) => i.id === 'urn:glossa:note:n1')!
    expect(note).toMatchObject({
      motivation: 'commenting',
      target: ['urn:glossa:annotation:a1', 'urn:glossa:annotation:a2'],
    })
    expect(note.body?.[0]).toEqual({
      type: 'TextualBody',
      value: 'Withdrawal timeline',
      purpose: 'describing',
    })
    expect(note.body?.[1].value).toContain(
      '[the first phase, expected to run through…](urn:glossa:annotation:a1)',
    )
  })

  it('every link target is an item of the page, also for links to note pages', () => {
    const withNoteLink = sampleNotebook()
    withNoteLink.links.push({
      id: 'l3',
      from: { kind: 'note', id: 'n1' },
      to: { kind: 'annotation', id: 'a4' },
      relationId: 'supports',
      comment: '',
      createdAt: withNoteLink.createdAt,
    })
    const out = exportJsonLd(withNoteLink)
    const ids = new Set(out.first.items.map((i) => i.id))
    const links = out.first.items.filter((i) => i.motivation === 'linking')
    expect(links).toHaveLength(3)
    for (const l of links) for (const target of l.target as string[]) expect(ids).toContain(target)
  })

  it('rejects a tampered document', () => {
    expect(WebAnnotationCollectionSchema.safeParse({ ...doc, '@context': 'x' }).success).toBe(false)
    const broken = structuredClone(doc) as { first: { items: { target: unknown }[] } }
    broken.first.items[0].target = 'not a target'
    expect(WebAnnotationCollectionSchema.safeParse(broken).success).toBe(false)
  })
})

describe('CSV export', () => {
  const nb = sampleNotebook()
  const tricky = 'Line one, with "quotes"\nline two; semicolon, comma\r\nline three é ü —'
  nb.annotations[2].note = noteDoc({ type: 'paragraph', content: [{ type: 'text', text: tricky }] })
  const csv = exportCsv(nb)

  it('starts with a BOM, uses CRLF and the documented columns', () => {
    expect(
      csv.startsWith(
        '\uFEFFsource,quote,note,tags,links,created,status,passage_id,source_id,start,end,' +
          'grade,grade_reason,dates,entities,supported_by,contradicted_by\r\n',
      ),
    ).toBe(true)
    // Outside quoted cells every line ends in CRLF (newlines inside notes stay as typed).
    expect(/(?<!\r)\n/.test(csv.replace(/"[^"]*(?:""[^"]*)*"/g, ''))).toBe(false)
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('round-trips through papaparse with commas, quotes and newlines intact', () => {
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS])
    expect(parsed.data).toHaveLength(nb.annotations.length)
    const row = parsed.data.find((r) => r.quote === nb.annotations[2].target.quote.exact)!
    expect(row.note).toBe(tricky)
    expect(row.tags).toBe('base/harir')
    expect(row.links).toBe('elaborates → “the first phase, expected to run through…”')
    const a1 = parsed.data.find((r) => r.quote.startsWith('the first phase'))!
    expect(a1.note).toContain(
      'bases evacuated, see AP, "Iraq deal"\nSaid, "we\'ll see", then:\na second line, with commas',
    )
    expect(a1.tags).toBe('phase/1')
    expect(parsed.data.at(-1)!.status).toBe('orphaned')
  })

  it('has the passage and source ids and the offsets (none for an orphan)', () => {
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true })
    const a1 = parsed.data.find((r) => r.passage_id === 'a1')!
    expect(a1).toMatchObject({
      source_id: 'src-ap-iraq',
      start: String(nb.annotations[0].target.position.start),
      end: String(nb.annotations[0].target.position.end),
    })
    expect(parsed.data.find((r) => r.passage_id === 'a6')).toMatchObject({ start: '', end: '' })
  })

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const evil = sampleNotebook()
    evil.annotations[0].note = noteDoc({
      type: 'paragraph',
      content: [{ type: 'text', text: '=HYPERLINK("http://x")' }],
    })
    const row = Papa.parse<string[]>(exportCsv(evil).slice(1)).data.find((r) => r[7] === 'a1')!
    expect(row[2]).toBe('\'=HYPERLINK("http://x")')
  })
})
