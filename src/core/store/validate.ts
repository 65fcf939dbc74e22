// Parsing and validating notebook files, with reasons a person can act on.
import { describeZodError, GlossaError } from '@shared/errors'
import { NotebookSchema, SCHEMA_VERSION, type Notebook } from '@shared/schema'
import { migrateToCurrent } from './migrations'

/** Files larger than this are listed as damaged instead of being parsed into memory. */
export const MAX_NOTEBOOK_BYTES = 150 * 1024 * 1024

export function parseNotebookText(input: string | unknown, name: string): Notebook {
  return readNotebookText(input, name).notebook
}

/** parseNotebookText, also telling which schema version the file was migrated from, if any. */
export function readNotebookText(
  input: string | unknown,
  name: string,
): { notebook: Notebook; migratedFrom?: number } {
  return validateParsed(typeof input === 'string' ? parseJsonText(input) : input, name)
}

/** readNotebookText of a value already parsed from JSON (a string here is a JSON string, not text). */
export function validateParsed(raw: unknown, name: string): { notebook: Notebook; migratedFrom?: number } {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new GlossaError(
      'store/newer-version',
      `The file was written by a newer Glossa (schema version ${version}; this version reads up to ${SCHEMA_VERSION}). Update Glossa to open it.`,
    )
  }
  const { value, from } = migrateToCurrent(raw)
  const parsed = safeParseNotebook(value)
  if (!parsed.success)
    throw new GlossaError('store/damaged', describeZodError(parsed.error, `notebook “${name}”`))
  assertUniqueKeys(parsed.data, name)
  return { notebook: parsed.data, migratedFrom: from }
}

/** JSON.parse of a file's text, with the reasons a person reads for an empty or cut file. */
export function parseJsonText(input: string): unknown {
  if (input.trim().length === 0)
    throw new GlossaError('store/damaged', 'The file is empty (0 bytes of JSON).')
  // Some Windows editors put a byte-order mark before the JSON; it is not part of the data.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new GlossaError(
      'store/damaged',
      `The file is not valid JSON (${(error as Error).message}); it may be truncated.`,
    )
  }
}

/**
 * A parsed file whose bytes are exactly those Glossa validated before (their SHA-256 matched
 * the one it remembers, durable-file.ts): taken as it is when it has the current schema
 * version, which is the only version Glossa writes. Anything else is validated (validateParsed).
 */
export function readValidatedBefore(
  raw: unknown,
  name: string,
): { notebook: Notebook; migratedFrom?: number } {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && version === SCHEMA_VERSION)
    return { notebook: raw as Notebook }
  return validateParsed(raw, name)
}

/** The collections whose items are named by an id (facets by their key), with the word for them. */
const KEYED = [
  { collection: 'sources', key: 'id', word: 'sources' },
  { collection: 'annotations', key: 'id', word: 'passages' },
  { collection: 'facets', key: 'key', word: 'facets' },
  { collection: 'tags', key: 'id', word: 'tags' },
  { collection: 'relations', key: 'id', word: 'relations' },
  { collection: 'links', key: 'id', word: 'links' },
  { collection: 'notes', key: 'id', word: 'notes' },
  { collection: 'entities', key: 'id', word: 'entities' },
] as const satisfies readonly { collection: keyof Notebook; key: string; word: string }[]

/** The collections of `nb` that KEYED names (for the save cache, which checks each array once). */
export function keyedArrays(nb: Notebook): (readonly object[])[] {
  return KEYED.flatMap(({ collection }) => {
    const items: readonly object[] | undefined = nb[collection]
    return items ? [items] : []
  })
}

/**
 * Throws when a collection holds one id (a facet key) twice: every edit, link and undo names
 * things by id, so such a notebook is ambiguous. `skip` passes arrays already known unique.
 */
export function assertUniqueKeys(
  nb: Notebook,
  name: string,
  skip: (items: readonly object[]) => boolean = () => false,
): void {
  for (const { collection, key, word } of KEYED) {
    const items = nb[collection] as readonly Record<string, unknown>[] | undefined
    if (!items || skip(items)) continue
    const seen = new Set<unknown>()
    for (const item of items) {
      if (seen.has(item[key]))
        throw new GlossaError(
          'store/damaged',
          `Invalid notebook “${name}” — two ${word} have the ${key} “${String(item[key])}”; each ${key} may appear once.`,
        )
      seen.add(item[key])
    }
  }
}

function safeParseNotebook(raw: unknown): ReturnType<typeof NotebookSchema.safeParse> {
  try {
    return NotebookSchema.safeParse(raw)
  } catch (error) {
    // The recursive document schema overflows the stack on absurdly deep nesting.
    if (error instanceof RangeError)
      throw new GlossaError('store/damaged', 'The file is nested too deeply to be a Glossa notebook.')
    throw error
  }
}
