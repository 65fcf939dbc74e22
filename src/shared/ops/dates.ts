// Dates on passages (found and accepted, corrected, rejected, or typed by hand) and a source's
// publication date. Each operation touches one date or one field, and its inverse only that,
// so undoing a correction never undoes a grade or a note changed since.
import { z } from 'zod'
import { GlossaError } from '../errors'
import { Id, PartialDateSchema, PassageDateSchema, type Annotation, type Notebook } from '../schema'
import { insertAt, mustFind, replaceAt, type Applied } from './apply'
import type { OpOf } from './schema'

const MAX_DATES = 100

export const DATE_OP_SCHEMAS = [
  /** Adds a date to a passage, or replaces the one with the same id (a correction). */
  z.object({
    type: z.literal('putPassageDate'),
    passageId: Id,
    date: PassageDateSchema,
    index: z.number().int().nonnegative().optional(),
  }),
  z.object({ type: z.literal('removePassageDate'), passageId: Id, dateId: Id }),
  /** null clears it. */
  z.object({ type: z.literal('setSourcePublished'), id: Id, published: PartialDateSchema.nullable() }),
  /** A date found in a source's text (not in a passage) that the user rejects, or takes back. */
  z.object({
    type: z.literal('setSourceDateRejected'),
    id: Id,
    text: z.string().min(1).max(200),
    rejected: z.boolean(),
  }),
] as const

export type DateOp =
  | OpOf<'putPassageDate'>
  | OpOf<'removePassageDate'>
  | OpOf<'setSourcePublished'>
  | OpOf<'setSourceDateRejected'>

export function applyDateOp(nb: Notebook, op: DateOp, at: string): Applied {
  switch (op.type) {
    case 'putPassageDate': {
      const { item, index } = mustFind(nb.annotations, op.passageId, 'passage')
      const dates = item.dates ?? []
      const at_ = dates.findIndex((d) => d.id === op.date.id)
      if (at_ >= 0) {
        return {
          notebook: withDates(nb, index, item, replaceAt(dates, at_, op.date), at),
          inverse: [{ type: 'putPassageDate', passageId: op.passageId, date: dates[at_] }],
        }
      }
      if (dates.length >= MAX_DATES)
        throw new GlossaError('date/too-many', `A passage can hold at most ${MAX_DATES} dates.`)
      return {
        notebook: withDates(nb, index, item, insertAt(dates, op.index ?? dates.length, op.date), at),
        inverse: [{ type: 'removePassageDate', passageId: op.passageId, dateId: op.date.id }],
      }
    }
    case 'removePassageDate': {
      const { item, index } = mustFind(nb.annotations, op.passageId, 'passage')
      const dates = item.dates ?? []
      const { item: date, index: at_ } = mustFind(dates, op.dateId, 'date on this passage')
      return {
        notebook: withDates(
          nb,
          index,
          item,
          dates.filter((d) => d.id !== op.dateId),
          at,
        ),
        inverse: [{ type: 'putPassageDate', passageId: op.passageId, date, index: at_ }],
      }
    }
    case 'setSourcePublished': {
      const { item, index } = mustFind(nb.sources, op.id, 'source')
      const { published: previous, ...rest } = item
      const next = op.published === null ? rest : { ...rest, published: op.published }
      return {
        notebook: { ...nb, sources: replaceAt(nb.sources, index, { ...next, updatedAt: at }) },
        inverse: [{ type: 'setSourcePublished', id: op.id, published: previous ?? null }],
      }
    }
    case 'setSourceDateRejected': {
      const { item, index } = mustFind(nb.sources, op.id, 'source')
      const list = item.rejectedDates ?? []
      const was = list.includes(op.text)
      if (was === op.rejected) return { notebook: nb, inverse: [] }
      // Kept sorted, so rejecting and taking back in any order gives the same list.
      const next = op.rejected ? [...list, op.text].sort() : list.filter((t) => t !== op.text)
      const { rejectedDates: _old, ...rest } = item
      const source = next.length > 0 ? { ...rest, rejectedDates: next } : rest
      return {
        notebook: { ...nb, sources: replaceAt(nb.sources, index, source) },
        inverse: [{ ...op, rejected: was }],
      }
    }
  }
}

/** A passage without dates has no `dates` field, so adding one and undoing it leaves it as it was. */
function withDates(nb: Notebook, index: number, item: Annotation, dates: Annotation['dates'], at: string) {
  const { dates: _old, ...rest } = item
  const next: Annotation =
    dates && dates.length > 0 ? { ...rest, dates, updatedAt: at } : { ...rest, updatedAt: at }
  return { ...nb, annotations: replaceAt(nb.annotations, index, next) }
}
