// Exporting the open notebook: built here, in the window, step by step (a source or note page
// at a time, yielding to the page every ~16 ms), so the menu shows how far it got and Cancel
// stops it between two steps. The desktop app then saves through the native dialog
// (saveExportFiles); the browser host answers `noDialog` and the export is downloaded.
import { useSyncExternalStore } from 'react'
import { safeFileName } from '@shared/export/safe-file-name'
import { api, ApiCallError, errorMessage } from '../../api/client'
import type { NotebookSession } from '../../state/session'
import { toastStore } from '../../state/toasts'
import type { ExportFormat } from './build-export'
import { Cancelled } from './cancelled'

export type { ExportFormat }
export const EXPORT_CHOICES: readonly { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'md', label: 'Export as Markdown', hint: 'one .md file' },
  {
    format: 'md-folder',
    label: 'Export as Markdown folder',
    hint: 'a file per source and note, plus an index',
  },
  { format: 'json', label: 'Export as JSON-LD', hint: 'W3C Web Annotations' },
  { format: 'csv', label: 'Export as CSV', hint: 'one row per passage' },
]
/** The desktop menu's commands (src/main/menu.ts). */
export const EXPORT_MENU_COMMANDS: Record<string, ExportFormat> = {
  'export-md': 'md',
  'export-md-folder': 'md-folder',
  'export-json': 'json',
  'export-csv': 'csv',
}

export type ExportState =
  { busy: false } | { busy: true; format: ExportFormat; step: string; progress?: number; cancel?: () => void }

let state: ExportState = { busy: false }
const listeners = new Set<() => void>()
const set = (next: ExportState) => {
  state = next
  listeners.forEach((l) => l())
}
export const exportStore = {
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  get: (): ExportState => state,
}
export const useExportState = () => useSyncExternalStore(exportStore.subscribe, exportStore.get)

export async function exportNotebookAs(session: NotebookSession, format: ExportFormat): Promise<void> {
  if (state.busy) return // a second shortcut or menu click while one runs
  const controller = new AbortController()
  const step = (text: string, progress?: number, cancellable = true) =>
    set({
      busy: true,
      format,
      step: text,
      progress,
      cancel: cancellable ? () => controller.abort() : undefined,
    })
  try {
    step('Saving your latest changes…')
    await session.settled() // export what is on disk, including the last edit
    const nb = session.notebook
    step('Building the export…', 0)
    // The exporters (and the zip library) load on the first export, not with the window.
    const [{ buildExport }, { downloadBlob, mimeFor, zipFiles }] = await Promise.all([
      import('./build-export'),
      import('./download'),
    ])
    const result = await buildExport(nb, format, controller.signal, (share) =>
      step('Building the export…', share),
    )
    if (controller.signal.aborted) throw new Cancelled()
    step('Choose where to save the export…', undefined, false)
    try {
      const saved = await api.saveExportFiles({ id: nb.id, kind: result.kind, files: result.files })
      if ('paths' in saved)
        toastStore.show(
          saved.paths.length === 1
            ? `Exported to ${saved.paths[0]}`
            : `Exported ${saved.paths.length} files to ${commonFolder(saved.paths)}`,
        )
      if (!('noDialog' in saved)) return
    } catch (error) {
      // An older host's answer for the same thing.
      if (!(error instanceof ApiCallError && error.code === 'unsupported')) throw error
    }
    if (result.kind === 'file') {
      const [file] = result.files
      downloadBlob(new Blob([file.content], { type: mimeFor(file.path) }), file.path)
      toastStore.show(`Downloaded ${file.path}`)
    } else {
      const name = `${safeFileName(nb.title, new Set())}.zip`
      const blob = await zipFiles(result.files, (done) => {
        if (controller.signal.aborted) throw new Cancelled()
        step(`Zipping ${result.files.length} files…`, done)
      })
      downloadBlob(blob, name)
      toastStore.show(`Downloaded ${name} (${result.files.length} files)`)
    }
  } catch (error) {
    if (error instanceof Cancelled) toastStore.show('Export cancelled; nothing was saved.')
    else toastStore.show(`Export failed: ${errorMessage(error)}`, { tone: 'error', ms: 12_000 })
  } finally {
    set({ busy: false })
  }
}

function commonFolder(paths: string[]): string {
  const first = paths[0]
  const cut = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'))
  return cut > 0 ? first.slice(0, cut) : first
}
