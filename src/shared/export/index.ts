// One entry point for every export format; all pure, so the renderer can preview and the
// main process (or the CLI) writes the files.
import type { Notebook } from '../schema'
import { exportCsv } from './csv'
import { exportJsonLd } from './json-ld'
import { exportMarkdown, type ExportFile } from './markdown/index'
import { safeFileName } from './safe-file-name'

export type ExportFormat = 'md' | 'md-folder' | 'json' | 'csv'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'md-folder', 'json', 'csv']
export type { ExportFile }

export interface ExportResult {
  /** 'folder': `files` hold relative paths inside a folder; 'file': exactly one file. */
  kind: 'file' | 'folder'
  files: ExportFile[]
}

export function exportNotebook(nb: Notebook, format: ExportFormat): ExportResult {
  const name = safeFileName(nb.title, new Set())
  switch (format) {
    case 'md':
      return { kind: 'file', files: exportMarkdown(nb, { layout: 'single' }).files }
    case 'md-folder':
      return { kind: 'folder', files: exportMarkdown(nb, { layout: 'folder' }).files }
    case 'json':
      return {
        kind: 'file',
        files: [{ path: `${name}.jsonld`, content: JSON.stringify(exportJsonLd(nb), null, 2) + '\n' }],
      }
    case 'csv':
      return { kind: 'file', files: [{ path: `${name}.csv`, content: exportCsv(nb) }] }
  }
}
