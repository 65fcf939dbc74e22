// Request bodies: a size limit (413) whether or not the length is declared up front, one rule
// for it (every notebook Glossa can open can be imported), typed 400 errors for bodies that are
// not JSON or not the method's arguments, and refused requests whose bodies are never read.
import type { Socket } from 'node:net'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_NOTEBOOK_BYTES } from '../../../src/core/store/validate'
import { MAX_BODY_BYTES } from '../../../src/web/server'
import { emptyNotebook } from '../../../src/core/seed'
import { docFromParagraphs, plainText, textHash } from '../../../src/shared/plain-text'
import { AT } from '../../helpers/notebook'
import { send, sendStream, useTestHost } from './host'

const hostRef = useTestHost()
/** The same host with a 1 MB limit: the limit's mechanics without sending hundreds of megabytes. */
const SMALL = 1024 * 1024
const smallRef = useTestHost('glossa-web-small-', { maxBodyBytes: SMALL })
const MB = 1024 * 1024

const bigJson = (bytes: number) => Buffer.from(`{"format":"text","content":"${'a'.repeat(bytes - 32)}"}`)

describe('browser host request bodies', () => {
  it('refuses a body over the limit declared by Content-Length (413)', async () => {
    const body = bigJson(SMALL + 1024)
    const response = await send(smallRef.current.port, { method: 'POST', path: '/api/convertSource', body })
    expect(response.status).toBe(413)
    expect(JSON.parse(response.body).code).toBe('too-large')
  })

  it('refuses a chunked body over the limit without a Content-Length (413)', async () => {
    const body = bigJson(SMALL + 1024)
    const response = await send(smallRef.current.port, {
      method: 'POST',
      path: '/api/convertSource',
      body,
      chunkSize: 64 * 1024,
    })
    expect(response.status).toBe(413)
    expect(JSON.parse(response.body).code).toBe('too-large')
  })

  it('refuses a huge Content-Length before the body is sent', async () => {
    const response = await send(hostRef.current.port, {
      method: 'POST',
      path: '/api/convertSource',
      headers: { 'content-length': String(10 * MAX_BODY_BYTES) },
      body: undefined,
    })
    expect(response.status).toBe(413)
  })

  it('still answers after refusing large bodies', async () => {
    const response = await send(smallRef.current.port, { method: 'POST', path: '/api/appInfo', body: '{}' })
    expect(response.status).toBe(200)
  })

  it('accepts a body just under the limit (the limit is not off by a lot)', async () => {
    const body = bigJson(SMALL - 1024)
    const response = await send(smallRef.current.port, {
      method: 'POST',
      path: '/api/convertSource',
      body,
      chunkSize: 64 * 1024,
    })
    expect(response.status).toBe(200)
  })

  it.each(['{', '{"a":', 'nul', '\u0000', "{'a':1}", '{"a":1}}', '{}]'])(
    'answers invalid JSON %j with a typed 400',
    async (body) => {
      const response = await send(hostRef.current.port, { method: 'POST', path: '/api/listNotebooks', body })
      expect(response.status).toBe(400)
      expect(JSON.parse(response.body)).toEqual({ code: 'invalid-json', message: expect.any(String) })
    },
  )

  it('answers wrong arguments with a typed 400', async () => {
    for (const body of [
      '[]',
      '"x"',
      '42',
      '{"id":1}',
      '{"id":"../../etc/passwd"}',
      '{"__proto__":{"id":"x"}}',
    ]) {
      const response = await send(hostRef.current.port, { method: 'POST', path: '/api/openNotebook', body })
      expect(response.status, body).toBe(400)
      expect(JSON.parse(response.body)).toEqual({ code: 'invalid-arguments', message: expect.any(String) })
    }
  })

  it('treats an empty body as no arguments', async () => {
    const response = await send(hostRef.current.port, {
      method: 'POST',
      path: '/api/listNotebooks',
      body: '',
    })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body).notebooks).toHaveLength(1)
  })
})

describe('one rule for the body limit', () => {
  it('admits importNotebook with any notebook Glossa opens, and says the rule when it refuses', async () => {
    // JSON-encoding a file's text at most doubles it: twice the largest notebook, plus room.
    expect(MAX_BODY_BYTES).toBeGreaterThanOrEqual(2 * MAX_NOTEBOOK_BYTES)
    const response = await send(hostRef.current.port, {
      method: 'POST',
      path: '/api/importNotebook',
      headers: { 'content-length': String(MAX_BODY_BYTES + 1) },
      body: undefined,
    })
    expect(response.status).toBe(413)
    expect(JSON.parse(response.body).message).toMatch(
      new RegExp(`limited to ${MAX_BODY_BYTES / MB} MB.*largest notebook.*${MAX_NOTEBOOK_BYTES / MB} MB`),
    )
  })

  it('imports a notebook of over 16 MB (the old limit) over HTTP', async () => {
    const nb = emptyNotebook('Large', AT)
    const paragraph = 'lorem ipsum dolor sit amet '.repeat(40)
    nb.sources = Array.from({ length: 4 }, (_, i) => {
      const doc = docFromParagraphs(Array.from({ length: 4_000 }, () => paragraph))
      return {
        id: `s${i}`,
        title: `Source ${i}`,
        origin: '',
        doc,
        textHash: textHash(plainText(doc)),
        createdAt: AT,
        updatedAt: AT,
      }
    })
    const body = JSON.stringify({ fileName: 'large.json', content: JSON.stringify(nb) })
    expect(body.length).toBeGreaterThan(16 * MB)
    const response = await send(hostRef.current.port, { method: 'POST', path: '/api/importNotebook', body })
    expect(response.status, response.body.slice(0, 200)).toBe(200)
    expect(JSON.parse(response.body)).toMatchObject({ title: 'Large', sourceCount: 4 })
  }, 300_000) // 20 MB through HTTP, parse and save: a bound for a busy machine, not a timing check
})

describe('refused requests: the body is never read', () => {
  // Offered 256 MB of a declared 1 GB; a host that stops reading takes only what the
  // connection buffers (a few MB) before it closes the connection.
  const GB = 1024 * MB
  const sockets: Socket[] = []
  beforeAll(() => {
    for (const host of [hostRef, smallRef]) host.current.server.on('connection', (s) => sockets.push(s))
  })
  /**
   * Refused with `status`, the connection closed by the host, which read under 2 MB of what
   * the client could hand over (no more than the connection buffers). The answer is checked
   * when the client could read it: a host that closes a socket holding bytes it never read
   * makes TCP reset the connection, and a reset can overtake the answer (seen on a CI run).
   */
  const refusedWith = (r: { status: number; closedByServer: boolean; sent: number }, status: number) => {
    if (r.status !== 0) expect(r.status).toBe(status)
    expect(r.closedByServer).toBe(true)
    expect(r.sent).toBeLessThan(64 * MB)
    expect(sockets.at(-1)!.bytesRead).toBeLessThan(SMALL + MB)
  }

  it('closes an upload without the token after answering 401', async () => {
    const r = await sendStream(hostRef.current.port, {
      path: '/api/importNotebook',
      token: null,
      declared: GB,
      cap: 256 * MB,
    })
    refusedWith(r, 401)
  })

  it('closes a chunked upload without the token after answering 401', async () => {
    const r = await sendStream(hostRef.current.port, {
      path: '/api/importNotebook',
      token: 'wrong-token-0000',
      cap: 256 * MB,
    })
    refusedWith(r, 401)
  })

  it('closes an upload to a foreign Host name after answering 403', async () => {
    const r = await sendStream(hostRef.current.port, {
      path: '/api/importNotebook',
      host: 'evil.example:80',
      declared: GB,
      cap: 256 * MB,
    })
    refusedWith(r, 403)
  })

  it('closes an upload declared over the limit after answering 413', async () => {
    const r = await sendStream(smallRef.current.port, {
      path: '/api/importNotebook',
      declared: GB,
      cap: 256 * MB,
    })
    refusedWith(r, 413)
  })

  it('closes a chunked upload once it passes the limit', async () => {
    const r = await sendStream(smallRef.current.port, { path: '/api/importNotebook', cap: 256 * MB })
    refusedWith(r, 413)
  })

  it('still answers afterwards', async () => {
    const response = await send(hostRef.current.port, { method: 'POST', path: '/api/appInfo', body: '{}' })
    expect(response.status).toBe(200)
  })
})
