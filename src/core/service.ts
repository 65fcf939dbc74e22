// The contract's implementation on top of the library: what main and the browser host serve.
import { convertSource } from './import'
import { exportNotebook } from '../shared/export'
import type { Handlers } from '../shared/contract'
import { emptyNotebook, seedNotebook } from './seed'
import { Library } from './store/library'
import type { CoalescePolicy } from './store/coalescer'
import { GlossaError } from '../shared/errors'

export interface ServiceOptions {
  dataDir: string
  resourcesDir: string
  host: 'desktop' | 'web'
  version: string
  coalesce?: CoalescePolicy
}


export interface Service { handlers: Handlers; library: Library; close(): Promise<void> }

export async function createService(options: ServiceOptions): Promise<Service> {
  const library = new Library({ dataDir: options.dataDir, coalesce: options.coalesce })
  if (await library.isNew()) await library.add(await seedNotebook(options.resourcesDir, new Date().toISOString()))

  const handlers: Handlers = {
    appInfo: async () => ({ version: options.version, dataDir: options.dataDir, host: options.host }),
    listNotebooks: async () => library.list(),
    createNotebook: async ({ title }) => library.add(emptyNotebook(title.trim(), new Date().toISOString())),
    openNotebook: async ({ id }) => ({ notebook: (await library.openNotebook(id)).data }),
    applyOps: async ({ id, at, ops }) => (await library.openNotebook(id)).apply(ops, at),
    deleteNotebook: async ({ id }) => ({ trashedAs: await library.trash(id) }),
    convertSource: async (args) => {
      try {
        return convertSource(args)
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'import/invalid'
        throw new GlossaError(code, error instanceof Error ? error.message : String(error))
      }
    },
    exportNotebook: async ({ id, format }) => exportNotebook((await library.openNotebook(id)).data, format),
  }
  return { handlers, library, close: () => library.flushAll() }
}
