// Static files: only files inside the renderer folder are served, however the path is spelt.
import { describe, expect, it } from 'vitest'
import { send, sendRawPath, useTestHost } from './host'

const hostRef = useTestHost()

const attempts = [
  '/../secret.txt',
  '/../../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2E%2E/secret.txt',
  '/..%2fsecret.txt',
  '/..%2f..%2fsecret.txt',
  '/..%2f..%2fetc/passwd',
  '/%2e%2e%2fsecret.txt',
  '/assets/..%2f..%2fsecret.txt',
  '/..%5csecret.txt',
  '/..\\secret.txt',
  '/%252e%252e/secret.txt',
  '/./../secret.txt',
  '//..//secret.txt',
  '/%00',
  '/index.html%00.js',
  '/%E0%A4%A',
  '/../package.json',
  '/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
  '/data/notebooks',
]

describe('browser host static files', () => {
  it('serves the renderer with a CSP and nosniff', async () => {
    const index = await send(hostRef.current.port, { path: '/' })
    expect(index.status).toBe(200)
    expect(index.body).toContain('<title>Glossa')
    expect(index.headers['content-security-policy']).toContain("script-src 'self'")
    expect(index.headers['x-content-type-options']).toBe('nosniff')
    const js = await send(hostRef.current.port, { path: '/assets/app.js' })
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toMatch(/javascript/)
  })

  it.each(attempts)('never serves a file outside the folder for %s', async (path) => {
    const viaClient = await send(hostRef.current.port, { path, token: null })
    const raw = await sendRawPath(hostRef.current.port, path)
    for (const response of [viaClient, raw]) {
      expect([400, 403, 404]).toContain(response.status)
      expect(response.body).not.toContain('TOP-SECRET-OUTSIDE')
      expect(response.body).not.toContain('root:')
      expect(response.body).not.toContain('"schemaVersion"')
    }
  })

  it('serves a NUL byte in a raw request line as an error, not a file', async () => {
    const response = await sendRawPath(hostRef.current.port, '/index.html%00')
    expect([400, 404]).toContain(response.status)
  })
})
