// Exporting the open notebook: one export at a time, with the step it is on, so the UI can
// show progress and disable the menu. The desktop app saves through the native dialog
// (saveExport); the browser host answers `unsupported` and the export is downloaded instead.
import { useSyncExternalStore } from 'react'
import { safeFileName } from '@shared/export/safe-file-name'
import { api, ApiCallError, errorMessage } from '../api/client'
import { downloadBlob, mimeFor, zipFiles } from '../components/export/download'
import type { NotebookSession } from './session'
import { toastStore } from './toasts'

export type ExportFormat = 'md' | 'md-folder' | 'json' | 'csv'
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
  { busy: false } | { busy: true; format: ExportFormat; step: string; progress?: number }

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
  const step = (text: string, progress?: number) => set({ busy: true, format, step: text, progress })
  try {
    step('Saving your latest changes…')
    await session.settled() // export what is on disk, including the last edit
    const id = session.notebook.id
    step('Choose where to save the export…')
    try {
      const saved = await api.saveExport({ id, format })
      if ('paths' in saved)
        toastStore.show(
          saved.paths.length === 1
            ? `Exported to ${saved.paths[0]}`
            : `Exported ${saved.paths.length} files to ${commonFolder(saved.paths)}`,
        )
      return
    } catch (error) {
      if (!(error instanceof ApiCallError && error.code === 'unsupported')) throw error
    }
    step('Building the export…')
    const result = await api.exportNotebook({ id, format })
    if (result.kind === 'file') {
      const [file] = result.files
      downloadBlob(new Blob([file.content], { type: mimeFor(file.path) }), file.path)
      toastStore.show(`Downloaded ${file.path}`)
    } else {
      const name = `${safeFileName(session.notebook.title, new Set())}.zip`
      const blob = await zipFiles(result.files, (done) => step(`Zipping ${result.files.length} files…`, done))
      downloadBlob(blob, name)
      toastStore.show(`Downloaded ${name} (${result.files.length} files)`)
    }
  } catch (error) {
    toastStore.show(`Export failed: ${errorMessage(error)}`, { tone: 'error', ms: 12_000 })
  } finally {
    set({ busy: false })
  }
}

function commonFolder(paths: string[]): string {
  const first = paths[0]
  const cut = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'))
  return cut > 0 ? first.slice(0, cut) : first
}
