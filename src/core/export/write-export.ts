// Writes an export so that a crash, a full disk or a permission error never leaves a
// half-written result: everything goes to a temp file/folder next to the target (same
// file system, so the final rename is atomic), is fsynced, then renamed into place.
import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ExportResult } from '@shared/export/index'

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
}

function friendly(err: unknown, target: string): Error {
  const code = (err as NodeJS.ErrnoException)?.code ?? ''
  const reason = REASONS[code] ?? (err instanceof Error ? err.message : String(err))
  return new Error(`Cannot write to ${target}: ${reason}`, { cause: err })
}

async function writeDurably(file: string, content: string): Promise<void> {
  const handle = await open(file, 'wx')
  try {
    await handle.writeFile(content, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** fsync a folder so the rename itself survives a power cut; not supported everywhere. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Windows cannot open folders for syncing; the rename is still atomic there.
  }
}

/** The export's own relative path, refusing anything that would land outside `root`. */
function inside(root: string, rel: string): string {
  const full = path.resolve(root, rel)
  if (path.isAbsolute(rel) || !full.startsWith(root + path.sep))
    throw new Error(`refusing to write outside the export folder: ${rel}`)
  return full
}

async function writeFile(target: string, content: string): Promise<void> {
  const tmp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  )
  try {
    await writeDurably(tmp, content)
    await rename(tmp, target)
    await syncDir(path.dirname(target))
  } catch (err) {
    // Best effort: when the folder itself is the problem (ENOTDIR, EACCES) rm fails too, and
    // its error must not hide the reason the write failed.
    await rm(tmp, { force: true }).catch(() => {})
    throw friendly(err, target)
  }
}

async function writeFolder(target: string, files: ExportResult['files']): Promise<void> {
  const existing = await stat(target).catch(() => null)
  if (existing && !existing.isDirectory())
    throw new Error(`Cannot write to ${target}: it exists and is not a folder`)
  if (existing && (await readdir(target)).length > 0)
    throw new Error(`Cannot write to ${target}: the folder is not empty`)
  let tmp: string | undefined
  try {
    // Not mkdtemp: its 0700 mode would stick to the final folder; mkdir honours the umask.
    const dir = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
    )
    await mkdir(dir)
    tmp = dir // only now is it ours to clean up
    const dirs = new Set<string>([tmp])
    for (const f of files) {
      const full = inside(tmp, f.path)
      await mkdir(path.dirname(full), { recursive: true })
      dirs.add(path.dirname(full))
      await writeDurably(full, f.content)
    }
    for (const dir of dirs) await syncDir(dir)
    // rename() cannot replace a folder on every platform: remove the empty target first.
    if (existing) await rmdir(target)
    await rename(tmp, target)
    await syncDir(path.dirname(target))
  } catch (err) {
    if (tmp) await rm(tmp, { recursive: true, force: true }).catch(() => {})
    throw friendly(err, target)
  }
}

/** Writes `result` to `target` (a file path, or a folder for the folder layout); returns the paths written. */
export async function writeExport(result: ExportResult, target: string): Promise<string[]> {
  const abs = path.resolve(target)
  if (result.kind === 'folder') {
    await writeFolder(abs, result.files)
    return result.files.map((f) => path.join(abs, f.path))
  }
  if (result.files.length !== 1) throw new Error(`a single-file export has ${result.files.length} files`)
  await writeFile(abs, result.files[0].content)
  return [abs]
}
