// Bytes over HTTP to the browser host (a saved search index, #16), for any method: arguments
// holding a Uint8Array in `bytes` go as an application/octet-stream body with the other
// arguments as JSON in the x-glossa-args header; a result holding one comes back the same way
// (x-glossa-result). The host's side is src/web/binary-bodies.ts (a test keeps the names equal).

export const BINARY_TYPE = 'application/octet-stream'
export const ARGS_HEADER = 'x-glossa-args'
export const RESULT_HEADER = 'x-glossa-result'

export interface EncodedRequest {
  /** JSON text, or the bytes. */
  body: string | Uint8Array<ArrayBuffer>
  headers: Record<string, string>
}

/** A call's body and content headers: JSON, or the bytes with the other arguments in a header. */
export function encodeRequest(args: unknown): EncodedRequest {
  if (args !== null && typeof args === 'object' && !Array.isArray(args)) {
    const { bytes, ...rest } = args as Record<string, unknown>
    if (bytes instanceof Uint8Array)
      return {
        // A view is sent as the bytes it shows, not its whole buffer.
        body: bytes as Uint8Array<ArrayBuffer>,
        headers: {
          'content-type': BINARY_TYPE,
          // encodeURIComponent keeps the header ASCII whatever the arguments' text.
          [ARGS_HEADER]: encodeURIComponent(JSON.stringify(rest)),
        },
      }
  }
  return { body: JSON.stringify(args ?? {}), headers: { 'content-type': 'application/json' } }
}

/** The answer's value: JSON, or the bytes of the body as `bytes` beside the header's other fields. */
export async function decodeResponse(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type')?.split(';')[0].trim().toLowerCase()
  if (type !== BINARY_TYPE) return response.json().catch(() => null)
  const rest = JSON.parse(decodeURIComponent(response.headers.get(RESULT_HEADER) ?? '%7B%7D')) as object
  return { ...rest, bytes: new Uint8Array(await response.arrayBuffer()) }
}
