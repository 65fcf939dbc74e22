// Request bodies: a size limit (413) whether or not the length is declared up front, and
// typed 400 errors for bodies that are not JSON or not the method's arguments.
import { describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../../../src/web/server'
import { send, useTestHost } from './host'

const hostRef = useTestHost()

const bigJson = (bytes: number) => Buffer.from(`{"format":"text","content":"${'a'.repeat(bytes - 32)}"}`)

describe('browser host request bodies', () => {
  it('refuses a body over the limit declared by Content-Length (413)', async () => {
    const body = bigJson(MAX_BODY_BYTES + 1024)
    const response = await send(hostRef.current.port, { method: 'POST', path: '/api/convertSource', body })
    expect(response.status).toBe(413)
    expect(JSON.parse(response.body).code).toBe('too-large')
  })

  it('refuses a chunked body over the limit without a Content-Length (413)', async () => {
    const body = bigJson(MAX_BODY_BYTES + 1024)
    const response = await send(hostRef.current.port, {
      method: 'POST',
      path: '/api/convertSource',
      body,
      chunkSize: 256 * 1024,
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
    const response = await send(hostRef.current.port, { method: 'POST', path: '/api/appInfo', body: '{}' })
    expect(response.status).toBe(200)
  })

  it('accepts a body just under the limit (the limit is not off by a lot)', async () => {
    const body = bigJson(1024 * 1024)
    const response = await send(hostRef.current.port, {
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
