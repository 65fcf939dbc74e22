// Bytes over HTTP (a saved search index, #16): the host's end of the rule in
// @shared/binary-bodies; the renderer's is src/renderer/src/api/binary-bodies.ts. JSON would
// carry 15 MB of bytes as ~50 MB of text, and parse it on both sides.
import type { IncomingHttpHeaders } from 'node:http'
import { ARGS_HEADER } from '@shared/binary-bodies'
import type { ApiError } from '@shared/errors'

/** The arguments of a binary request: the header's object, with the body as `bytes` (no copy). */
export function binaryArgs(
  headers: IncomingHttpHeaders,
  body: Buffer,
): { args: Record<string, unknown> } | { error: ApiError } {
  const header = headers[ARGS_HEADER]
  let parsed: unknown = {}
  if (header !== undefined) {
    try {
      parsed = JSON.parse(decodeURIComponent(String(header)))
    } catch {
      return { error: invalid('is not valid JSON (encodeURIComponent of a JSON object)') }
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return { error: invalid('must hold a JSON object of the other arguments') }
  const bytes = new Uint8Array(body.buffer, body.byteOffset, body.length)
  return { args: { ...parsed, bytes } }
}

/** A result to send as bytes: its `bytes` as the body, the rest as the header's value; else null (JSON). */
export function binaryResult(result: unknown): { bytes: Uint8Array; header: string } | null {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return null
  const { bytes, ...rest } = result as Record<string, unknown>
  if (!(bytes instanceof Uint8Array)) return null
  return { bytes, header: encodeURIComponent(JSON.stringify(rest)) }
}

function invalid(what: string): ApiError {
  return { code: 'invalid-json', message: `The ${ARGS_HEADER} header ${what}.` }
}
