// Where each part of a notebook lives in its Y.Doc (docs/LIVE.md): one top-level Y.Map per
// collection, one Y.Map per entity keyed by its id (facets by key), a field per key. Note bodies
// are Y.XmlFragments, a passage's tags a Y.Array; every other field is a plain JSON value.
import type { z } from 'zod'
import {
  AnnotationSchema,
  EntitySchema,
  FacetSchema,
  LinkSchema,
  NotePageSchema,
  RelationSchema,
  SourceSchema,
  TagSchema,
  type Notebook,
} from '../schema'

export const COLLECTIONS = [
  'sources',
  'tags',
  'facets',
  'relations',
  'notes',
  'annotations',
  'links',
  'entities',
] as const
export type Collection = (typeof COLLECTIONS)[number]
export type EntityOf<C extends Collection> = NonNullable<Notebook[C]>[number]

export const ENTITY_SCHEMAS: Record<Collection, z.ZodType> = {
  sources: SourceSchema,
  annotations: AnnotationSchema,
  facets: FacetSchema,
  tags: TagSchema,
  relations: RelationSchema,
  links: LinkSchema,
  notes: NotePageSchema,
  entities: EntitySchema,
}

/** The entity's key in its collection's Y.Map. */
export function keyOf(collection: Collection, entity: object): string {
  return collection === 'facets' ? (entity as { key: string }).key : (entity as { id: string }).id
}
export const KEY_FIELD: Record<Collection, string> = {
  sources: 'id',
  annotations: 'id',
  facets: 'key',
  tags: 'id',
  relations: 'id',
  links: 'id',
  notes: 'id',
  entities: 'id',
}

/** Fields held as a Y.XmlFragment (note bodies: typing in them merges by character). */
export const FRAGMENT_FIELDS: Partial<Record<Collection, string>> = { annotations: 'note', notes: 'doc' }
/** Fields held as a Y.Array of strings (two people tagging one passage both keep their tag). */
export const ARRAY_FIELDS: Partial<Record<Collection, string>> = { annotations: 'tagIds' }

/** Fields of ours in an entity's Y.Map, never in the notebook. */
export const POS = '_pos'
/** On passages: whether the note (its fragment is always there) is set or null. */
export const HAS_NOTE = '_hasNote'

export const META = 'meta'
export const CONFLICTS = 'conflicts'
export const META_FIELDS = ['schemaVersion', 'id', 'title', 'createdAt', 'updatedAt'] as const
/** `entities` is optional in the file: whether the notebook has the list at all. */
export const HAS_ENTITIES = 'hasEntities'
