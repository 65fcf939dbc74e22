// The contract's Markdown methods (#12): saving an export the window built (it shows progress
// and can be cancelled there), and importing Markdown as a new notebook.
import type { Handlers } from '@shared/contract'
import { GlossaError } from '@shared/errors'
import type { ChooseExportTarget } from '../export/save-export'
import { saveExportResult } from '../export/save-export'
import type { Library } from '../store/library'
import { importMarkdown } from './import-markdown'
import type { Convert } from './notes-as-sources'

export interface MarkdownHandlerDeps {
  library: Library
  /** The source converter (src/core/import, in its worker pool). */
  convert: Convert
  /** Desktop only: the native save dialog (absent: `unsupported`). */
  chooseExportTarget?: ChooseExportTarget
}

export function markdownHandlers(
  deps: MarkdownHandlerDeps,
): Pick<Handlers, 'saveExportFiles' | 'importMarkdown'> {
  return {
    saveExportFiles: async ({ id, kind, files }) => {
      const { data } = await deps.library.openNotebook(id)
      if (!deps.chooseExportTarget)
        throw new GlossaError(
          'unsupported',
          'This host cannot show a save dialog; the export is downloaded instead.',
        )
      return saveExportResult(data.title, { kind, files }, deps.chooseExportTarget)
    },
    importMarkdown: async ({ files, name }) => importMarkdown(deps.library, deps.convert, { files, name }),
  }
}
