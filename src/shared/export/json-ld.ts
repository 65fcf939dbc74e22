// W3C Web Annotation Data Model (JSON-LD): one Annotation per passage, one per note page
// (its text as the body, the passages it cites as targets), one "linking" Annotation per link,
// all in a single embedded AnnotationPage. Ids are `urn:glossa:…` IRIs, stable across exports
// because they come from the notebook's own ids. An orphaned passage (its text was edited
// away) is marked `glossa:status: "orphaned"` and keeps only its quote: its stored position
// points at text that is no longer there. Every link's two targets are items of the page.
// The analyst's fields: a passage's grade is an "assessing" body ("B2") with `glossa:gradeReason`,
// the entities it names are "identifying" bodies (their names) and `glossa:about` (their IRIs),
// its accepted dates are `glossa:dates` (ISO 8601-2: "2003", "../2026", "2003/2011"), and the
// independent origins that agree or disagree are `glossa:supportedBy` / `glossa:contradictedBy`;
// the collection lists the sources (publication date, reliability) and the entities.
import { z } from 'zod'
import type { DocNode, Endpoint, Notebook } from '../schema'
import { isoRange, passageViewFields } from '../views/export-fields'
import { noteToMarkdown, shortQuote } from './markdown/index'

const iri = (kind: string, id: string): string => `urn:glossa:${kind}:${id}`
const endpointIri = (e: Endpoint): string => iri(e.kind === 'annotation' ? 'annotation' : 'note', e.id)

const Iri = z.string().regex(/^urn:glossa:[a-z]+:[A-Za-z0-9_:-]+$/)
const DateTime = z.iso.datetime({ offset: true })
const TextualBody = z.strictObject({
  type: z.literal('TextualBody'),
  value: z.string(),
  format: z.literal('text/markdown').optional(),
  purpose: z.enum(['commenting', 'tagging', 'classifying', 'describing', 'assessing', 'identifying']),
})
const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
const IsoRange = z.union([
  PartialDate,
  z.string().regex(/^(\.\.|\d{4}(-\d{2}(-\d{2})?)?)\/(\.\.|\d{4}(-\d{2}(-\d{2})?)?)$/),
])
const Reliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F'])
const SourceRecord = z.strictObject({
  id: Iri,
  'glossa:title': z.string(),
  'glossa:origin': z.string(),
  'glossa:published': PartialDate.optional(),
  'glossa:reliability': Reliability.optional(),
  'glossa:reliabilityReason': z.string().optional(),
})
const EntityRecord = z.strictObject({
  id: Iri,
  'glossa:entityType': z.enum(['place', 'person', 'organization']),
  'glossa:name': z.string().min(1),
  'glossa:aliases': z.array(z.string()),
  'glossa:description': z.string().optional(),
  'glossa:lat': z.number().min(-90).max(90).optional(),
  'glossa:lon': z.number().min(-180).max(180).optional(),
})
export const CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { glossa: 'urn:glossa:vocab:' }] as const
const TextQuoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
})
const TextPositionSelector = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.int().nonnegative(),
    end: z.int().nonnegative(),
  })
  .refine((s) => s.end > s.start, 'a position selector ends after it starts')
const PassageAnnotation = z.strictObject({
  id: Iri,
  type: z.literal('Annotation'),
  motivation: z.enum(['highlighting', 'commenting']),
  created: DateTime,
  modified: DateTime,
  'glossa:status': z.literal('orphaned').optional(),
  'glossa:gradeReason': z.string().min(1).optional(),
  'glossa:dates': z
    .array(z.strictObject({ value: IsoRange, label: z.string(), text: z.string().optional() }))
    .min(1)
    .optional(),
  'glossa:about': z.array(Iri).min(1).optional(),
  'glossa:supportedBy': z.array(z.string()).min(1).optional(),
  'glossa:contradictedBy': z.array(z.string()).min(1).optional(),
  body: z.array(TextualBody).min(1).optional(),
  target: z.strictObject({
    source: Iri,
    selector: z.union([z.tuple([TextQuoteSelector, TextPositionSelector]), z.tuple([TextQuoteSelector])]),
  }),
})
const NoteAnnotation = z.strictObject({
  id: Iri,
  type: z.literal('Annotation'),
  motivation: z.literal('commenting'),
  created: DateTime,
  modified: DateTime,
  body: z.array(TextualBody).min(1),
  target: z.union([Iri, z.array(Iri).min(1)]),
})
const LinkAnnotation = z.strictObject({
  id: Iri,
  type: z.literal('Annotation'),
  motivation: z.literal('linking'),
  created: DateTime,
  body: z.array(TextualBody).min(1),
  target: z.tuple([Iri, Iri]),
})
export const WebAnnotationCollectionSchema = z.strictObject({
  '@context': z.tuple([z.literal(CONTEXT[0]), z.strictObject({ glossa: z.literal(CONTEXT[1].glossa) })]),
  id: Iri,
  type: z.literal('AnnotationCollection'),
  label: z.string(),
  total: z.int().nonnegative(),
  'glossa:sources': z.array(SourceRecord),
  'glossa:entities': z.array(EntityRecord).optional(),
  first: z.strictObject({
    id: Iri,
    type: z.literal('AnnotationPage'),
    startIndex: z.literal(0),
    items: z.array(z.union([PassageAnnotation, NoteAnnotation, LinkAnnotation])),
  }),
})
export type WebAnnotationCollection = z.infer<typeof WebAnnotationCollectionSchema>
type Item = WebAnnotationCollection['first']['items'][number]

/** Ids of the passages a note cites, in order of first mention. */
function citedPassages(doc: DocNode, out = new Set<string>()): Set<string> {
  if (doc.type === 'passageRef' && typeof doc.attrs?.annotationId === 'string')
    out.add(doc.attrs.annotationId)
  for (const child of doc.content ?? []) citedPassages(child, out)
  return out
}

export function exportJsonLd(nb: Notebook): WebAnnotationCollection {
  const tags = new Map(nb.tags.map((t) => [t.id, t]))
  const anns = new Map(nb.annotations.map((a) => [a.id, a]))
  const notes = new Map(nb.notes.map((n) => [n.id, n]))
  const relations = new Map(nb.relations.map((r) => [r.id, r]))
  const ref = (id: string) => {
    const a = anns.get(id)
    return a && { url: iri('annotation', id), label: shortQuote(a.target.quote.exact) }
  }
  const exists = (e: Endpoint): boolean => (e.kind === 'annotation' ? anns.has(e.id) : notes.has(e.id))
  const views = passageViewFields(nb)
  const passages: Item[] = nb.annotations.map((a) => {
    const v = views.get(a.id)!
    const body: z.infer<typeof TextualBody>[] = []
    if (a.note)
      body.push({
        type: 'TextualBody',
        value: noteToMarkdown(a.note, ref),
        format: 'text/markdown',
        purpose: 'commenting',
      })
    for (const id of a.tagIds) {
      const tag = tags.get(id)
      if (tag) body.push({ type: 'TextualBody', value: tag.name, purpose: 'tagging' })
    }
    if (v.grade) body.push({ type: 'TextualBody', value: v.grade, purpose: 'assessing' })
    for (const name of v.entities) body.push({ type: 'TextualBody', value: name, purpose: 'identifying' })
    const { quote, position } = a.target
    const quoteSelector = {
      type: 'TextQuoteSelector' as const,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
    }
    const orphaned = a.status === 'orphaned'
    return {
      id: iri('annotation', a.id),
      type: 'Annotation',
      motivation: a.note ? 'commenting' : 'highlighting',
      created: a.createdAt,
      modified: a.updatedAt,
      ...(orphaned ? { 'glossa:status': 'orphaned' as const } : {}),
      ...(v.gradeReason ? { 'glossa:gradeReason': v.gradeReason } : {}),
      ...(v.dates.length > 0
        ? {
            'glossa:dates': v.dates.map((d) => ({
              value: isoRange(d.value),
              label: d.label,
              ...(d.text ? { text: d.text } : {}),
            })),
          }
        : {}),
      ...(v.entityIds.length > 0 ? { 'glossa:about': v.entityIds.map((id) => iri('entity', id)) } : {}),
      ...(v.supportedBy.length > 0 ? { 'glossa:supportedBy': v.supportedBy } : {}),
      ...(v.contradictedBy.length > 0 ? { 'glossa:contradictedBy': v.contradictedBy } : {}),
      ...(body.length > 0 ? { body } : {}),
      target: {
        source: iri('source', a.sourceId),
        selector: orphaned
          ? [quoteSelector]
          : [quoteSelector, { type: 'TextPositionSelector', start: position.start, end: position.end }],
      },
    }
  })
  const notePages: Item[] = nb.notes.map((n) => {
    const cited = [...citedPassages(n.doc)].filter((id) => anns.has(id)).map((id) => iri('annotation', id))
    return {
      id: iri('note', n.id),
      type: 'Annotation',
      motivation: 'commenting',
      created: n.createdAt,
      modified: n.updatedAt,
      body: [
        { type: 'TextualBody', value: n.title, purpose: 'describing' },
        {
          type: 'TextualBody',
          value: noteToMarkdown(n.doc, ref),
          format: 'text/markdown',
          purpose: 'commenting',
        },
      ],
      // A note page citing no passage is about the notebook as a whole.
      target: cited.length > 0 ? cited : iri('notebook', nb.id),
    }
  })
  const links: Item[] = nb.links
    .filter((l) => exists(l.from) && exists(l.to))
    .map((l) => {
      const relation = relations.get(l.relationId)
      const body: z.infer<typeof TextualBody>[] = [
        { type: 'TextualBody', value: relation?.name ?? l.relationId, purpose: 'classifying' },
      ]
      if (l.comment) body.push({ type: 'TextualBody', value: l.comment, purpose: 'commenting' })
      return {
        id: iri('link', l.id),
        type: 'Annotation',
        motivation: 'linking',
        created: l.createdAt,
        body,
        target: [endpointIri(l.from), endpointIri(l.to)],
      }
    })
  const items = [...passages, ...notePages, ...links]
  return {
    '@context': [CONTEXT[0], { glossa: CONTEXT[1].glossa }],
    id: iri('notebook', nb.id),
    type: 'AnnotationCollection',
    label: nb.title,
    total: items.length,
    'glossa:sources': nb.sources.map((src) => ({
      id: iri('source', src.id),
      'glossa:title': src.title,
      'glossa:origin': src.origin,
      ...(src.published ? { 'glossa:published': src.published } : {}),
      ...(src.reliability
        ? {
            'glossa:reliability': src.reliability.reliability,
            'glossa:reliabilityReason': src.reliability.reason,
          }
        : {}),
    })),
    ...(nb.entities
      ? {
          'glossa:entities': nb.entities.map((e) => ({
            id: iri('entity', e.id),
            'glossa:entityType': e.type,
            'glossa:name': e.name,
            'glossa:aliases': e.aliases,
            ...(e.description ? { 'glossa:description': e.description } : {}),
            ...(e.coordinates ? { 'glossa:lat': e.coordinates.lat, 'glossa:lon': e.coordinates.lon } : {}),
          })),
        }
      : {}),
    first: { id: iri('notebook', `${nb.id}:page:1`), type: 'AnnotationPage', startIndex: 0, items },
  }
}
