// The browser host's handlers while its core loads (src/web/cli.ts, #16's first paint): the
// library screen's first two calls are answered from the library alone, every other call waits
// for the core. The core is loaded once that first listing has been answered, so loading it
// (which holds the event loop) does not delay the page's files or its listing.
import type { Handlers, MethodName } from '@shared/contract'
import { METHOD_NAMES } from '@shared/method-names'

export type EarlyHandlers = Pick<Handlers, 'listNotebooks' | 'listTrash'>

export interface Deferred {
  /** What is answered before the core is loaded: the library's listing and its trash. */
  early: EarlyHandlers
  /** The service's handlers, the core loaded first if it is not yet. */
  real: () => Promise<Handlers>
  /** Whether the core is loaded (then every call goes to it). */
  loaded: () => boolean
  /** Called once, when each early method has been answered (the library screen's first listing). */
  firstListingAnswered: () => void
}

type Handler = (args: unknown) => Promise<unknown>

export function deferredHandlers({ early, real, loaded, firstListingAnswered }: Deferred): Handlers {
  const own = early as Record<string, Handler>
  const answered = new Set<string>()
  const call = async (name: MethodName, args: unknown) => {
    if (loaded() || !Object.hasOwn(own, name))
      return ((await real()) as Record<MethodName, Handler>)[name](args)
    try {
      return await own[name](args)
    } finally {
      const before = answered.size
      answered.add(name)
      if (answered.size > before && answered.size === Object.keys(own).length) firstListingAnswered()
    }
  }
  return Object.fromEntries(
    METHOD_NAMES.map((name) => [name, (args: unknown) => call(name, args)]),
  ) as Handlers
}
