// The renderer's client for the contract: window.glossa (desktop, via the preload) when
// present, otherwise HTTP to the browser host with the token from the URL.
import type { ArgsOf, GlossaApi, MethodName, ResultOf } from '@shared/contract'
import { METHOD_NAMES } from '@shared/method-names'
import type { ApiError } from '@shared/errors'
import { decodeResponse, encodeRequest } from './binary-bodies'

type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiError }
interface DesktopBridge {
  [name: string]: (args: unknown) => Promise<Outcome>
}
declare global {
  interface Window {
    glossa?: DesktopBridge & { onMenuCommand?: (cb: (command: string) => void) => () => void }
  }
}

export class ApiCallError extends Error implements ApiError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const TOKEN_KEY = 'glossa.token'

/** Takes `#token=…` out of the address bar (so it is not bookmarked or shared) and keeps it for this tab. */
export function captureToken(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash)
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]))
    history.replaceState(null, '', `${location.pathname}${location.search}#/`)
  }
}

/** The browser host's token for this tab (null on the desktop, or before the link was opened). */
export function hostToken(): string | null {
  return window.glossa ? null : sessionStorage.getItem(TOKEN_KEY)
}

async function callHttp(name: MethodName, args: unknown): Promise<unknown> {
  let response: Response
  const { body, headers } = encodeRequest(args)
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      // Small writes survive the tab being closed right after an edit (bytes never: keepalive
      // bodies are capped at 64 KB, and a saved search index can wait for the next open).
      keepalive: typeof body === 'string' && body.length < 60_000,
      headers: { ...headers, authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ''}` },
      body,
    })
  } catch {
    throw new ApiCallError('offline', 'Cannot reach the Glossa host. Is it still running?')
  }
  const answer = (await decodeResponse(response).catch(() => {
    throw new ApiCallError('invalid-response', `The host's answer to ${name} could not be read.`)
  })) as { code?: string; message?: string } | null
  if (response.ok) return answer
  if (response.status === 401)
    throw new ApiCallError(
      'unauthorized',
      'This page needs the link with its token: open the address the Glossa web host printed.',
    )
  throw new ApiCallError(
    answer?.code ?? `http-${response.status}`,
    answer?.message ?? `The host answered ${response.status}.`,
  )
}

async function callDesktop(bridge: DesktopBridge, name: MethodName, args: unknown): Promise<unknown> {
  const outcome = await bridge[name](args)
  if (outcome.ok) return outcome.result
  throw new ApiCallError(outcome.error.code, outcome.error.message)
}

function makeApi(): GlossaApi {
  const bridge = window.glossa
  const entries = METHOD_NAMES.map((name) => [
    name,
    (args: ArgsOf<typeof name>) => (bridge ? callDesktop(bridge, name, args) : callHttp(name, args)),
  ])
  return Object.fromEntries(entries) as GlossaApi
}

export const api: GlossaApi = makeApi()
export type { ResultOf }

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
