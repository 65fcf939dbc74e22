// The Y.Doc kept beside a notebook file: `<notebooks>/.live/<notebook id>.ydoc`, Yjs's own
// update encoding of the whole state. Written like notebook files (temp, fsync, rename), so a
// crash leaves the old state or the new one. It is history, not the truth: a missing or damaged
// one is rebuilt from the JSON file.
import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'

export function ydocPath(notebooksDir: string, notebookId: string): string {
  return join(notebooksDir, '.live', `${notebookId}.ydoc`)
}

/** The saved state, or null when there is none (or it cannot be read). */
export async function readYDocFile(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path))
  } catch {
    return null
  }
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
