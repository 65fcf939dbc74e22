// Test-only fault injection for the browser host (GLOSSA_FAULT_INJECT, read in cli.ts only):
// lets an end-to-end test see how the UI reports a failed save without filling a real disk.
import * as nodeFs from 'node:fs/promises'
import type { FsLike } from '../core/store/durable-file'

export type FaultMode = 'enospc-after-open'
export const FAULT_MODES: readonly FaultMode[] = ['enospc-after-open']

/**
 * `enospc-after-open`: once a notebook file has been read (opened), every write of a new file
 * fails with ENOSPC — as if the disk filled up while the notebook was open. Seeding, which
 * happens before any read, still works.
 */
export function faultyFs(mode: FaultMode): FsLike {
  let armed = false
  return {
    ...nodeFs,
    readFile: ((...args: Parameters<typeof nodeFs.readFile>) => {
      armed = true
      return nodeFs.readFile(...args)
    }) as FsLike['readFile'],
    open: (async (path: string, flags?: string, mode_?: number) => {
      const handle = await nodeFs.open(path, flags, mode_)
      if (!armed || mode !== 'enospc-after-open' || flags !== 'wx') return handle
      return Object.assign(handle, {
        writeFile: async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
        },
      })
    }) as FsLike['open'],
  }
}
