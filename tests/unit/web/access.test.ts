// The browser host's front door: loopback only, a token on /api/, our own Host header only
// (DNS rebinding), POST only for API calls, and never a CORS header.
import { describe, expect, it } from 'vitest'
import { send, TOKEN, type RawResponse, useTestHost } from './host'

const hostRef = useTestHost()
const seen: RawResponse[] = []
const call = async (...args: Parameters<typeof send>) => {
  const response = await send(...args)
  seen.push(response)
  return response
}

describe('browser host access', () => {
  it('listens on the IPv4 loopback address only', () => {
    const address = hostRef.current.server.address()
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
  })

  it('answers an API call with the right token, Host and method', async () => {
    const ok = await call(hostRef.current.port, { method: 'POST', path: '/api/appInfo', body: '{}' })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toMatchObject({ host: 'web', version: 'test' })
    const viaLocalhost = await call(hostRef.current.port, {
      method: 'POST',
      path: '/api/appInfo',
      body: '{}',
      host: `localhost:${hostRef.current.port}`,
    })
    expect(viaLocalhost.status).toBe(200)
  })

  it.each([
    ['no token', null],
    ['a wrong token', 'test-token-0123456788'],
    ['a shorter token', 'test'],
    ['a longer token', `${TOKEN}x`],
    ['an empty token', ''],
  ])('refuses /api/ with %s (401)', async (_name, token) => {
    const response = await call(hostRef.current.port, {
      method: 'POST',
      path: '/api/listNotebooks',
      body: '{}',
      token,
    })
    expect(response.status).toBe(401)
    expect(JSON.parse(response.body)).toEqual({ code: 'unauthorized', message: expect.any(String) })
    expect(response.body).not.toContain('notebooks')
  })

  it('refuses the token in another scheme than Bearer', async () => {
    const response = await call(hostRef.current.port, {
      method: 'POST',
      path: '/api/listNotebooks',
      body: '{}',
      token: null,
      headers: { authorization: `Basic ${TOKEN}` },
    })
    expect(response.status).toBe(401)
  })

  it.each([
    ['evil.com', () => 'evil.com'],
    ['evil.com with our port', () => `evil.com:${hostRef.current.port}`],
    ['a look-alike suffix', () => `127.0.0.1.evil.com:${hostRef.current.port}`],
    ['our address without the port', () => '127.0.0.1'],
    ['another port', () => `127.0.0.1:${hostRef.current.port + 1}`],
    ['localhost with a trailing dot', () => `localhost.:${hostRef.current.port}`],
    ['an empty Host', () => ''],
  ])('refuses a Host header of %s (403), on /api/ and static files', async (_name, value) => {
    for (const path of ['/api/listNotebooks', '/', '/index.html']) {
      const response = await call(hostRef.current.port, {
        method: path.startsWith('/api/') ? 'POST' : 'GET',
        path,
        body: path.startsWith('/api/') ? '{}' : undefined,
        host: value(),
      })
      expect(response.status, `${path} with Host ${value()}`).toBe(403)
      expect(response.body).not.toContain('<title>Glossa')
    }
  })

  it('refuses a request without a Host header (403)', async () => {
    const api = await call(hostRef.current.port, {
      method: 'POST',
      path: '/api/listNotebooks',
      body: '{}',
      host: null,
    })
    expect(api.status).toBe(403)
    const page = await call(hostRef.current.port, { path: '/', host: null })
    expect(page.status).toBe(403)
  })

  it('takes API calls by POST only (405)', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const response = await call(hostRef.current.port, { method, path: '/api/listNotebooks' })
      expect(response.status, method).toBe(405)
      expect(JSON.parse(response.body).code).toBe('method-not-allowed')
    }
    expect(
      (await call(hostRef.current.port, { method: 'POST', path: '/index.html', body: '{}' })).status,
    ).toBe(405)
  })

  it('answers an unknown method with a typed 404', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const response = await call(hostRef.current.port, { method: 'POST', path: `/api/${name}`, body: '{}' })
      expect(response.status, name).toBe(404)
      expect(JSON.parse(response.body)).toEqual({ code: 'unknown-method', message: expect.any(String) })
    }
  })

  it('answers a malformed percent-encoding in the method name with a typed 400, not a crash', async () => {
    const response = await call(hostRef.current.port, { method: 'POST', path: '/api/%E0%A4%A', body: '{}' })
    expect(response.status).toBe(400)
    expect(JSON.parse(response.body).code).toBeTypeOf('string')
  })

  it('never sends CORS headers, preflight included', async () => {
    const origin = {
      origin: 'https://evil.com',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    }
    const preflights = [
      await call(hostRef.current.port, {
        method: 'OPTIONS',
        path: '/api/listNotebooks',
        headers: origin,
        token: null,
      }),
      await call(hostRef.current.port, { method: 'OPTIONS', path: '/api/listNotebooks', headers: origin }),
      await call(hostRef.current.port, { method: 'OPTIONS', path: '/', headers: origin }),
    ]
    for (const p of preflights) expect([401, 405]).toContain(p.status)
    await call(hostRef.current.port, {
      method: 'POST',
      path: '/api/listNotebooks',
      body: '{}',
      headers: { origin: 'https://evil.com' },
    })
    await call(hostRef.current.port, { path: '/', headers: { origin: 'https://evil.com' } })
    expect(seen.length).toBeGreaterThan(20)
    for (const response of seen) {
      const cors = Object.keys(response.headers).filter((h) => h.toLowerCase().startsWith('access-control-'))
      expect(cors, `status ${response.status}`).toEqual([])
    }
  })
})
