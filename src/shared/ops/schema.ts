// Every change to a notebook is an operation: validated at the boundary, applied by the same
// pure reducer in the renderer (optimistically) and in the core (authoritatively), and
// undone by applying the inverse operations the reducer returns.
import { z } from 'zod'
import {
  AnnotationSchema,
  Color,
  DocSchema,
  FacetSchema,
  Id,
  IsoDate,
  LIMITS,
  LinkSchema,
  NotePageSchema,
  RelationSchema,
  SourceSchema,
  TagSchema,
  TargetSchema,
} from '../schema'
import { DATE_OP_SCHEMAS } from './dates'
import { ENTITY_OP_SCHEMAS } from './entities'
import { GRADE_OP_SCHEMAS } from './grades'

const title = z.string().trim().min(1, 'a title cannot be empty').max(LIMITS.titleLength)

export const OpSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('renameNotebook'), title }),
  z.object({
    type: z.literal('addSource'),
    source: SourceSchema,
    index: z.number().int().nonnegative().optional(),
  }),
  z.object({
    type: z.literal('updateSource'),
    id: Id,
    patch: z.object({
      title: title.optional(),
      origin: z.string().max(LIMITS.originLength).optional(),
      doc: DocSchema.optional(),
    }),
  }),
  z.object({ type: z.literal('deleteSource'), id: Id }),
  z.object({ type: z.literal('addAnnotation'), annotation: AnnotationSchema }),
  z.object({
    type: z.literal('updateAnnotation'),
    id: Id,
    patch: z.object({
      note: DocSchema.nullable().optional(),
      color: Color.nullable().optional(),
      tagIds: z.array(Id).max(200).optional(),
      target: TargetSchema.optional(),
      anchoredHash: z.string().max(64).optional(),
      status: z.enum(['anchored', 'orphaned']).optional(),
    }),
  }),
  z.object({ type: z.literal('deleteAnnotation'), id: Id }),
  z.object({ type: z.literal('addTag'), tag: TagSchema }),
  z.object({
    type: z.literal('updateTag'),
    id: Id,
    patch: z.object({
      name: z
        .string()
        .max(LIMITS.tagNameLength * 2)
        .optional(),
      label: z.string().max(LIMITS.titleLength).optional(),
      color: Color.optional(),
      description: z.string().max(LIMITS.descriptionChars).optional(),
    }),
  }),
  z.object({ type: z.literal('deleteTag'), id: Id }),
  z.object({ type: z.literal('mergeTags'), fromId: Id, intoId: Id }),
  z.object({ type: z.literal('putFacet'), facet: FacetSchema }),
  z.object({ type: z.literal('deleteFacet'), key: FacetSchema.shape.key }),
  z.object({ type: z.literal('addRelation'), relation: RelationSchema }),
  z.object({
    type: z.literal('updateRelation'),
    id: Id,
    patch: z.object({
      name: z.string().trim().min(1).max(60).optional(),
      inverse: z.string().trim().min(1).max(60).optional(),
      color: Color.optional(),
    }),
  }),
  z.object({ type: z.literal('deleteRelation'), id: Id }),
  z.object({ type: z.literal('addLink'), link: LinkSchema }),
  z.object({ type: z.literal('deleteLink'), id: Id }),
  z.object({ type: z.literal('addNote'), note: NotePageSchema }),
  z.object({
    type: z.literal('updateNote'),
    id: Id,
    patch: z.object({ title: title.optional(), doc: DocSchema.optional() }),
  }),
  z.object({ type: z.literal('deleteNote'), id: Id }),
  /**
   * Field-level tag changes on passages: the inverse of deleting and merging tags. Each change
   * removes one tag id and/or inserts one at its old position, so undoing a tag deletion puts the
   * tag back on its passages without touching anything else they hold (notes typed since, other
   * tags added since). Passages that are gone are skipped.
   */
  z.object({
    type: z.literal('retag'),
    changes: z
      .array(
        z.object({
          id: Id,
          remove: Id.optional(),
          add: z.object({ tagId: Id, index: z.number().int().nonnegative() }).optional(),
        }),
      )
      .max(200_000),
  }),
  /** Puts entities back exactly as they were (used by inverses of deletes, merges and renames). */
  z.object({
    type: z.literal('restore'),
    sources: z.array(z.object({ source: SourceSchema, index: z.number().int().nonnegative() })).optional(),
    annotations: z
      .array(z.object({ annotation: AnnotationSchema, index: z.number().int().nonnegative() }))
      .optional(),
    tags: z.array(z.object({ tag: TagSchema, index: z.number().int().nonnegative() })).optional(),
    relations: z
      .array(z.object({ relation: RelationSchema, index: z.number().int().nonnegative() }))
      .optional(),
    links: z.array(z.object({ link: LinkSchema, index: z.number().int().nonnegative() })).optional(),
    notes: z.array(z.object({ note: NotePageSchema, index: z.number().int().nonnegative() })).optional(),
  }),
  ...DATE_OP_SCHEMAS,
  ...GRADE_OP_SCHEMAS,
  ...ENTITY_OP_SCHEMAS,
])
export type Op = z.infer<typeof OpSchema>
export type OpOf<T extends Op['type']> = Extract<Op, { type: T }>

export const OpBatchSchema = z.object({ at: IsoDate, ops: z.array(OpSchema).min(1).max(5_000) })
export type OpBatch = z.infer<typeof OpBatchSchema>
