// The analyst's fields edited in an export, brought back: a passage's grade and dates, a source's
// publication date and reliability (Obsidian properties in the folder layout), the notebook's
// entities. Each difference is one change a person accepts; a value the notebook would refuse
// (a letter off the Admiralty scale, month 13, a latitude of 95) is reported with the reason,
// not applied.
import type { Op } from '../ops'
import {
  EntitySchema,
  PartialDateSchema,
  PassageDateSchema,
  PassageGradeSchema,
  SourceGradeSchema,
  type Annotation,
  type Notebook,
} from '../schema'
import { formatRange } from '../views/dates/partial-date'
import { gradeLabel } from '../views/grades'
import type { Change } from './diff'

export interface AnalystPlan {
  change: Change
  ops: Op[]
  phase: number
}

/** Equal as data, whatever order an editor left the keys in. */
function same(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
          )
        : v
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b))
}

/** The first problem zod finds, as a sentence naming the field. */
function problem(result: {
  success: boolean
  error?: { issues: { message: string; path: PropertyKey[] }[] }
}): string | null {
  if (result.success) return null
  const issue = result.error?.issues[0]
  if (!issue) return 'not a valid value'
  const field = issue.path.filter((k) => typeof k === 'string').join('.')
  return field ? `${field}: ${issue.message}` : issue.message
}

const kindOf = (before: unknown, after: unknown): Change['kind'] =>
  before === undefined ? 'added' : after === undefined ? 'removed' : 'changed'

export function comparePassageFields(
  b: Annotation,
  e: Annotation,
  source: Notebook['sources'][number] | undefined,
  label: string,
): AnalystPlan[] {
  const plans: AnalystPlan[] = []
  if (!same(b.grade, e.grade)) {
    const why = e.grade ? problem(PassageGradeSchema.safeParse(e.grade)) : null
    plans.push({
      change: {
        id: `grade:${e.id}`,
        kind: kindOf(b.grade, e.grade),
        subject: 'passage',
        label: `Grade of ${label}`,
        detail: why
          ? `Not brought back: ${why}.`
          : e.grade
            ? `${gradeLabel(e, source)}${e.grade.reason ? ` — ${e.grade.reason}` : ''}`
            : undefined,
        applicable: !why,
      },
      ops: [{ type: 'setPassageGrade', id: e.id, grade: e.grade ?? null }],
      phase: 2,
    })
  }
  const before = b.dates ?? []
  const after = e.dates ?? []
  if (!same(before, after)) {
    const bad = after.map((d) => problem(PassageDateSchema.safeParse(d))).find((p) => p !== null)
    const ids = new Set(after.map((d) => d.id))
    const ops: Op[] = [
      ...before
        .filter((d) => !ids.has(d.id))
        .map((d): Op => ({ type: 'removePassageDate', passageId: e.id, dateId: d.id })),
      ...after
        .filter((d) => !before.some((x) => x.id === d.id && same(x, d)))
        .map((d): Op => ({ type: 'putPassageDate', passageId: e.id, date: d })),
    ]
    const accepted = after.filter((d) => d.status === 'accepted')
    plans.push({
      change: {
        id: `dates:${e.id}`,
        kind: 'changed',
        subject: 'passage',
        label: `Dates of ${label}`,
        detail: bad
          ? `Not brought back: ${bad}.`
          : accepted.length
            ? accepted.map((d) => formatRange(d.value)).join('; ')
            : 'No dates',
        applicable: !bad,
      },
      ops,
      phase: 2,
    })
  }
  return plans
}

export function compareSourceFields(base: Notebook, edited: Notebook): AnalystPlan[] {
  const plans: AnalystPlan[] = []
  const baseSources = new Map(base.sources.map((s) => [s.id, s]))
  for (const e of edited.sources) {
    const b = baseSources.get(e.id)
    if (!b) continue
    if (b.published !== e.published) {
      const why = e.published === undefined ? null : problem(PartialDateSchema.safeParse(e.published))
      plans.push({
        change: {
          id: `published:${e.id}`,
          kind: kindOf(b.published, e.published),
          subject: 'source',
          label: `Publication date of “${b.title}”`,
          detail: why ? `Not brought back: “${e.published}”: ${why}.` : e.published,
          applicable: !why,
        },
        ops: [{ type: 'setSourcePublished', id: e.id, published: e.published ?? null }],
        phase: 2,
      })
    }
    if (!same(b.reliability, e.reliability)) {
      const why = e.reliability ? problem(SourceGradeSchema.safeParse(e.reliability)) : null
      plans.push({
        change: {
          id: `reliability:${e.id}`,
          kind: kindOf(b.reliability, e.reliability),
          subject: 'source',
          label: `Reliability of “${b.title}”`,
          detail: why
            ? `Not brought back: ${why}.`
            : e.reliability
              ? `${e.reliability.reliability}${e.reliability.reason ? ` — ${e.reliability.reason}` : ''}`
              : undefined,
          applicable: !why,
        },
        ops: [{ type: 'setSourceReliability', id: e.id, reliability: e.reliability ?? null }],
        phase: 2,
      })
    }
  }
  return plans
}

export function compareEntities(current: Notebook, base: Notebook, edited: Notebook): AnalystPlan[] {
  const plans: AnalystPlan[] = []
  const baseById = new Map((base.entities ?? []).map((x) => [x.id, x]))
  const editedIds = new Set((edited.entities ?? []).map((x) => x.id))
  const known = new Set((current.entities ?? []).map((x) => x.id))
  for (const e of edited.entities ?? []) {
    const b = baseById.get(e.id)
    if (b && same(b, e)) continue
    const why = problem(EntitySchema.safeParse(e))
    const name = typeof e.name === 'string' ? e.name : String(e.id)
    plans.push({
      change: {
        id: `entity:${e.id}`,
        kind: b ? 'changed' : 'added',
        subject: 'entity',
        label: `${b ? 'Entity' : 'New entity'} “${b?.name ?? name}”`,
        detail: why ? `Not brought back: ${why}.` : b && b.name !== e.name ? `Name: “${e.name}”` : undefined,
        applicable: !why && (b ? known.has(e.id) : !known.has(e.id)),
      },
      ops: b
        ? [
            {
              type: 'updateEntity',
              id: e.id,
              patch: {
                type: e.type,
                name: e.name,
                aliases: e.aliases,
                description: e.description,
                coordinates: e.coordinates ?? null,
              },
            },
          ]
        : [{ type: 'addEntity', entity: e }],
      phase: b ? 2 : 1,
    })
  }
  for (const b of base.entities ?? [])
    if (!editedIds.has(b.id) && known.has(b.id))
      plans.push({
        change: {
          id: `entity-${b.id}`,
          kind: 'removed',
          subject: 'entity',
          label: `Entity “${b.name}”`,
          applicable: true,
        },
        ops: [{ type: 'deleteEntity', id: b.id }],
        phase: 6,
      })
  return plans
}
