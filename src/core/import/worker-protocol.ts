// The import worker's answers, checked on arrival: its message port is a boundary like any other.
// It takes two kinds of request: a source to convert (an ImportInput, as it always has), and a
// Glossa Markdown export to read back into a notebook (`task: 'readExport'`, src/core/markdown-import),
// which reports its progress as it goes.
import { z } from 'zod'
import type { InputFile } from '@shared/markdown-import/files'
import { ImportProgressSchema } from '@shared/markdown-import/progress-schema'
import type { DocNode } from '@shared/schema'
import type { ImportInput } from './index'
import { IMPORT_ERROR_CODES } from './import-error'

export interface ReadExportRequest {
  task: 'readExport'
  /** Checked already (prepareFiles) and detected as an export (detectExport). */
  files: InputFile[]
  /** The time given to what the export does not date. */
  now: string
}
export type WorkerRequest = ImportInput | ReadExportRequest

export const isReadExport = (request: WorkerRequest): request is ReadExportRequest =>
  (request as { task?: unknown }).task === 'readExport'

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
  /** How far a readExport is; any number of these before its answer. */
  z.object({ kind: z.literal('progress'), progress: ImportProgressSchema }),
  /** A readExport's notebook: an object here; the core checks it against NotebookSchema
   * (src/core/markdown-import/import-markdown.ts) before anything is written. */
  z.object({
    kind: z.literal('read'),
    notebook: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null),
  }),
])
export type WorkerReply = z.infer<typeof WorkerReplySchema>
