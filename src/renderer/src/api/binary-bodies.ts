// Bytes over HTTP to the browser host (a saved search index, #16): the renderer's end of the
// rule in @shared/binary-bodies; the host's is src/web/binary-bodies.ts.
import { ARGS_HEADER, BINARY_TYPE, RESULT_HEADER } from '@shared/binary-bodies'

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
