// The native dialogs behind "Export as …" in the desktop app: a save dialog for a single
// file, a folder picker (which can create a folder) for the Markdown folder layout.
import { app, dialog, type BrowserWindow } from 'electron'
import { extname, join } from 'node:path'

const FILTERS: Record<string, Electron.FileFilter> = {
  '.md': { name: 'Markdown', extensions: ['md'] },
  '.jsonld': { name: 'JSON-LD (W3C Web Annotation)', extensions: ['jsonld', 'json'] },
  '.csv': { name: 'CSV', extensions: ['csv'] },
}

export async function chooseExportTarget(
  window: BrowserWindow | null,
  defaultName: string,
  kind: 'file' | 'folder',
): Promise<string | null> {
  const documents = app.getPath('documents')
  if (kind === 'folder') {
    const options: Electron.OpenDialogOptions = {
      title: 'Choose a folder for the Markdown export',
      buttonLabel: 'Export here',
      defaultPath: documents,
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
    }
    const picked = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options)
    return picked.canceled || picked.filePaths.length === 0 ? null : picked.filePaths[0]
  }
  const filter = FILTERS[extname(defaultName)]
  const options: Electron.SaveDialogOptions = {
    title: 'Export notebook',
    defaultPath: join(documents, defaultName),
    filters: filter ? [filter, { name: 'All files', extensions: ['*'] }] : undefined,
  }
  const saved = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return saved.canceled || !saved.filePath ? null : saved.filePath
}
