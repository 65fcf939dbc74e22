// Schema migrations: one step per version, { from: n, to: n + 1, migrate(raw) }, run on read
// before validation (validate.ts). The original file is copied to
// <data-dir>/backups/<file>/pre-migration-v<n>.json before the migrated notebook is first
// written (DurableNotebookFile → Backups.keepPreMigration).
//
// Version 0 is the pre-release shape: no facets, relations, links or notes arrays, and
// passages (annotations) without anchoredHash. Steps are best effort on odd input: whatever
// they cannot fix is left for validation to report.
import { DEFAULT_RELATIONS } from '@shared/defaults'
import { SCHEMA_VERSION } from '@shared/schema'

type Raw = Record<string, unknown>
export interface Migration {
  from: number
  to: number
  migrate(raw: Raw): Raw
}

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)
const arrayOr = (v: unknown, fallback: unknown[]): unknown[] => (Array.isArray(v) ? v : fallback)

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    to: 1,
    migrate(raw) {
      const sources = arrayOr(raw.sources, [])
      const hashOf = new Map(sources.filter(isRecord).map((s) => [s.id, s.textHash]))
      const annotations = arrayOr(raw.annotations, []).map((a) => {
        if (!isRecord(a) || typeof a.anchoredHash === 'string') return a
        // Pre-release passages were anchored to the source text as it is in the file.
        const hash = hashOf.get(a.sourceId)
        return { ...a, anchoredHash: typeof hash === 'string' ? hash : '' }
      })
      return {
        ...raw,
        schemaVersion: 1,
        sources,
        annotations,
        facets: arrayOr(raw.facets, []),
        tags: arrayOr(raw.tags, []),
        // New notebooks start with the default relations; so do migrated ones without any.
        relations: arrayOr(
          raw.relations,
          DEFAULT_RELATIONS.map((r) => ({ ...r })),
        ),
        links: arrayOr(raw.links, []),
        notes: arrayOr(raw.notes, []),
      }
    },
  },
  {
    // Version 2 adds the analyst's views: entities on the notebook; dates and a grade on
    // passages, a publication date and a reliability on sources (all optional, so older
    // passages and sources are valid as they are).
    from: 1,
    to: 2,
    migrate(raw) {
      return { ...raw, schemaVersion: 2, entities: arrayOr(raw.entities, []) }
    },
  },
]

/**
 * Brings a parsed file up to SCHEMA_VERSION. `from` is the version it had when a migration ran
 * (undefined when none was needed, or the file is not one we know how to migrate).
 */
export function migrateToCurrent(
  raw: unknown,
  steps: readonly Migration[] = MIGRATIONS,
): { value: unknown; from?: number } {
  if (!isRecord(raw) || typeof raw.schemaVersion !== 'number' || raw.schemaVersion >= SCHEMA_VERSION)
    return { value: raw }
  const from = raw.schemaVersion
  let value: Raw = raw
  while ((value.schemaVersion as number) < SCHEMA_VERSION) {
    const step = steps.find((s) => s.from === value.schemaVersion)
    if (!step || step.to !== step.from + 1) return { value: raw } // no path from this version: validation says why
    value = { ...step.migrate(value), schemaVersion: step.to }
  }
  return { value, from }
}
