// The notebook file format: one zod schema per domain type. Validated on every read and
// before every write (core), and on every API boundary (main, web host).
import { z } from 'zod'
import { LIMITS } from './limits'
import { isRealDate, rangeProblem } from './views/dates/partial-date'

export const SCHEMA_VERSION = 2

// The limits live in a module of their own, without zod: the window's first chunk (the library
// screen's dialogs) needs them, and zod there cost ~100 KB before the first paint (#16).
export { LIMITS }

export const Id = z
  .string()
  .min(1)
  .max(LIMITS.idLength)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, _ and -')
export const IsoDate = z.iso.datetime({ offset: true })
export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colors are #rrggbb')

/** TipTap / ProseMirror JSON. Kept structural: the editor schema decides which types render. */
export interface DocNode {
  type: string
  attrs?: Record<string, unknown>
  content?: DocNode[]
  marks?: { type: string; attrs?: Record<string, unknown> }[]
  text?: string
}
export const DocNodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(DocNodeSchema).optional(),
    marks: z
      .array(
        z.object({ type: z.string().min(1).max(64), attrs: z.record(z.string(), z.unknown()).optional() }),
      )
      .optional(),
    text: z.string().optional(),
  }),
)
export const DocSchema = DocNodeSchema.refine((n) => n.type === 'doc', 'a document starts with a "doc" node')

/** A date as precise as it is known: "2003", "2025-09", "2024-09-27". */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'no such date')
/** A day, month or year, or a period between two; one end may be open ("until 2026"). */
export const DateRangeSchema = z
  .object({ from: PartialDateSchema.nullable(), to: PartialDateSchema.nullable() })
  .superRefine((r, ctx) => {
    const problem = rangeProblem(r)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
/** A date on a passage: accepted (found or typed), or a found one the user rejected (not suggested again). */
export const PassageDateSchema = z.object({
  id: Id,
  value: DateRangeSchema,
  /** The words it was found in ("through September 2025"); empty when dated by hand. */
  text: z.string().max(200),
  status: z.enum(['accepted', 'rejected']),
})
export type PassageDate = z.infer<typeof PassageDateSchema>

/** The Admiralty scale: a source's reliability A (reliable) … E (unreliable), F (cannot be judged). */
export const ReliabilitySchema = z.enum(['A', 'B', 'C', 'D', 'E', 'F'])
/** … and a claim's credibility 1 (confirmed) … 5 (improbable), 6 (cannot be judged). */
export const CredibilitySchema = z.number().int().min(1).max(6)
export const SourceGradeSchema = z.object({
  reliability: ReliabilitySchema,
  reason: z.string().max(LIMITS.commentChars),
})
export type SourceGrade = z.infer<typeof SourceGradeSchema>
export const PassageGradeSchema = z
  .object({
    /** Overrides the source's reliability for this passage (an official quoted in a wire story). */
    reliability: ReliabilitySchema.optional(),
    credibility: CredibilitySchema.optional(),
    reason: z.string().max(LIMITS.commentChars),
  })
  .refine(
    (g) => g.reliability !== undefined || g.credibility !== undefined,
    'a grade needs a letter or a number',
  )
export type PassageGrade = z.infer<typeof PassageGradeSchema>

export const SourceSchema = z.object({
  id: Id,
  title: z.string().min(1).max(LIMITS.titleLength),
  origin: z.string().max(LIMITS.originLength).default(''),
  url: z.string().max(2_000).optional(),
  summary: z.string().max(10_000).optional(),
  doc: DocSchema,
  /** Hash of the plain text: when it differs from the one passages were anchored to, re-anchor. */
  textHash: z.string().max(64),
  /** Publication date: the reference for "next year" in its text. */
  published: PartialDateSchema.optional(),
  reliability: SourceGradeSchema.optional(),
  /** Words of found dates the user rejected ("in 2003"): not suggested again in this source. */
  rejectedDates: z.array(z.string().max(200)).max(1_000).optional(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
})
export type Source = z.infer<typeof SourceSchema>

/** W3C Web Annotation selectors over the source's plain text (see shared/plain-text.ts). */
export const TextQuoteSelectorSchema = z.object({
  exact: z.string().min(1).max(LIMITS.quoteChars),
  prefix: z.string().max(LIMITS.contextChars),
  suffix: z.string().max(LIMITS.contextChars),
})
export const TextPositionSelectorSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((p) => p.end > p.start, 'a position selector ends after it starts')
export const TargetSchema = z.object({ quote: TextQuoteSelectorSchema, position: TextPositionSelectorSchema })
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>
export type Target = z.infer<typeof TargetSchema>

export const AnnotationSchema = z.object({
  id: Id,
  sourceId: Id,
  target: TargetSchema,
  /** The source text hash the position selector was computed against. */
  anchoredHash: z.string().max(64),
  note: DocSchema.nullable(),
  tagIds: z.array(Id).max(200),
  color: Color.nullable(),
  status: z.enum(['anchored', 'orphaned']),
  dates: z.array(PassageDateSchema).max(100).optional(),
  grade: PassageGradeSchema.optional(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
})
export type Annotation = z.infer<typeof AnnotationSchema>

export const FacetSchema = z.object({
  /** First path segment of the tag names in this facet, e.g. "phase". */
  key: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[^/\s]+$/),
  name: z.string().min(1).max(LIMITS.titleLength),
  color: Color,
})
export type Facet = z.infer<typeof FacetSchema>

export const TagSchema = z.object({
  id: Id,
  /** A path: "phase/1", "base/ain-al-asad". The first segment is the facet. */
  name: z.string().min(1).max(LIMITS.tagNameLength),
  label: z.string().max(LIMITS.titleLength).default(''),
  color: Color,
  description: z.string().max(LIMITS.descriptionChars).default(''),
})
export type Tag = z.infer<typeof TagSchema>

export const RelationSchema = z.object({
  id: Id,
  name: z.string().min(1).max(60),
  /** How the relation reads from the other end: "elaborates" → "elaborated by". */
  inverse: z.string().min(1).max(60),
  color: Color,
})
export type Relation = z.infer<typeof RelationSchema>

export const EndpointSchema = z.object({ kind: z.enum(['annotation', 'note']), id: Id })
export type Endpoint = z.infer<typeof EndpointSchema>
export const LinkSchema = z.object({
  id: Id,
  from: EndpointSchema,
  to: EndpointSchema,
  relationId: Id,
  comment: z.string().max(LIMITS.commentChars).default(''),
  createdAt: IsoDate,
})
export type Link = z.infer<typeof LinkSchema>

export const NotePageSchema = z.object({
  id: Id,
  title: z.string().min(1).max(LIMITS.titleLength),
  doc: DocSchema,
  createdAt: IsoDate,
  updatedAt: IsoDate,
})
export type NotePage = z.infer<typeof NotePageSchema>

/** A place, person or organization the sources name, under any of its names. */
export const EntitySchema = z
  .object({
    id: Id,
    type: z.enum(['place', 'person', 'organization']),
    name: z.string().trim().min(1, 'an entity needs a name').max(LIMITS.titleLength),
    /** Other spellings and scripts: Hareer, حرير. */
    aliases: z.array(z.string().trim().min(1).max(LIMITS.titleLength)).max(50),
    description: z.string().max(LIMITS.descriptionChars),
    /** Places only: WGS 84 degrees. */
    coordinates: z
      .object({
        lat: z.number().min(-90, 'latitude is between -90 and 90').max(90, 'latitude is between -90 and 90'),
        lon: z
          .number()
          .min(-180, 'longitude is between -180 and 180')
          .max(180, 'longitude is between -180 and 180'),
      })
      .optional(),
  })
  .refine((e) => e.type === 'place' || !e.coordinates, 'only places have coordinates')
export type Entity = z.infer<typeof EntitySchema>
export type EntityType = Entity['type']

export const NotebookSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: Id,
  title: z.string().min(1).max(LIMITS.titleLength),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  sources: z.array(SourceSchema),
  annotations: z.array(AnnotationSchema),
  facets: z.array(FacetSchema),
  tags: z.array(TagSchema),
  relations: z.array(RelationSchema),
  links: z.array(LinkSchema),
  notes: z.array(NotePageSchema),
  entities: z.array(EntitySchema).optional(),
})
export type Notebook = z.infer<typeof NotebookSchema>

export const NotebookSummarySchema = z.object({
  id: Id,
  file: z.string(),
  title: z.string(),
  sourceCount: z.number().int().nonnegative(),
  annotationCount: z.number().int().nonnegative(),
  updatedAt: IsoDate,
})
export type NotebookSummary = z.infer<typeof NotebookSummarySchema>

export const DamagedFileSchema = z.object({
  file: z.string(),
  reason: z.string(),
  hasBackup: z.boolean(),
})
export type DamagedFile = z.infer<typeof DamagedFileSchema>
