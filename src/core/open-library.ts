// The data dir's library, seeded the first time: what must be in place before anyone is told
// the app is up (a test or a person may add files to notebooks/ right after). Kept apart from
// service.ts so the browser host can do this, then listen, then load the rest of the core
// (src/web/cli.ts; #16's first paint).
import { seedNotebook } from './seed'
import type { CoalescePolicy } from './store/coalescer'
import type { FsLike } from './store/durable-file'
import { Library } from './store/library'

export interface LibraryOptions {
  dataDir: string
  resourcesDir: string
  coalesce?: CoalescePolicy
  fs?: FsLike
}

export async function openLibrary(options: LibraryOptions): Promise<Library> {
  const library = new Library({ dataDir: options.dataDir, coalesce: options.coalesce, fs: options.fs })
  if (await library.isNew())
    await library.add(await seedNotebook(options.resourcesDir, new Date().toISOString()))
  return library
}
