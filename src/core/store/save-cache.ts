// Saving a large notebook quickly, without freezing the app. Validating the whole notebook
// with zod and JSON.stringify of all of it took ~550 ms of blocked event loop per save at
// 20,000 passages (bench/figures/save.ts). But a notebook is immutable — the reducer returns
// new objects for what an edit changed and keeps every other object as it was — so the work
// done for one object (checking it, turning it into JSON) holds as long as that object lives.
// Both are remembered per object (WeakSet / WeakMap): a save after one edit checks and
// stringifies only the objects that edit created. The text is byte-identical to
// JSON.stringify(notebook, null, 1), the format the files have always had.
// Invariant relied on: nothing mutates a notebook's objects in place once created.
import { NotebookSchema, type Notebook } from '@shared/schema'
import { assertUniqueKeys, keyedArrays, parseNotebookText } from './validate'

const COLLECTIONS = ['sources', 'annotations', 'facets', 'tags', 'relations', 'links', 'notes'] as const
type Collection = (typeof COLLECTIONS)[number]
const isCollection = (key: string): key is Collection => (COLLECTIONS as readonly string[]).includes(key)

/** The top-level fields without the collections (cheap to check on every save). */
const HEAD = NotebookSchema.omit({
  sources: true,
  annotations: true,
  facets: true,
  tags: true,
  relations: true,
  links: true,
  notes: true,
})
const ELEMENT = Object.fromEntries(COLLECTIONS.map((c) => [c, NotebookSchema.shape[c].element])) as {
  [C in Collection]: (typeof NotebookSchema.shape)[C]['element']
}

/** Objects known to pass their collection's schema, per collection. */
const valid = Object.fromEntries(COLLECTIONS.map((c) => [c, new WeakSet<object>()])) as Record<
  Collection,
  WeakSet<object>
>
/** An element's JSON, formatted for its place in the file (two levels deep). */
const elementJson = new WeakMap<object, string>()

/** Collection arrays known to hold each id (facet key) once; a changed collection is a new array. */
const unique = new WeakSet<object>()

/** Records that every object of a freshly parsed (hence valid) notebook needs no re-check. */
export function markValid(nb: Notebook): void {
  for (const c of COLLECTIONS) for (const item of nb[c]) valid[c].add(item)
  for (const items of keyedArrays(nb)) unique.add(items)
}

/**
 * Throws what parseNotebookText would (same reasons) when `nb` is not a valid notebook.
 * Checks the top-level fields and the objects not seen valid before; anything amiss is then
 * re-checked by the full parse, which produces the readable reason.
 */
export function validateForSave(nb: Notebook, name: string): void {
  if (!quickCheck(nb)) parseNotebookText(nb, name)
  // Only the collections an edit replaced are checked for an id used twice (~1 ms at 20,000 passages).
  assertUniqueKeys(nb, name, (items) => unique.has(items))
  for (const items of keyedArrays(nb)) unique.add(items)
}

function quickCheck(nb: Notebook): boolean {
  try {
    if (typeof nb !== 'object' || nb === null || !HEAD.safeParse(nb).success) return false
    for (const c of COLLECTIONS) {
      const items: unknown = nb[c]
      if (!Array.isArray(items)) return false
      for (const item of items) {
        if (typeof item === 'object' && item !== null && valid[c].has(item)) continue
        if (!ELEMENT[c].safeParse(item).success) return false
        valid[c].add(item)
      }
    }
    return true
  } catch {
    return false // e.g. a stack overflow on absurd nesting: the full parse reports it
  }
}

/** Inserts `pad` after every line break; JSON strings never hold a raw line break, so this only re-indents. */
const indent = (json: string, pad: string): string =>
  json.includes('\n') ? json.split('\n').join(`\n${pad}`) : json

function itemJson(item: unknown): string {
  if (typeof item !== 'object' || item === null) return JSON.stringify(item) ?? 'null'
  let text = elementJson.get(item)
  if (text === undefined) elementJson.set(item, (text = indent(JSON.stringify(item, null, 1), '  ')))
  return text
}

/** The pieces of JSON.stringify(nb, null, 1), in order, built from cached element JSON. */
function* pieces(nb: Notebook): Generator<string> {
  let first = true
  for (const key of Object.keys(nb)) {
    const value: unknown = (nb as unknown as Record<string, unknown>)[key]
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue
    yield first ? '{\n ' : ',\n '
    first = false
    if (isCollection(key) && Array.isArray(value) && value.length > 0) {
      yield `${JSON.stringify(key)}: [\n  `
      for (let i = 0; i < value.length; i++) yield i === 0 ? itemJson(value[i]) : `,\n  ${itemJson(value[i])}`
      yield '\n ]'
    } else yield `${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 1), ' ')}`
  }
  yield first ? '{}' : '\n}'
}

export function serializeSync(nb: Notebook): string {
  return [...pieces(nb)].join('')
}

/** Pieces are handed to the file in chunks of about this many characters. */
const CHUNK_CHARS = 1 << 20

/**
 * The same text in chunks, for FileHandle.writeFile: one big string would have to be joined
 * and encoded in one go (~70 ms at 25 MB). The event loop gets a turn whenever `sliceMs` of
 * work has passed, so even the first save after opening (nothing cached) does not freeze the app.
 */
export async function* serializeChunks(nb: Notebook, sliceMs = 8): AsyncGenerator<string> {
  let chunk: string[] = []
  let size = 0
  let since = performance.now()
  for (const piece of pieces(nb)) {
    chunk.push(piece)
    size += piece.length
    if (size >= CHUNK_CHARS) {
      yield chunk.join('')
      chunk = []
      size = 0
    }
    if (performance.now() - since > sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve))
      since = performance.now()
    }
  }
  if (chunk.length > 0) yield chunk.join('')
}

export async function serializeAsync(nb: Notebook, sliceMs = 8): Promise<string> {
  let text = ''
  for await (const chunk of serializeChunks(nb, sliceMs)) text += chunk
  return text
}
