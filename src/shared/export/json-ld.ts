// W3C Web Annotation Data Model (JSON-LD): one Annotation per passage, one "linking"
// Annotation per link, all in a single embedded AnnotationPage. Ids are `urn:glossa:…`
// IRIs, stable across exports because they come from the notebook's own ids.
import { z } from 'zod'
import type { Endpoint, Notebook } from '../schema'
import { noteToMarkdown, shortQuote } from './markdown/index'

const iri = (kind: string, id: string): string => `urn:glossa:${kind}:${id}`
const endpointIri = (e: Endpoint): string => iri(e.kind === 'annotation' ? 'annotation' : 'note', e.id)

const Iri = z.string().regex(/^urn:glossa:[a-z]+:[A-Za-z0-9_:-]+$/)
const DateTime = z.iso.datetime({ offset: true })
const TextualBody = z.strictObject({
  type: z.literal('TextualBody'),
  value: z.string(),
  format: z.literal('text/markdown').optional(),
  purpose: z.enum(['commenting', 'tagging', 'classifying']),
})
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
  body: z.array(TextualBody).min(1).optional(),
  target: z.strictObject({ source: Iri, selector: z.tuple([TextQuoteSelector, TextPositionSelector]) }),
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
  '@context': z.literal('http://www.w3.org/ns/anno.jsonld'),
  id: Iri,
  type: z.literal('AnnotationCollection'),
  label: z.string(),
  total: z.int().nonnegative(),
  first: z.strictObject({
    id: Iri,
    type: z.literal('AnnotationPage'),
    startIndex: z.literal(0),
    items: z.array(z.union([PassageAnnotation, LinkAnnotation])),
  }),
})
export type WebAnnotationCollection = z.infer<typeof WebAnnotationCollectionSchema>
type Item = WebAnnotationCollection['first']['items'][number]

export function exportJsonLd(nb: Notebook): WebAnnotationCollection {
  const tags = new Map(nb.tags.map((t) => [t.id, t]))
  const anns = new Map(nb.annotations.map((a) => [a.id, a]))
  const ref = (id: string) => {
    const a = anns.get(id)
    return a && { url: iri('annotation', id), label: shortQuote(a.target.quote.exact) }
  }
  const passages: Item[] = nb.annotations.map((a) => {
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
    const { quote, position } = a.target
    return {
      id: iri('annotation', a.id),
      type: 'Annotation',
      motivation: a.note ? 'commenting' : 'highlighting',
      created: a.createdAt,
      modified: a.updatedAt,
      ...(body.length > 0 ? { body } : {}),
      target: {
        source: iri('source', a.sourceId),
        selector: [
          { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
          { type: 'TextPositionSelector', start: position.start, end: position.end },
        ],
      },
    }
  })
  const links: Item[] = nb.links.map((l) => {
    const relation = nb.relations.find((r) => r.id === l.relationId)
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
  const items = [...passages, ...links]
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: iri('notebook', nb.id),
    type: 'AnnotationCollection',
    label: nb.title,
    total: items.length,
    first: { id: iri('notebook', `${nb.id}:page:1`), type: 'AnnotationPage', startIndex: 0, items },
  }
}
