// The first notebook: the seed article and a starter taxonomy for its facets. Created only
// when the data dir has never held a library, so deleting it is final.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { nanoid } from 'nanoid'
import { z } from 'zod'
import { DEFAULT_RELATIONS } from '@shared/defaults'
import { docFromParagraphs, plainText, textHash } from '@shared/plain-text'
import {
  EntitySchema,
  FacetSchema,
  PartialDateSchema,
  SCHEMA_VERSION,
  SourceGradeSchema,
  type Notebook,
  type Source,
} from '@shared/schema'

const SeedArticleSchema = z.object({
  title: z.string(),
  origin: z.string(),
  summary: z.string(),
  published: PartialDateSchema.optional(),
  reliability: SourceGradeSchema.optional(),
  paragraphs: z.array(z.string()).min(1),
})
/** The places, people and organizations the article names (each validated once given its id). */
const SeedEntitiesSchema = z.object({ entities: z.array(z.record(z.string(), z.unknown())) })
const SeedTaxonomySchema = z.object({
  facets: z.array(FacetSchema),
  tags: z.array(
    z.object({ name: z.string(), label: z.string(), color: z.string(), description: z.string() }),
  ),
})

export function emptyNotebook(title: string, now: string): Notebook {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: nanoid(12),
    title,
    createdAt: now,
    updatedAt: now,
    sources: [],
    annotations: [],
    facets: [],
    tags: [],
    relations: DEFAULT_RELATIONS.map((r) => ({ ...r })),
    links: [],
    notes: [],
    entities: [],
  }
}

export async function seedNotebook(resourcesDir: string, now: string): Promise<Notebook> {
  const article = SeedArticleSchema.parse(
    JSON.parse(await readFile(join(resourcesDir, 'seed-article.json'), 'utf8')),
  )
  const taxonomy = SeedTaxonomySchema.parse(
    JSON.parse(await readFile(join(resourcesDir, 'seed-taxonomy.json'), 'utf8')),
  )
  const doc = docFromParagraphs(article.paragraphs)
  const source: Source = {
    id: nanoid(12),
    title: article.title,
    origin: article.origin,
    summary: article.summary,
    ...(article.published ? { published: article.published } : {}),
    ...(article.reliability ? { reliability: article.reliability } : {}),
    doc,
    textHash: textHash(plainText(doc)),
    createdAt: now,
    updatedAt: now,
  }
  const nb = emptyNotebook('U.S.–Iraq agreement: study notebook', now)
  nb.sources = [source]
  nb.facets = taxonomy.facets
  nb.tags = taxonomy.tags.map((t) => ({ id: nanoid(12), ...t }))
  const { entities } = SeedEntitiesSchema.parse(
    JSON.parse(await readFile(join(resourcesDir, 'seed-entities.json'), 'utf8')),
  )
  nb.entities = entities.map((e) => EntitySchema.parse({ ...e, id: nanoid(12) }))
  return nb
}
