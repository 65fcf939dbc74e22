// Entities: the places, people and organizations the sources name. An alias shared by two
// entities is allowed (two people can share a name) and flagged by views/entities, never merged.
import { z } from 'zod'
import { GlossaError } from '../errors'
import { EntitySchema, Id, type Entity, type Notebook } from '../schema'
import { foldName } from '../views/fold'
import { assertNew, insertAt, mustFind, replaceAt, type Applied } from './apply'
import type { OpOf } from './schema'

const MAX_ENTITIES = 10_000
const shape = EntitySchema.shape

export const ENTITY_OP_SCHEMAS = [
  z.object({
    type: z.literal('addEntity'),
    entity: EntitySchema,
    index: z.number().int().nonnegative().optional(),
  }),
  z.object({
    type: z.literal('updateEntity'),
    id: Id,
    patch: z.object({
      type: shape.type.optional(),
      name: shape.name.optional(),
      aliases: shape.aliases.optional(),
      description: shape.description.optional(),
      /** null removes them. */
      coordinates: shape.coordinates.unwrap().nullable().optional(),
    }),
  }),
  z.object({ type: z.literal('deleteEntity'), id: Id }),
] as const

export type EntityOp = OpOf<'addEntity'> | OpOf<'updateEntity'> | OpOf<'deleteEntity'>

export function applyEntityOp(nb: Notebook, op: EntityOp): Applied {
  const entities = nb.entities ?? []
  switch (op.type) {
    case 'addEntity': {
      assertNew(entities, op.entity.id, 'entity')
      if (entities.length >= MAX_ENTITIES)
        throw new GlossaError('entity/too-many', `A notebook can hold at most ${MAX_ENTITIES} entities.`)
      const entity = tidy(op.entity)
      return {
        notebook: { ...nb, entities: insertAt(entities, op.index ?? entities.length, entity) },
        inverse: [{ type: 'deleteEntity', id: entity.id }],
      }
    }
    case 'updateEntity': {
      const { item, index } = mustFind(entities, op.id, 'entity')
      const keys = Object.keys(op.patch).filter(
        (k) => op.patch[k as keyof typeof op.patch] !== undefined,
      ) as (keyof typeof op.patch)[]
      const { coordinates, ...rest } = op.patch
      let next: Entity = { ...item }
      for (const [k, v] of Object.entries(rest)) if (v !== undefined) next = { ...next, [k]: v }
      if (coordinates === null) delete next.coordinates
      else if (coordinates !== undefined) next.coordinates = coordinates
      if (next.type !== 'place' && next.coordinates)
        throw new GlossaError(
          'entity/coordinates',
          `Only places have coordinates; “${next.name}” is a ${next.type}.`,
        )
      const previous = Object.fromEntries(keys.map((k) => [k, item[k] ?? null]))
      return {
        notebook: { ...nb, entities: replaceAt(entities, index, tidy(next)) },
        inverse: [{ type: 'updateEntity', id: op.id, patch: previous }],
      }
    }
    case 'deleteEntity': {
      const { item, index } = mustFind(entities, op.id, 'entity')
      return {
        notebook: { ...nb, entities: entities.filter((e) => e.id !== op.id) },
        inverse: [{ type: 'addEntity', entity: item, index }],
      }
    }
  }
}

/** Trims names and drops aliases that repeat the name or each other (compared folded). */
function tidy(entity: Entity): Entity {
  const seen = new Set([foldName(entity.name)])
  const aliases: string[] = []
  for (const alias of entity.aliases) {
    const key = foldName(alias)
    if (key === '' || seen.has(key)) continue
    seen.add(key)
    aliases.push(alias.trim())
  }
  const same = aliases.length === entity.aliases.length && aliases.every((a, i) => a === entity.aliases[i])
  return same && entity.name === entity.name.trim()
    ? entity
    : { ...entity, name: entity.name.trim(), aliases }
}
