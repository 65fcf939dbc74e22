// fast-check arbitraries for the contract fuzz test: payloads biased toward near-valid ones
// (the right shape with one part wrong), since those reach deepest into the handlers.
import fc from 'fast-check'
import type { MethodName } from '../../src/shared/contract'

/** Ids of the live notebook, refreshed by the test after valid calls change it. */
export interface FuzzContext {
  notebookIds: string[]
  sourceIds: string[]
  tagIds: string[]
  relationIds: string[]
  annotationIds: string[]
  noteIds: string[]
}

const AT = '2026-03-04T05:06:07.000Z'
const NOTEBOOK_JSON = JSON.stringify({
  schemaVersion: 1,
  id: 'importedFuzz1',
  title: 'Imported',
  createdAt: AT,
  updatedAt: AT,
  sources: [],
  annotations: [],
  facets: [],
  tags: [],
  relations: [],
  links: [],
  notes: [],
})
const pick = (list: string[], i: number) => (list.length ? list[i % list.length] : `missing${i}`)
const freshId = fc.stringMatching(/^[A-Za-z0-9_-]{6,20}$/)
// Mostly ids that exist (the first notebook is the one the other ids come from), some fresh.
const idFrom = (ctx: FuzzContext, key: keyof FuzzContext) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.nat().map((i) => pick(ctx[key], key === 'notebookIds' && i % 5 ? 0 : i)) },
    freshId,
  )

const POLLUTION = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":null}',
  '{"prototype":{"polluted":"yes"},"toString":1,"hasOwnProperty":"x"}',
].map((text) => JSON.parse(text) as unknown)

const hugeString = fc.oneof(
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.constant('y'.repeat(10_000_001)), // over every string limit in the contract
)
export const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '__proto__',
    'constructor',
    'prototype',
    '../../etc/passwd',
    '..\\..\\x',
    '\u0000',
    '\uD800',
    '<script>alert(1)</script>',
    'NaN',
    '2026-13-45T99:99:99Z',
  ),
  { weight: 1, arbitrary: hugeString },
)
const deep = fc.tuple(fc.integer({ min: 20, max: 3_000 }), fc.boolean()).map(([depth, asDoc]) => {
  let node: unknown = asDoc ? { type: 'text', text: 'x' } : 1
  for (let i = 0; i < depth; i++) node = asDoc ? { type: 'paragraph', content: [node] } : [node]
  return asDoc ? { type: 'doc', content: [node] } : node
})
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(-1),
  hostileString,
  fc.constantFrom(...POLLUTION),
  deep,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
)

const flatDoc = fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 3 }).map((ps) => ({
  type: 'doc',
  content: ps.map((t) =>
    t ? { type: 'paragraph', content: [{ type: 'text', text: t }] } : { type: 'paragraph' },
  ),
}))
/** Nested blockquotes: up to ~120 levels pass the dispatcher's depth cap, deeper ones must not crash it. */
const deepDoc = fc.integer({ min: 30, max: 2_000 }).map((depth) => {
  let node: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] }
  for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] }
  return { type: 'doc', content: [node] }
})
const doc = fc.oneof({ weight: 12, arbitrary: flatDoc }, deepDoc)
const color = fc.constantFrom('#f6d860', '#123abc', 'red', '#fff')
const target = fc.record({
  quote: fc.record({
    exact: fc.constantFrom('coalition', 'Iraq', 'x'),
    prefix: fc.constant(''),
    suffix: fc.constant(''),
  }),
  position: fc.record({ start: fc.nat(50), end: fc.integer({ min: 51, max: 200 }) }),
})

function ops(ctx: FuzzContext): fc.Arbitrary<unknown> {
  const tag = fc.record({
    id: freshId,
    name: fc.constantFrom('phase/9', 'misc', 'base/new one', ''),
    label: fc.string({ maxLength: 10 }),
    color,
    description: fc.constant(''),
  })
  const annotation = fc.record({
    id: freshId,
    sourceId: idFrom(ctx, 'sourceIds'),
    target,
    anchoredHash: fc.constant('h'),
    note: fc.oneof(fc.constant(null), doc),
    tagIds: fc.array(idFrom(ctx, 'tagIds'), { maxLength: 2 }),
    color: fc.constant(null),
    status: fc.constant('anchored'),
    createdAt: fc.constant(AT),
    updatedAt: fc.constant(AT),
  })
  const note = fc.record({
    id: freshId,
    title: fc.string({ minLength: 1, maxLength: 20 }),
    doc,
    createdAt: fc.constant(AT),
    updatedAt: fc.constant(AT),
  })
  const endpoint = fc.record({
    kind: fc.constantFrom('annotation', 'note'),
    id: fc.oneof(idFrom(ctx, 'annotationIds'), idFrom(ctx, 'noteIds')),
  })
  return fc.oneof(
    fc.record({ type: fc.constant('renameNotebook'), title: fc.string({ minLength: 1, maxLength: 40 }) }),
    fc.record({
      type: fc.constant('updateSource'),
      id: idFrom(ctx, 'sourceIds'),
      patch: fc.record(
        { title: fc.string({ maxLength: 20 }), origin: fc.string({ maxLength: 10 }) },
        { requiredKeys: [] },
      ),
    }),
    fc.record({ type: fc.constant('deleteSource'), id: idFrom(ctx, 'sourceIds') }),
    fc.record({ type: fc.constant('addAnnotation'), annotation }),
    fc.record({
      type: fc.constant('updateAnnotation'),
      id: idFrom(ctx, 'annotationIds'),
      patch: fc.record(
        { note: fc.oneof(fc.constant(null), doc), color: fc.constantFrom(null, '#9fd9a0') },
        { requiredKeys: [] },
      ),
    }),
    fc.record({ type: fc.constant('deleteAnnotation'), id: idFrom(ctx, 'annotationIds') }),
    fc.record({ type: fc.constant('addTag'), tag }),
    fc.record({
      type: fc.constant('updateTag'),
      id: idFrom(ctx, 'tagIds'),
      patch: fc.record({ name: fc.string({ maxLength: 20 }), color }, { requiredKeys: [] }),
    }),
    fc.record({ type: fc.constant('deleteTag'), id: idFrom(ctx, 'tagIds') }),
    fc.record({
      type: fc.constant('mergeTags'),
      fromId: idFrom(ctx, 'tagIds'),
      intoId: idFrom(ctx, 'tagIds'),
    }),
    fc.record({
      type: fc.constant('putFacet'),
      facet: fc.record({
        key: fc.constantFrom('phase', 'new', 'a b'),
        name: fc.string({ minLength: 1, maxLength: 10 }),
        color,
      }),
    }),
    fc.record({ type: fc.constant('deleteFacet'), key: fc.constantFrom('phase', 'base', 'nope') }),
    fc.record({
      type: fc.constant('addRelation'),
      relation: fc.record({
        id: freshId,
        name: fc.string({ minLength: 1, maxLength: 10 }),
        inverse: fc.string({ minLength: 1, maxLength: 10 }),
        color,
      }),
    }),
    fc.record({ type: fc.constant('deleteRelation'), id: idFrom(ctx, 'relationIds') }),
    fc.record({
      type: fc.constant('addLink'),
      link: fc.record({
        id: freshId,
        from: endpoint,
        to: endpoint,
        relationId: idFrom(ctx, 'relationIds'),
        comment: fc.string({ maxLength: 10 }),
        createdAt: fc.constant(AT),
      }),
    }),
    fc.record({ type: fc.constant('addNote'), note }),
    fc.record({
      type: fc.constant('addNote'),
      note: note.chain((n) => deepDoc.map((d) => ({ ...n, doc: d }))),
    }),
    fc.record({
      type: fc.constant('updateNote'),
      id: idFrom(ctx, 'noteIds'),
      patch: fc.record({ title: fc.string({ maxLength: 10 }), doc }, { requiredKeys: [] }),
    }),
    fc.record({ type: fc.constant('deleteNote'), id: idFrom(ctx, 'noteIds') }),
    fc
      .record(
        {
          type: fc.constant('restore'),
          tags: fc.array(fc.record({ tag, index: fc.nat(5) }), { maxLength: 1 }),
          notes: fc.array(fc.record({ note, index: fc.nat(5) }), { maxLength: 1 }),
        },
        { requiredKeys: [] },
      )
      .map((r) => ({ type: 'restore', ...r })),
  )
}

/** A well-formed payload for each method (its ids may still name nothing). */
function template(method: MethodName, ctx: FuzzContext): fc.Arbitrary<unknown> {
  const id = idFrom(ctx, 'notebookIds')
  const fileName = fc.oneof(
    fc.constantFrom(
      'x.json',
      '../notebooks/x.json',
      '../../etc/passwd',
      'a/b.json',
      '.hidden.json',
      'nul',
      'CON.json',
    ),
    fc.string({ maxLength: 30 }),
  )
  // A string switch: methods other engineers add appear here before they reach MethodName.
  switch (method as string) {
    case 'appInfo':
    case 'listNotebooks':
      return fc.constant({})
    case 'createNotebook':
      return fc.record({ title: fc.string({ maxLength: 40 }) })
    case 'openNotebook':
    case 'deleteNotebook':
      return fc.record({ id })
    case 'applyOps':
      return fc.record({
        id,
        at: fc.constantFrom(AT, '2026-01-01T00:00:00+02:00'),
        ops: fc.oneof(
          { weight: 4, arbitrary: ops(ctx).map((op) => [op]) },
          fc.array(ops(ctx), { minLength: 2, maxLength: 3 }),
        ),
      })
    case 'convertSource':
      return fc.record(
        {
          format: fc.constantFrom('text', 'markdown', 'html'),
          content: fc.oneof(
            fc.string({ maxLength: 200 }),
            fc.constantFrom('# T\n\n<img src=x onerror=alert(1)>', '<script>alert(1)</script><p>hi</p>'),
          ),
          fileName: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
        },
        { requiredKeys: ['format', 'content'] },
      )
    case 'exportNotebook':
    case 'saveExport':
      return fc.record({ id, format: fc.constantFrom('md', 'md-folder', 'json', 'csv') })
    case 'duplicateNotebook':
    case 'checkExternalChange':
    case 'forceSave':
      return fc.record({ id })
    case 'reloadNotebook':
      return fc.record({ id, discardUnsaved: fc.boolean() }, { requiredKeys: ['id'] })
    case 'restoreNotebook':
      return fc.record({ trashedAs: fileName })
    case 'restoreBackup':
      return fc.record({ file: fileName })
    case 'importNotebook':
      return fc.record({
        fileName,
        content: fc.constantFrom(
          NOTEBOOK_JSON,
          NOTEBOOK_JSON.slice(0, 90),
          '{}',
          'not json',
          '{"schemaVersion":99}',
          '',
          NOTEBOOK_JSON.replace('"schemaVersion":1', '"schemaVersion":0'),
        ),
      })
    default:
      return fc.constant({})
  }
}

/** Copies the top `levels` (all that mutate() touches), sharing deeper parts: values may be too deep for structuredClone. */
function cloneTop(value: unknown, levels: number): unknown {
  if (levels === 0 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => cloneTop(v, levels - 1))
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value
  const copy: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value))
    Object.defineProperty(copy, k, {
      value: cloneTop(v, levels - 1),
      enumerable: true,
      configurable: true,
      writable: true,
    })
  return copy
}

interface Mutation {
  at: number
  kind: number
  value: unknown
}

/** Replaces, removes, wraps or adds a property somewhere inside `value` (a plain JSON tree). */
function mutate(value: unknown, mutations: Mutation[]): unknown {
  let root = cloneTop(value, 10)
  for (const m of mutations) {
    const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = []
    const walk = (node: unknown, depth: number) => {
      if (depth > 8 || node === null || typeof node !== 'object') return
      for (const key of Object.keys(node)) {
        slots.push({ parent: node as Record<string, unknown>, key })
        walk((node as Record<string, unknown>)[key], depth + 1)
      }
    }
    walk(root, 0)
    if (slots.length === 0 || m.kind === 4) {
      root = m.kind === 4 ? m.value : root
      continue
    }
    const { parent, key } = slots[m.at % slots.length]
    const record = parent as Record<string | number, unknown>
    if (m.kind === 0) record[key] = m.value
    else if (m.kind === 1 && !Array.isArray(parent)) delete record[key]
    else if (m.kind === 2) record[key] = [record[key]]
    else
      Object.defineProperty(parent, ['__proto__', 'constructor', 'extra'][m.at % 3], {
        value: m.value,
        enumerable: true,
        configurable: true,
        writable: true,
      })
  }
  return root
}

export function payloadFor(method: MethodName, ctx: FuzzContext): fc.Arbitrary<unknown> {
  const mutation = fc.record({ at: fc.nat(), kind: fc.nat(4), value: wrongValue })
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(template(method, ctx), fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([t, ms]) => mutate(t, ms)),
    },
    { weight: 3, arbitrary: template(method, ctx) },
    { weight: 1, arbitrary: wrongValue },
    {
      weight: 1,
      arbitrary: fc.anything({
        maxDepth: 3,
        withNullPrototype: true,
        withBoxedValues: true,
        withMap: true,
        withSet: true,
      }),
    },
  )
}
