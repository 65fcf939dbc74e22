// What an export writes about a passage, a source and a notebook's entities for the analyst's
// views, as plain values (the Markdown, JSON-LD and CSV writers decide the syntax).
import type { Annotation, Entity, Notebook, Source } from '../schema'
import { corroborationIndex } from './corroboration'
import { formatRange, type DateRange } from './dates/partial-date'
import { entitiesOfPassage, nameIndex } from './entities'
import { gradeLabel } from './grades'

export interface PassageViewFields {
  /** "B2", "B?" or "" (see gradeLabel). */
  grade: string
  gradeReason: string
  /** Accepted dates: the value and the words it was found in ("" when typed by hand). */
  dates: { value: DateRange; label: string; text: string }[]
  /** Names of the entities the passage's quote or note names. */
  entities: string[]
  /** Their ids, in the same order. */
  entityIds: string[]
  /** Independent origins that agree / disagree (from supports / contradicts links). */
  supportedBy: string[]
  contradictedBy: string[]
}

/** Fields for every passage, computed in one pass over the notebook (linear in its size). */
export function passageViewFields(nb: Notebook): Map<string, PassageViewFields> {
  const fields = passageViewFieldsOf(nb)
  const out = new Map<string, PassageViewFields>()
  for (const a of nb.annotations) out.set(a.id, fields(a))
  return out
}

/**
 * The same, one passage at a time when asked: a writer that needs each passage's fields once
 * (the Markdown export) does not hold them all at once (5 MB at 20,000 passages).
 */
export function passageViewFieldsOf(nb: Notebook): (a: Annotation) => PassageViewFields {
  const sources = new Map(nb.sources.map((s) => [s.id, s]))
  const index = nameIndex(nb.entities ?? [])
  const names = new Map((nb.entities ?? []).map((e) => [e.id, e.name]))
  const corroboration = corroborationIndex(nb)
  return (a) => fieldsOf(a, sources.get(a.sourceId), index, names, corroboration.get(a.id))
}

function fieldsOf(
  a: Annotation,
  source: Source | undefined,
  index: Map<string, string[]>,
  names: Map<string, string>,
  c: { supports: string[]; contradicts: string[] } | undefined,
): PassageViewFields {
  // No entities, nothing to look for: an export of a large notebook without any skips the scan.
  const ids = index.size === 0 ? [] : [...entitiesOfPassage(a, index)]
  return {
    grade: gradeLabel(a, source),
    gradeReason: a.grade?.reason ?? '',
    dates: (a.dates ?? [])
      .filter((d) => d.status === 'accepted')
      .map((d) => ({ value: d.value, label: formatRange(d.value), text: d.text })),
    entities: ids.map((id) => names.get(id) ?? id),
    entityIds: ids,
    supportedBy: c?.supports ?? [],
    contradictedBy: c?.contradicts ?? [],
  }
}

/**
 * A date as ISO 8601-2 (EDTF) writes it, for machines: "2003", "2025-09", a period
 * "2003/2011", an open end "../2026" or "2014/..".
 */
export function isoRange(r: DateRange): string {
  if (r.from !== null && r.from === r.to) return r.from
  return `${r.from ?? '..'}/${r.to ?? '..'}`
}

/** A source's front-matter fields: publication date and reliability with its reason. */
export function sourceViewFields(s: Source): {
  published?: string
  reliability?: string
  reliabilityReason?: string
} {
  return {
    ...(s.published ? { published: s.published } : {}),
    ...(s.reliability
      ? { reliability: s.reliability.reliability, reliabilityReason: s.reliability.reason }
      : {}),
  }
}

/** An entity as a plain record (for an entities section or file). */
export function entityRecord(e: Entity): Record<string, unknown> {
  return {
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    ...(e.description ? { description: e.description } : {}),
    ...(e.coordinates ? { lat: e.coordinates.lat, lon: e.coordinates.lon } : {}),
  }
}
