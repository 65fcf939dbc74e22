// Y.Docs back into notebooks, never letting an invalid entity in: each entity is read from its
// Y.Map and validated with its own schema (plus limits the schema leaves open); one that fails
// is refused — its last valid version is kept if this replica had one — and reported.
// Incremental: only entities a transaction touched are read again, the others keep their
// identity (which the search index and React rely on).
import * as Y from 'yjs'
import { GlossaError } from '../errors'
import { plainText } from '../plain-text'
import { IsoDate, LIMITS, SCHEMA_VERSION, type Notebook } from '../schema'
import { lostWrite, type Conflict } from './conflicts'
import { fragmentToDoc } from './fragment'
import {
  ARRAY_FIELDS,
  COLLECTIONS,
  ENTITY_SCHEMAS,
  FRAGMENT_FIELDS,
  HAS_ENTITIES,
  HAS_NOTE,
  KEY_FIELD,
  META,
  POS,
  type Collection,
} from './layout'
import { Id } from '../schema'

/** Limits the file's schema leaves open that a replica from elsewhere must not exceed. */
export const LIVE_LIMITS = {
  /** A note body's text (a passage's note or a note page). About 250 pages of prose. */
  noteChars: 1_000_000,
} as const

export interface Refusal {
  collection: Collection
  key: string
  reason: string
  /** True when this replica's last valid version was kept (and should be written back). */
  kept: boolean
}

export interface Projection {
  notebook: Notebook
  /** Entities refused since the last projection. */
  refused: Refusal[]
}

type Entity = Record<string, unknown>
interface Cached {
  entity: Entity
  pos: string
}
interface CollectionState {
  cache: Map<string, Cached>
  dirty: Set<string>
  reorder: boolean
  array: Entity[]
}

export class LiveProjection {
  private readonly states = new Map<Collection, CollectionState>()
  private metaDirty = true
  private last: Notebook | null = null
  private readonly unobserve: (() => void)[] = []

  constructor(readonly doc: Y.Doc) {
    for (const c of COLLECTIONS) {
      const map = doc.getMap<Y.Map<unknown>>(c)
      const state: CollectionState = {
        cache: new Map(),
        dirty: new Set(map.keys()),
        reorder: true,
        array: [],
      }
      this.states.set(c, state)
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        for (const event of events) {
          if (event.target === map) {
            for (const key of (event as Y.YMapEvent<unknown>).keysChanged) state.dirty.add(key)
            state.reorder = true
            this.structural = true
          } else {
            const key = event.path[0]
            if (typeof key === 'string') state.dirty.add(key)
            if (!typingOnly(c, event)) this.structural = true
            if (event.path.length !== 1 || !(event instanceof Y.YMapEvent) || typeof key !== 'string')
              continue
            if (event.keysChanged.has(POS)) state.reorder = true
            this.noteConflicts(c, key, event)
          }
        }
      }
      map.observeDeep(observer)
      this.unobserve.push(() => map.unobserveDeep(observer))
    }
    const meta = doc.getMap(META)
    const onMeta = (event: Y.YMapEvent<unknown>) => {
      this.metaDirty = true
      if ([...event.keysChanged].some((k) => k !== 'updatedAt')) this.structural = true
    }
    meta.observe(onMeta)
    this.unobserve.push(() => meta.unobserve(onMeta))
  }

  /**
   * Whether anything but typing in note bodies changed since the last call: typing (a note's
   * characters, its `updatedAt`, whether a passage has a note) cannot break a rule between
   * entities, so settling it needs no repair pass over the whole notebook (1.5 s per
   * keystroke at 20,000 passages).
   */
  private structural = true
  takeStructural(): boolean {
    const was = this.structural
    this.structural = false
    return was
  }

  /** Values that concurrent writes replaced since the last call (see conflicts.ts). */
  private conflicts: Conflict[] = []
  takeConflicts(): Conflict[] {
    const found = this.conflicts
    this.conflicts = []
    return found
  }

  private noteConflicts(c: Collection, key: string, event: Y.YMapEvent<unknown>): void {
    const map = event.target as Y.Map<unknown>
    for (const [field, change] of event.changes.keys) {
      // A note's "changed at" set by two people typing in it is no conflict worth telling.
      if (change.action !== 'update' || field === POS || field === HAS_NOTE || field === 'updatedAt') continue
      const lost = lostWrite(map, field)
      const kept = map.get(field)
      if (lost && !(kept instanceof Y.AbstractType) && JSON.stringify(kept) !== JSON.stringify(lost.lost))
        this.conflicts.push({ collection: c, key, field, kept, ...lost })
    }
  }

  destroy(): void {
    for (const u of this.unobserve) u()
  }

  /** True when something changed since the last projection. */
  get stale(): boolean {
    return this.metaDirty || [...this.states.values()].some((s) => s.dirty.size > 0 || s.reorder)
  }

  /** The notebook the doc holds now. Throws a GlossaError when the doc holds no notebook Glossa can read. */
  project(): Projection {
    const refused: Refusal[] = []
    const meta = this.readMeta()
    const next: Record<string, unknown> = { ...meta }
    let changed = this.last === null || this.metaDirty
    for (const c of COLLECTIONS) {
      const state = this.states.get(c)!
      if (state.dirty.size || state.reorder) {
        this.refresh(c, state, refused)
        changed = true
      }
      next[c] = state.array
    }
    this.metaDirty = false
    if (!meta.hasEntities) delete next.entities
    delete next.hasEntities
    if (!changed && this.last) return { notebook: this.last, refused }
    this.last = next as unknown as Notebook
    return { notebook: this.last, refused }
  }

  /**
   * Takes `nb`'s objects for the entities it holds exactly as projected (a window's notebook
   * from the contract, equal to the doc but not the same objects): the next projections keep
   * their identity, so the window's search index and React do not redo everything once.
   */
  adopt(nb: Notebook): Notebook {
    const { notebook } = this.project()
    let all = sameValue(meta(notebook), meta(nb))
    const next: Record<string, unknown> = { ...notebook }
    for (const c of COLLECTIONS) {
      const state = this.states.get(c)!
      const theirs = (nb[c] ?? []) as Entity[]
      const byKey = new Map(theirs.map((e) => [keyOfEntity(c, e), e]))
      let same = theirs.length === state.array.length
      state.array = state.array.map((e, i) => {
        const key = keyOfEntity(c, e)
        const own = byKey.get(key)
        if (!own || !sameValue(own, e)) return ((same = false), e)
        state.cache.get(key)!.entity = own
        if (theirs[i] !== own) same = false
        return own
      })
      if (same) state.array = theirs
      else all = false
      if (notebook[c] !== undefined) next[c] = state.array
    }
    this.last = all ? nb : (next as unknown as Notebook)
    return this.last
  }

  private readMeta(): Omit<Notebook, Collection> & { hasEntities: boolean } {
    const meta = this.doc.getMap<unknown>(META)
    const version = meta.get('schemaVersion')
    if (version === undefined && meta.size === 0)
      throw new GlossaError('live/empty', 'This live notebook holds nothing yet.')
    if (typeof version === 'number' && version > SCHEMA_VERSION)
      throw new GlossaError(
        'live/newer-version',
        'This notebook was last changed by a newer version of Glossa. Update Glossa to open it.',
      )
    const previous = this.last
    const pick = <T>(value: unknown, ok: (v: unknown) => v is T, fallback: T): T =>
      ok(value) ? value : fallback
    const isTitle = (v: unknown): v is string =>
      typeof v === 'string' && v.trim().length > 0 && v.length <= LIMITS.titleLength
    const isDate = (v: unknown): v is string => IsoDate.safeParse(v).success
    const isId = (v: unknown): v is string => Id.safeParse(v).success
    const now = new Date(0).toISOString()
    return {
      schemaVersion: SCHEMA_VERSION,
      id: pick(meta.get('id'), isId, previous?.id ?? 'live'),
      title: pick(meta.get('title'), isTitle, previous?.title ?? 'Shared notebook'),
      createdAt: pick(meta.get('createdAt'), isDate, previous?.createdAt ?? now),
      updatedAt: pick(meta.get('updatedAt'), isDate, previous?.updatedAt ?? now),
      hasEntities: meta.get(HAS_ENTITIES) !== false,
    }
  }

  private refresh(c: Collection, state: CollectionState, refused: Refusal[]): void {
    const map = this.doc.getMap<Y.Map<unknown>>(c)
    for (const key of state.dirty) {
      const y = map.get(key)
      if (!(y instanceof Y.Map)) {
        if (state.cache.delete(key) || y !== undefined) state.reorder = true
        if (y !== undefined) refused.push({ collection: c, key, reason: 'It is not an entity.', kept: false })
        continue
      }
      const pos = typeof y.get(POS) === 'string' ? (y.get(POS) as string) : ''
      const read = readEntity(c, key, y)
      const cached = state.cache.get(key)
      if (read.ok) {
        if (!cached || cached.pos !== pos) state.reorder = true
        state.cache.set(key, { entity: read.entity, pos })
      } else refused.push({ collection: c, key, reason: read.reason, kept: cached !== undefined })
    }
    state.dirty.clear()
    if (state.reorder) {
      const order = [...state.cache.entries()].sort(([ka, a], [kb, b]) =>
        a.pos < b.pos ? -1 : a.pos > b.pos ? 1 : ka < kb ? -1 : ka > kb ? 1 : 0,
      )
      state.array = order.map(([, v]) => v.entity)
      state.reorder = false
    } else {
      // Same entities in the same order: only changed ones are replaced (by the cache's version).
      state.array = state.array.map((e) => state.cache.get(keyOfEntity(c, e))?.entity ?? e)
    }
  }
}

const meta = (nb: Notebook) => [
  nb.schemaVersion,
  nb.id,
  nb.title,
  nb.createdAt,
  nb.updatedAt,
  nb.entities === undefined,
]

/** Deep equality of JSON values, whatever the order of object keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((x, i) => sameValue(x, other[i]))
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  )
}

const keyOfEntity = (c: Collection, e: Entity): string => e[KEY_FIELD[c]] as string

/** The fields typing in a bound note editor writes besides the note's fragment. */
const TYPING_FIELDS = new Set(['updatedAt', HAS_NOTE])

/** True when an event inside an entity is typing: within its note's fragment, or its typing fields. */
function typingOnly(c: Collection, event: Y.YEvent<Y.AbstractType<unknown>>): boolean {
  const fragment = FRAGMENT_FIELDS[c]
  if (event.path.length >= 2) return fragment !== undefined && event.path[1] === fragment
  return event instanceof Y.YMapEvent && [...event.keysChanged].every((k) => TYPING_FIELDS.has(k as string))
}

/** Reads and validates one entity from its Y.Map. */
export function readEntity(
  c: Collection,
  key: string,
  y: Y.Map<unknown>,
): { ok: true; entity: Entity } | { ok: false; reason: string } {
  const raw: Record<string, unknown> = {}
  try {
    for (const [field, value] of y.entries()) {
      if (field === POS || field === HAS_NOTE) continue
      if (field === FRAGMENT_FIELDS[c]) {
        if (!(value instanceof Y.XmlFragment)) return { ok: false, reason: `Its ${field} is not a document.` }
        const doc = c === 'annotations' && y.get(HAS_NOTE) !== true ? null : fragmentToDoc(value)
        if (doc && plainText(doc).length > LIVE_LIMITS.noteChars)
          return {
            ok: false,
            reason: `Its note is longer than ${LIVE_LIMITS.noteChars.toLocaleString('en')} characters.`,
          }
        raw[field] = doc
      } else if (field === ARRAY_FIELDS[c]) {
        if (!(value instanceof Y.Array)) return { ok: false, reason: `Its ${field} is not a list.` }
        raw[field] = value.toArray()
      } else if (value instanceof Y.AbstractType)
        return { ok: false, reason: `Its ${field} has an unexpected shape.` }
      else raw[field] = value
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
  if (c === 'annotations' && !('note' in raw)) raw.note = null
  raw[KEY_FIELD[c]] = key
  const parsed = ENTITY_SCHEMAS[c].safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, reason: `${issue.path.join('.') || 'entity'}: ${issue.message}` }
  }
  const entity = parsed.data as Entity
  if (c === 'sources' && plainText(entity.doc as never).length > LIMITS.sourceTextChars)
    return {
      ok: false,
      reason: `Its text is longer than ${LIMITS.sourceTextChars.toLocaleString('en')} characters.`,
    }
  return { ok: true, entity }
}

/** The notebook a doc holds (one-off; keep a LiveProjection to follow a doc as it changes). */
export function yDocToNotebook(doc: Y.Doc): Projection {
  const projection = new LiveProjection(doc)
  try {
    return projection.project()
  } finally {
    projection.destroy()
  }
}
