// Building an export in the window a step at a time (a source or note page per step of the
// Markdown export), giving the page a frame every `sliceMs` so progress shows and a Cancel click
// is seen; it stops between two steps once `signal` is aborted.
import { exportNotebook } from '@shared/export/index'
import { exportMarkdownSteps, type ExportFile } from '@shared/export/markdown/index'
import type { Notebook } from '@shared/schema'

export type ExportFormat = 'md' | 'md-folder' | 'json' | 'csv'

import { Cancelled } from './cancelled'

export { Cancelled }

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export async function buildExport(
  nb: Notebook,
  format: ExportFormat,
  signal: AbortSignal,
  onProgress: (share: number) => void,
  sliceMs = 16,
): Promise<{ kind: 'file' | 'folder'; files: ExportFile[] }> {
  if (signal.aborted) throw new Cancelled()
  if (format === 'json' || format === 'csv') return exportNotebook(nb, format)
  const steps = exportMarkdownSteps(nb, { layout: format === 'md' ? 'single' : 'folder' })
  let slice = performance.now()
  for (;;) {
    const step = steps.next()
    if (step.done) return { kind: format === 'md' ? 'file' : 'folder', files: step.value }
    if (performance.now() - slice >= sliceMs) {
      onProgress(step.value.total ? step.value.done / step.value.total : 1)
      await nextTask()
      if (signal.aborted) throw new Cancelled()
      slice = performance.now()
    }
  }
}
