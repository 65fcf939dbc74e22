// "Export as …" in the desktop app: ask where (the host's native dialog, injected), then write
// atomically. Hosts without a dialog (the browser) answer `unsupported` and download instead.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { GlossaError } from '@shared/errors'
import { exportNotebook, type ExportFormat, type ExportResult } from '@shared/export/index'
import { safeFileName } from '@shared/export/safe-file-name'
import type { Notebook } from '@shared/schema'
import { writeExport } from './write-export'

/** Returns the chosen file (kind 'file') or folder (kind 'folder'), or null when cancelled. */
export type ChooseExportTarget = (defaultName: string, kind: 'file' | 'folder') => Promise<string | null>

export async function saveExport(
  nb: Notebook,
  format: ExportFormat,
  choose?: ChooseExportTarget,
): Promise<{ paths: string[] } | { cancelled: true }> {
  if (!choose)
    throw new GlossaError(
      'unsupported',
      'This host cannot show a save dialog; the export is downloaded instead.',
    )
  return saveExportResult(nb.title, exportNotebook(nb, format), choose)
}

/** Asks where (the host's dialog) and writes an export already built (by the window, say). */
export async function saveExportResult(
  title: string,
  result: ExportResult,
  choose: ChooseExportTarget,
): Promise<{ paths: string[] } | { cancelled: true }> {
  const defaultName = result.kind === 'file' ? result.files[0].path : safeFileName(title, new Set())
  const chosen = await choose(defaultName, result.kind)
  if (!chosen) return { cancelled: true }
  const target = result.kind === 'folder' ? await folderTarget(chosen, defaultName) : chosen
  try {
    return { paths: await writeExport(result, target) }
  } catch (error) {
    // writeExport's messages name the path and the reason ("Cannot write to …: permission denied").
    throw new GlossaError('export/write-failed', error instanceof Error ? error.message : String(error))
  }
}

/**
 * A folder picked in the dialog: the export goes straight into it when it is new or empty,
 * otherwise into a new subfolder named after the notebook (never mixed with other files).
 */
export async function folderTarget(chosen: string, name: string): Promise<string> {
  const entries = await readdir(chosen).catch(() => null)
  if (!entries || entries.length === 0) return chosen
  return join(chosen, safeFileName(name, new Set(entries.map((e) => e.toLowerCase()))))
}
