// Notebook → Markdown files (Obsidian-flavoured, readable as plain CommonMark + GFM), written
// by a dedicated serializer: string building, no syntax tree (remark's round trip cost over
// 100× JSON.stringify at 20,000 passages). Tests parse every export back with remark and check
// it (tests/unit/export). Same notebook → same bytes: no clocks, no randomness, stable order.
// The format is described in docs/MARKDOWN-FORMAT.md and read back by shared/markdown-import.
import type { DocNode } from '../../schema'
import { docToMarkdown } from './blocks'
import { escapeText } from './escape'
import { folder, singleFile, type ExportFile, type Progress } from './layouts'

export { shortQuote } from './model'
export type { ExportFile, Progress }

export interface MarkdownOptions {
  layout: 'single' | 'folder'
}

/** The export step by step: yields progress after each source or note page, returns the files. */
export function exportMarkdownSteps(
  nb: Parameters<typeof singleFile>[0],
  opts: MarkdownOptions,
): Generator<Progress, ExportFile[]> {
  return opts.layout === 'single' ? singleFile(nb) : folder(nb)
}

export function exportMarkdown(
  nb: Parameters<typeof singleFile>[0],
  opts: MarkdownOptions,
): { files: ExportFile[] } {
  const steps = exportMarkdownSteps(nb, opts)
  for (;;) {
    const step = steps.next()
    if (step.done) return { files: step.value }
  }
}

/**
 * One note (TipTap JSON) as Markdown on its own (JSON-LD bodies): a passage reference becomes
 * a link to whatever `ref` returns, or a remark that the passage is gone.
 */
export function noteToMarkdown(
  doc: DocNode,
  ref: (annotationId: string) => { url: string; label: string } | undefined,
): string {
  return docToMarkdown(doc, {
    headingShift: 0,
    ref: (id) => {
      const r = ref(id)
      return r
        ? `[${escapeText(r.label, { lineStart: false, lineEnd: false })}](${r.url})`
        : '(passage no longer exists)'
    },
  })
}
