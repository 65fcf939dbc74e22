// The browser host: serves the built renderer and the contract over HTTP on 127.0.0.1 only.
// Every /api/ call needs the bearer token; the Host header must name our own address (DNS
// rebinding); no CORS headers are ever sent; bodies are size-limited. Host, token and method
// are checked before any byte of a body is read, and a refused request's connection is closed.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { timingSafeEqual } from 'node:crypto'
import type { Handlers } from '@shared/contract'
import { GlossaError, type ApiError } from '@shared/errors'
import { dispatch } from '../core/dispatch'
import { MAX_NOTEBOOK_BYTES } from '../core/store/validate'
import { BINARY_TYPE, RESULT_HEADER } from '@shared/binary-bodies'
import { binaryArgs, binaryResult } from './binary-bodies'
import { serveStatic } from './static'

const MB = 1024 * 1024
/**
 * One rule: a body may be as large as the largest argument the app sends, importNotebook with
 * a notebook file of the largest size Glossa opens (MAX_NOTEBOOK_BYTES). JSON-encoding text at
 * most doubles it (a quote, backslash or line break becomes two bytes); 1 MB more is room for
 * the rest. Every other method's arguments are far smaller (convertSource: 10 M characters);
 * a saved search index, sent as a binary body, is at most MAX_SNAPSHOT_BYTES (300 MB).
 */
export const MAX_BODY_BYTES = 2 * MAX_NOTEBOOK_BYTES + MB
/** How long a refused client may keep sending before its connection is cut. */
const REFUSED_GRACE_MS = 3_000

export interface WebHostOptions {
  handlers: Handlers
  staticDir: string
  token: string
  port: number
  /** WebSocket upgrades (live notebooks, src/web/live-socket.ts); without it every upgrade is refused. */
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void
  /** Tests only: a smaller body limit, so its handling can be tested without huge bodies. */
  maxBodyBytes?: number
}

export function startWebHost(options: WebHostOptions): Promise<{ server: Server; port: number }> {
  // requireHostHeader: false lets a request without Host reach our own check (403) instead of
  // Node's generic 400, so every wrong-host request is refused the same way.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    handle(req, res, options).catch((error) => {
      console.error('[glossa web]', error)
      if (!res.headersSent) sendJson(res, 500, { code: 'internal', message: 'Internal error' })
      else res.destroy()
    })
  })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    if (options.upgrade) options.upgrade(req, socket, head)
    else socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
  })
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(listenError(error, options.port)))
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address()
      resolve({ server, port: typeof address === 'object' && address ? address.port : options.port })
    })
  })
}

async function handle(req: IncomingMessage, res: ServerResponse, options: WebHostOptions): Promise<void> {
  const port = (req.socket.localPort ?? options.port).toString()
  if (!isAllowedHost(req.headers.host, port))
    return refuse(req, res, 403, { code: 'forbidden-host', message: 'This host name is not allowed.' })
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  if (!url.pathname.startsWith('/api/')) {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(req, res, 405, { code: 'method-not-allowed', message: 'Only GET here.' })
    return serveStatic(options.staticDir, url.pathname, res)
  }
  if (!hasToken(req.headers.authorization, options.token))
    return refuse(req, res, 401, { code: 'unauthorized', message: 'A valid token is required.' })
  if (req.method !== 'POST')
    return refuse(req, res, 405, { code: 'method-not-allowed', message: 'Use POST for API calls.' })
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES
  const body = await readBody(req, limit)
  if (body === 'too-large') return refuseTooLarge(req, res, limit)
  let args: unknown
  if (isBinary(req.headers['content-type'])) {
    // Bytes (a saved search index) as the body, the other arguments in a header.
    const parsed = binaryArgs(req.headers, body)
    if ('error' in parsed) return sendJson(res, 400, parsed.error)
    args = parsed.args
  } else {
    try {
      args = body.length ? JSON.parse(body.toString('utf8')) : {}
    } catch {
      return sendJson(res, 400, { code: 'invalid-json', message: 'The request body is not valid JSON.' })
    }
  }
  let name: string
  try {
    name = decodeURIComponent(url.pathname.slice('/api/'.length))
  } catch {
    return sendJson(res, 400, { code: 'invalid-path', message: 'The method name is not a valid address.' })
  }
  const outcome = await dispatch(options.handlers, name, args)
  if (outcome.ok) {
    const binary = binaryResult(outcome.result)
    return binary ? sendBinary(res, binary) : sendJson(res, 200, outcome.result)
  }
  const status = outcome.error.code === 'unknown-method' ? 404 : outcome.error.code === 'internal' ? 500 : 400
  return sendJson(res, status, outcome.error)
}

/** What to do when the port cannot be had, in one line (a raw EADDRINUSE tells a person nothing). */
function listenError(error: NodeJS.ErrnoException, port: number): Error {
  const retry = 'Start it with --port <another number>, or --port 0 to use a free one.'
  if (error.code === 'EADDRINUSE')
    return new GlossaError(
      'web/port-in-use',
      `port ${port} on 127.0.0.1 is already in use (another Glossa, or another program, is listening there). ${retry}`,
    )
  if (error.code === 'EACCES')
    return new GlossaError(
      'web/port-denied',
      `port ${port} needs administrator rights on this system (ports below 1024 usually do). ${retry}`,
    )
  return error
}

export function isAllowedHost(host: string | undefined, port: string): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

function hasToken(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function isBinary(contentType: string | undefined): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === BINARY_TYPE
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    // A declared length over the limit is refused before one byte of the body is read.
    if (Number(req.headers['content-length'] ?? 0) > limit) return resolve('too-large')
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      req.off('data', onData)
      req.pause() // read no further: the connection is closed after the answer
      resolve('too-large')
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * Answers a request refused before its body was read, and closes the connection: the body is
 * never read (an unauthenticated gigabyte is not taken in) nor parsed as the next request.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: ApiError): void {
  res.setHeader('connection', 'close')
  sendJson(res, status, error)
  // Node closes the socket once the answer is out; a client that keeps sending anyway is cut
  // off after a grace period. (Closing a socket that holds unread bytes makes TCP reset the
  // connection, and a reset can overtake the answer: a client may see the reset alone.)
  res.once('finish', () => setTimeout(() => req.socket.destroy(), REFUSED_GRACE_MS).unref())
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  const rule =
    limit === MAX_BODY_BYTES
      ? ` (room for importing the largest notebook file Glossa opens, ${MAX_NOTEBOOK_BYTES / MB} MB, as JSON)`
      : ''
  refuse(req, res, 413, {
    code: 'too-large',
    message: `Request bodies are limited to ${Math.round(limit / MB)} MB${rule}.`,
  })
}

/** A result holding bytes: the bytes as the body, the rest of the result as JSON in a header. */
function sendBinary(res: ServerResponse, { bytes, header }: { bytes: Uint8Array; header: string }): void {
  res.writeHead(200, {
    'content-type': BINARY_TYPE,
    'content-length': bytes.byteLength,
    [RESULT_HEADER]: header,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  res.end(bytes)
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  res.end(body)
}
