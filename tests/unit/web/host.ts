// Starts the real browser host (src/web/server.ts) on a temp data dir and a temp static dir,
// and speaks raw HTTP to it, so tests control every header (fetch would add or refuse some).
import { request } from 'node:http'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll } from 'vitest'
import { join } from 'node:path'
import type { Server } from 'node:http'
import { createService, type Service } from '../../../src/core/service'
import { startWebHost } from '../../../src/web/server'
import { RESOURCES } from '../../helpers/temp-dir'

export const TOKEN = 'test-token-0123456789'

export interface TestHost {
  server: Server
  port: number
  service: Service
  root: string
  staticDir: string
  close(): Promise<void>
}

/**
 * `root` holds data/ (the data dir), static/ (the renderer stand-in) and secret.txt beside it.
 * `maxBodyBytes` lowers the body limit, so tests of it need not send hundreds of megabytes.
 */
export async function startTestHost(
  root: string,
  { maxBodyBytes }: { maxBodyBytes?: number } = {},
): Promise<TestHost> {
  const staticDir = join(root, 'static')
  await mkdir(join(staticDir, 'assets'), { recursive: true })
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Glossa</title>')
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(root, 'secret.txt'), 'TOP-SECRET-OUTSIDE')
  const service = await createService({
    dataDir: join(root, 'data'),
    resourcesDir: RESOURCES,
    host: 'web',
    version: 'test',
    coalesce: { delayMs: 1, maxWaitMs: 5 },
  })
  const { server, port } = await startWebHost({
    handlers: service.handlers,
    staticDir,
    token: TOKEN,
    port: 0,
    maxBodyBytes,
  })
  return {
    server,
    port,
    service,
    root,
    staticDir,
    close: async () => {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
      await service.close()
    },
  }
}

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}
export interface RawRequest {
  method?: string
  path: string
  /** Defaults to 127.0.0.1:<port>; null sends no Host header at all. */
  host?: string | null
  token?: string | null
  headers?: Record<string, string>
  body?: string | Buffer
  /** Send the body with Transfer-Encoding: chunked (no Content-Length), in pieces of this size. */
  chunkSize?: number
}

export function send(port: number, r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...r.headers }
    if (r.token !== null) headers.authorization = `Bearer ${r.token ?? TOKEN}`
    const req = request({
      host: '127.0.0.1',
      port,
      method: r.method ?? 'GET',
      path: r.path,
      headers,
      setHost: false,
      agent: false,
    })
    // Node's client would add Host itself; we set it (or leave it out) by hand.
    if (r.host !== null) req.setHeader('host', r.host ?? `127.0.0.1:${port}`)
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      )
      res.on('error', reject)
    })
    // The server may answer (413) and close before the whole body is sent.
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e),
    )
    if (r.body === undefined) return void req.end()
    const body = Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body)
    if (!r.chunkSize) {
      req.setHeader('content-length', body.length)
      return void req.end(body)
    }
    req.setHeader('transfer-encoding', 'chunked')
    let offset = 0
    const pump = () => {
      while (offset < body.length) {
        const piece = body.subarray(offset, offset + r.chunkSize!)
        offset += piece.length
        if (!req.write(piece)) return void req.once('drain', pump)
      }
      req.end()
    }
    pump()
  })
}

export interface StreamedRequest {
  path: string
  token?: string | null
  host?: string
  /** The Content-Length to declare; none means Transfer-Encoding: chunked. */
  declared?: number
  /** Bytes to offer at most before giving up on the server closing the connection. */
  cap: number
}
export interface StreamedResponse {
  status: number
  body: string
  /** Bytes the client could hand to the connection before the server closed it (or `cap`). */
  sent: number
  /** False when the server kept reading until the client gave up at `cap`. */
  closedByServer: boolean
}

/**
 * POSTs a body of zeros in 1 MB pieces, as fast as the connection takes them, until the server
 * closes the connection or `cap` bytes were sent: shows how much of a refused body is read.
 */
export function sendStream(port: number, r: StreamedRequest): Promise<StreamedResponse> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { host: r.host ?? `127.0.0.1:${port}` }
    if (r.token !== null) headers.authorization = `Bearer ${r.token ?? TOKEN}`
    if (r.declared !== undefined) headers['content-length'] = String(r.declared)
    else headers['transfer-encoding'] = 'chunked'
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: r.path, headers, agent: false })
    const piece = Buffer.alloc(1024 * 1024)
    let sent = 0
    let status = 0
    let body = ''
    let done = false
    let answered = false
    let capped = false
    const finish = (closedByServer: boolean) => {
      if (done) return
      done = true
      req.destroy()
      // status 0: the connection was reset before the answer could be read (see refusedWith).
      resolve({ status, body, sent, closedByServer })
    }
    req.on('response', (res) => {
      status = res.statusCode ?? 0
      res.on('data', (c: Buffer) => (body += c.toString('utf8')))
      res.on('end', () => {
        answered = true
        if (capped) finish(false)
      })
    })
    req.on('error', () => {})
    req.on('close', () => finish(true))
    const pump = () => {
      while (!done && sent < r.cap) {
        sent += piece.length
        if (!req.write(piece)) return void req.once('drain', pump)
      }
      // Everything offered was taken: give up on the connection once the answer is in.
      capped = true
      if (answered) finish(false)
    }
    pump()
  })
}

/** A raw request line, for paths Node's client would normalise or refuse (e.g. a NUL byte). */
export async function sendRawPath(port: number, rawPath: string): Promise<RawResponse> {
  const { connect } = await import('node:net')
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${rawPath} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)
    })
    let text = ''
    socket.on('data', (c) => (text += c.toString('latin1')))
    socket.on('end', () => {
      const [head, ...rest] = text.split('\r\n\r\n')
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0)
      resolve({ status, headers: {}, body: rest.join('\r\n\r\n') })
    })
    socket.on('error', reject)
  })
}

/**
 * One host for the whole test file, started before its tests and removed after them. Read
 * `.current` inside tests (it is set once beforeAll has run).
 */
export function useTestHost(
  prefix = 'glossa-web-',
  options: { maxBodyBytes?: number } = {},
): { current: TestHost } {
  const ref = {} as { current: TestHost }
  beforeAll(async () => {
    ref.current = await startTestHost(await mkdtemp(join(tmpdir(), prefix)), options)
  })
  afterAll(async () => {
    await ref.current?.close()
    if (ref.current) await rm(ref.current.root, { recursive: true, force: true })
  })
  return ref
}
