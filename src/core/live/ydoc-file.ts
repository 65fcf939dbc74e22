// The Y.Doc kept beside a notebook file: `<notebooks>/.live/<notebook id>.ydoc`, Yjs's own
// update encoding of a whole state (written temp, fsync, rename, so a crash leaves the old state
// or the new one), and `<id>.ydoc.log` beside it, the updates made since, appended (ydoc-log.ts).
// The doc is history, not the truth: a missing or damaged one is rebuilt from the JSON file.
import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import * as Y from 'yjs'
import { readLogRecords } from './ydoc-log'

export function ydocPath(notebooksDir: string, notebookId: string): string {
  return join(notebooksDir, '.live', `${notebookId}.ydoc`)
}

export function ydocLogPath(path: string): string {
  return `${path}.log`
}

export interface SavedYDoc {
  state: Uint8Array
  /** The updates appended since the state was written, oldest first (a torn last one left out). */
  updates: Uint8Array[]
  /** Bytes of the log that hold whole records: appending resumes there. */
  logBytes: number
}

/** The saved state and the updates appended since, or null when there is no state. */
export async function readYDoc(path: string): Promise<SavedYDoc | null> {
  let state: Uint8Array
  try {
    state = new Uint8Array(await readFile(path))
  } catch {
    return null
  }
  let log: Uint8Array
  try {
    log = new Uint8Array(await readFile(ydocLogPath(path)))
  } catch {
    return { state, updates: [], logBytes: 0 }
  }
  const { records, validBytes } = readLogRecords(log)
  return { state, updates: records, logBytes: validBytes }
}

/** The saved doc as one update (state and log merged), or null when there is none. */
export async function readYDocFile(path: string): Promise<Uint8Array | null> {
  const saved = await readYDoc(path)
  if (!saved) return null
  return saved.updates.length ? Y.mergeUpdates([saved.state, ...saved.updates]) : saved.state
}

/**
 * Writes a whole state of a doc with another history than the saved one (rebuilt from the file,
 * or just joined): the old log goes first, since its updates belong to the old history.
 */
export async function writeFreshYDoc(path: string, state: Uint8Array): Promise<void> {
  await unlink(ydocLogPath(path)).catch(() => {})
  await writeYDocFile(path, state)
}

export async function writeYDocFile(path: string, state: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`
  const handle = await open(tmp, 'wx')
  try {
    await handle.writeFile(state)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(tmp, path)
  } catch (error) {
    await unlink(tmp).catch(() => {})
    throw error
  }
}
