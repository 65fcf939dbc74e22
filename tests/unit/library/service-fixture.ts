// A service on a fresh temp data dir, for the library tests.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { dispatch } from '../../../src/core/dispatch'
import { createService, type ServiceOptions } from '../../../src/core/service'
import { RESOURCES } from '../../helpers/temp-dir'

export async function serviceIn(dataDir: string, extra: Partial<ServiceOptions> = {}) {
  const service = await createService({
    dataDir,
    resourcesDir: RESOURCES,
    host: 'web',
    version: 't',
    coalesce: { delayMs: 5, maxWaitMs: 20 },
    ...extra,
  })
  const h = service.handlers
  /** Calls through the dispatcher, as IPC and HTTP do: argument validation and { code, message }. */
  const call = (name: string, args: unknown) => dispatch(h, name, args)
  const files = (folder: string) => readdir(join(dataDir, folder)).catch(() => [] as string[])
  return { service, h, call, files }
}
