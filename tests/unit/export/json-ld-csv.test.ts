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
    expect(doc.total).toBe(nb.annotations.length + nb.links.length)
    const a1 = items.find((i) => i.id === 'urn:glossa:annotation:a1')!
    expect(a1.motivation).toBe('commenting')
    if (a1.motivation === 'linking') throw new Error('unreachable')
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
    expect(csv.startsWith('\uFEFFsource,quote,note,tags,links,created,status\r\n')).toBe(true)
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

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const evil = sampleNotebook()
    evil.annotations[0].note = noteDoc({
      type: 'paragraph',
      content: [{ type: 'text', text: '=HYPERLINK("http://x")' }],
    })
    const row = Papa.parse<string[]>(exportCsv(evil).slice(1)).data.find((r) =>
      r[1]?.startsWith('the first phase'),
    )!
    expect(row[2]).toBe('\'=HYPERLINK("http://x")')
  })
})
