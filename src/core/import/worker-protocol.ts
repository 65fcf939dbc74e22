// The import worker's answers, checked on arrival: its message port is a boundary like any other.
import { z } from 'zod'
import type { DocNode } from '@shared/schema'
import { IMPORT_ERROR_CODES } from './import-error'

export const WorkerReplySchema = z.discriminatedUnion('kind', [
  /** Sent once, when the converter is loaded: the time budget starts with the conversion. */
  z.object({ kind: z.literal('ready') }),
  z.object({
    kind: z.literal('done'),
    result: z.object({
      title: z.string(),
      // The converter's own output, which the contract describes; checking it node by node
      // here would cost as much as a small conversion.
      doc: z.custom<DocNode>((v) => typeof v === 'object' && v !== null && 'type' in v && v.type === 'doc'),
    }),
  }),
  z.object({ kind: z.literal('failed'), code: z.enum(IMPORT_ERROR_CODES), message: z.string() }),
])
export type WorkerReply = z.infer<typeof WorkerReplySchema>
