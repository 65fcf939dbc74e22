// A finished file gets its name in a folder without ever replacing another file. Reading the
// folder, picking a free name and renaming onto it let eight parallel creates with one title
// all pick the same name and overwrite each other. Here the name is claimed by link(), which
// fails (EEXIST) if the name exists — atomically, for this process and any other — and a
// name already taken gets the next suffix.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { GlossaError } from '@shared/errors'
import { type FsLike, syncFolder, writeFailed } from './durable-write'

/** Codes link() gives where the file system has no hard links (FAT, exFAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'])
const MAX_ATTEMPTS = 1000

/**
 * Moves the file at `from` into `dir` under the name `choose` picks from the names taken there
 * (it is called again, with the clashing name added, when another file got that name first).
 * Returns the name. `from` must be on the same file system as `dir`.
 */
export async function moveUnderFreeName(
  from: string,
  dir: string,
  choose: (taken: Set<string>) => string,
  fs: FsLike,
): Promise<string> {
  const taken = new Set(await readdir(dir))
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const name = choose(taken)
    try {
      await claim(from, join(dir, name), fs)
      await syncFolder(dir, fs)
      return name
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw writeFailed(join(dir, name), error)
      taken.add(name)
    }
  }
  throw new GlossaError('store/write-failed', `Could not find a free file name in ${dir}.`)
}

async function claim(from: string, target: string, fs: FsLike): Promise<void> {
  try {
    await fs.link(from, target)
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error
    // No hard links: an exclusive create reserves the name (EEXIST if taken), then the
    // finished file is renamed onto the empty reservation.
    await (await fs.open(target, 'wx')).close()
    await fs.rename(from, target).catch(async (renameError: unknown) => {
      await fs.unlink(target).catch(() => {}) // an empty reservation would be listed as damaged
      throw renameError
    })
    return
  }
  // The file now has both names; dropping the old one cannot lose it (a crash here leaves a
  // second name that is swept like any stale temp file, or stays in the trash).
  await fs.unlink(from).catch(() => {})
}
