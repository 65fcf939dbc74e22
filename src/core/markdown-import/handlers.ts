// The contract's Markdown methods (#12): saving an export the window built (it shows progress
// and can be cancelled there), and importing Markdown as a new notebook — read in an import
// worker, with its progress and a cancel asked for by the id the window gave it.
import type { Handlers } from '@shared/contract'
import type { ChooseExportTarget } from '../export/save-export'
import { saveExportResult } from '../export/save-export'
import { importMarkdown, type ImportMarkdownDeps } from './import-markdown'
import { ImportJobs } from './jobs'

export interface MarkdownHandlerDeps extends ImportMarkdownDeps {
  /** Desktop only: the native save dialog (absent: `unsupported`). */
  chooseExportTarget?: ChooseExportTarget
}

export type MarkdownMethods =
  'saveExportFiles' | 'importMarkdown' | 'markdownImportProgress' | 'cancelMarkdownImport'

export function markdownHandlers(deps: MarkdownHandlerDeps): Pick<Handlers, MarkdownMethods> {
  const jobs = new ImportJobs()
  return {
    saveExportFiles: async ({ id, kind, files }) => {
      const { data } = await deps.library.openNotebook(id)
      // No dialog here (the browser host): the window downloads the export. An answer, not an
      // error, so the browser's console does not report a failed request for every export.
      if (!deps.chooseExportTarget) return { noDialog: true as const }
      return saveExportResult(data.title, { kind, files }, deps.chooseExportTarget)
    },
    importMarkdown: async ({ files, name, job }) => {
      const running = jobs.start(job)
      try {
        return await importMarkdown(deps, { files, name }, running)
      } finally {
        running.end()
      }
    },
    markdownImportProgress: async ({ job }) => jobs.progress(job),
    cancelMarkdownImport: async ({ job }) => ({ cancelled: jobs.cancel(job) }),
  }
}
