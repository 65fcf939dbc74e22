// The browser host: serves the built renderer and the contract over HTTP on 127.0.0.1 only.
// Every /api/ call needs the bearer token; the Host header must name our own address (DNS
// rebinding); no CORS headers are ever sent; bodies are size-limited.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { timingSafeEqual } from 'node:crypto'
import type { Handlers } from '@shared/contract'
import { dispatch } from '../core/dispatch'
import { serveStatic } from './static'

export const MAX_BODY_BYTES = 16 * 1024 * 1024

export interface WebHostOptions {
  handlers: Handlers
  staticDir: string
  token: string
  port: number
  /** WebSocket upgrades (live notebooks, src/web/live-socket.ts); without it every upgrade is refused. */
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void
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
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address()
      resolve({ server, port: typeof address === 'object' && address ? address.port : options.port })
    })
  })
}

async function handle(req: IncomingMessage, res: ServerResponse, options: WebHostOptions): Promise<void> {
  const port = (req.socket.localPort ?? options.port).toString()
  if (!isAllowedHost(req.headers.host, port))
    return sendJson(res, 403, { code: 'forbidden-host', message: 'This host name is not allowed.' })
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  if (!url.pathname.startsWith('/api/')) {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { code: 'method-not-allowed', message: 'Only GET here.' })
    return serveStatic(options.staticDir, url.pathname, res)
  }
  if (!hasToken(req.headers.authorization, options.token))
    return sendJson(res, 401, { code: 'unauthorized', message: 'A valid token is required.' })
  if (req.method !== 'POST')
    return sendJson(res, 405, { code: 'method-not-allowed', message: 'Use POST for API calls.' })
  const body = await readBody(req)
  if (body === 'too-large') return refuseTooLarge(req, res)
  let args: unknown
  try {
    args = body.length ? JSON.parse(body) : {}
  } catch {
    return sendJson(res, 400, { code: 'invalid-json', message: 'The request body is not valid JSON.' })
  }
  let name: string
  try {
    name = decodeURIComponent(url.pathname.slice('/api/'.length))
  } catch {
    return sendJson(res, 400, { code: 'invalid-path', message: 'The method name is not a valid address.' })
  }
  const outcome = await dispatch(options.handlers, name, args)
  if (outcome.ok) return sendJson(res, 200, outcome.result)
  const status = outcome.error.code === 'unknown-method' ? 404 : outcome.error.code === 'internal' ? 500 : 400
  return sendJson(res, status, outcome.error)
}

export function isAllowedHost(host: string | undefined, port: string): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

function hasToken(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_BODY_BYTES) {
      req.resume()
      return resolve('too-large')
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data')
        req.resume()
        resolve('too-large')
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** 413, then close the connection: the rest of an oversized body is never read as a request. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('connection', 'close')
  sendJson(res, 413, {
    code: 'too-large',
    message: `Request bodies are limited to ${MAX_BODY_BYTES / 1048576} MB.`,
  })
  // A client that keeps sending after the answer is cut off shortly after.
  res.once('finish', () => setTimeout(() => req.socket.destroy(), 1000).unref())
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
