// Glossa reads only regular files. Opening a FIFO for reading waits for a writer (a pipe
// named x.json in notebooks/ hung the host), a device may never end, and a symbolic link would
// be replaced by a regular file on the first save. Such files are refused with a reason.
import { constants, type Stats } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import { GlossaError } from '@shared/errors'

/**
 * Flags that make the open itself safe even if the file is swapped after the check: a FIFO
 * opens without waiting (and reads as empty), a symbolic link is refused (ELOOP). Both are
 * absent on Windows, which has neither.
 */
export const SAFE_READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)

/** Why Glossa will not read this file, or null for a regular file. */
export function notRegularReason(st: Stats): string | null {
  if (st.isFile()) return null
  if (st.isDirectory()) return 'This is a folder, not a notebook file.'
  return `This is ${kindOf(st)}; Glossa only opens regular files.`
}

function kindOf(st: Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link'
  if (st.isFIFO()) return 'a named pipe (FIFO)'
  if (st.isSocket()) return 'a socket'
  return 'a device'
}

/** lstat, then refuses anything but a regular file (`store/not-a-file`) before opening it. */
export async function checkRegular(path: string, fs: Pick<typeof nodeFs, 'lstat'> = nodeFs): Promise<Stats> {
  const st = await fs.lstat(path)
  const reason = notRegularReason(st)
  if (reason) throw new GlossaError('store/not-a-file', reason)
  return st
}

/** The bytes of a regular file; anything else is refused before it is opened. */
export async function readRegularFile(
  path: string,
  fs: Pick<typeof nodeFs, 'lstat' | 'readFile'> = nodeFs,
): Promise<Buffer> {
  await checkRegular(path, fs)
  return fs.readFile(path, { flag: SAFE_READ_FLAGS })
}
