// Bytes over the browser host (a saved search index, #16): the renderer's encoder and decoder
// (src/renderer/src/api/binary-bodies.ts) against the real host (src/web/server.ts), the same
// refusals as JSON bodies (token, size) and a clear 400 for an x-glossa-args header that is not
// a JSON object.
import type { Socket } from 'node:net'
import { beforeAll, describe, expect, it } from 'vitest'
import * as renderer from '../../../src/renderer/src/api/binary-bodies'
import { MAX_SNAPSHOT_BYTES } from '../../../src/shared/search/snapshot-format'
import { MAX_BODY_BYTES } from '../../../src/web/server'
import { bigSnapshot, snapshotBytes } from '../../helpers/snapshot-bytes'
import { send, sendStream, TOKEN, useTestHost } from './host'

const hostRef = useTestHost('glossa-web-bytes-')
const SMALL = 1024 * 1024
const smallRef = useTestHost('glossa-web-bytes-small-', { maxBodyBytes: SMALL })
const MB = 1024 * 1024

/** Calls the host as the renderer's client does (encodeRequest, fetch, decodeResponse). */
async function call(port: number, method: string, args: unknown) {
  const { body, headers } = renderer.encodeRequest(args)
  const response = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${TOKEN}` },
    body,
  })
  return { response, value: await renderer.decodeResponse(response) }
}

async function openKey(port: number, id: string): Promise<string> {
  const { value } = await call(port, 'openNotebook', { id })
  return (value as { searchIndexKey: string }).searchIndexKey
}

async function firstNotebook(port: number): Promise<string> {
  const { value } = await call(port, 'listNotebooks', {})
  return (value as { notebooks: { id: string }[] }).notebooks[0].id
}

describe('binary bodies over the browser host', () => {
  it('a body may hold the largest snapshot (the one body limit covers it)', () => {
    expect(MAX_BODY_BYTES).toBeGreaterThanOrEqual(MAX_SNAPSHOT_BYTES)
  })

  it('saves a snapshot sent as an octet-stream body and loads the same bytes back as one', async () => {
    const { port } = hostRef.current
    const id = await firstNotebook(port)
    const key = await openKey(port, id)
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    const bytes = bigSnapshot(3 * MB + 5)
    // The body is the bytes a view shows, not its whole buffer.
    const padded = new Uint8Array(bytes.length + 100)
    padded.set(bytes, 50)
    const view = padded.subarray(50, 50 + bytes.length)

    const encoded = renderer.encodeRequest({ id, key, bytes: view })
    expect(encoded.headers['content-type']).toBe('application/octet-stream')
    expect(JSON.parse(decodeURIComponent(encoded.headers['x-glossa-args']))).toEqual({ id, key })

    const saved = await call(port, 'saveSearchIndex', { id, key, bytes: view })
    expect(saved.response.status).toBe(200)
    expect(saved.value).toEqual({ saved: true })

    const loaded = await call(port, 'loadSearchIndex', { id, key })
    expect(loaded.response.headers.get('content-type')).toBe('application/octet-stream')
    expect(loaded.response.headers.get('x-glossa-result')).toBe(encodeURIComponent('{}'))
    const value = loaded.value as { bytes: Uint8Array }
    expect(Object.keys(value)).toEqual(['bytes'])
    expect(value.bytes).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(value.bytes).equals(Buffer.from(bytes))).toBe(true)
  })

  it('answers a load with nothing saved as plain JSON, and a stale key with saved: false', async () => {
    const { port } = hostRef.current
    const id = await firstNotebook(port)
    const missing = await call(port, 'loadSearchIndex', { id, key: 'd'.repeat(64) })
    expect(missing.response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(missing.value).toEqual({ bytes: null })
    const stale = await call(port, 'saveSearchIndex', { id, key: 'd'.repeat(64), bytes: snapshotBytes() })
    expect(stale.value).toEqual({ saved: false })
  })

  it('refuses bytes that are not a snapshot with a typed 400 naming the problem', async () => {
    const { port } = hostRef.current
    const id = await firstNotebook(port)
    const key = await openKey(port, id)
    const bytes = new TextEncoder().encode('GLSI but not really a snapshot')
    const { response, value } = await call(port, 'saveSearchIndex', { id, key, bytes })
    expect(response.status).toBe(400)
    expect(value).toEqual({
      code: 'invalid-arguments',
      message: expect.stringMatching(/bytes: .*not a search index snapshot/),
    })
  })

  it.each([
    ['not JSON', encodeURIComponent('{"id":')],
    ['not URI-encoded', '%E0%A4%A'],
    ['an array', encodeURIComponent('[1,2]')],
    ['a number', '42'],
    ['null', 'null'],
  ])('answers an x-glossa-args header that is %s with a typed 400', async (_what, header) => {
    const response = await send(hostRef.current.port, {
      method: 'POST',
      path: '/api/saveSearchIndex',
      headers: { 'content-type': 'application/octet-stream', 'x-glossa-args': header },
      body: Buffer.from(snapshotBytes()),
    })
    expect(response.status).toBe(400)
    expect(JSON.parse(response.body)).toEqual({
      code: 'invalid-json',
      message: expect.stringMatching(/^The x-glossa-args header (is not valid JSON|must hold a JSON object)/),
    })
  })

  it('refuses an octet-stream body without the token (401) and one over the limit (413)', async () => {
    const noToken = await send(hostRef.current.port, {
      method: 'POST',
      path: '/api/saveSearchIndex',
      token: null,
      headers: { 'content-type': 'application/octet-stream', 'x-glossa-args': '%7B%7D' },
      body: Buffer.from(snapshotBytes()),
    })
    expect(noToken.status).toBe(401)
    const tooLarge = await send(smallRef.current.port, {
      method: 'POST',
      path: '/api/saveSearchIndex',
      headers: { 'content-type': 'application/octet-stream', 'x-glossa-args': '%7B%7D' },
      body: Buffer.from(bigSnapshot(SMALL + 1024)),
    })
    expect(tooLarge.status).toBe(413)
    expect(JSON.parse(tooLarge.body).code).toBe('too-large')
  })

  describe('an upload without the token', () => {
    const sockets: Socket[] = []
    beforeAll(() => void hostRef.current.server.on('connection', (s) => sockets.push(s)))

    it('is refused before its body is read, and its connection closed', async () => {
      const r = await sendStream(hostRef.current.port, {
        path: '/api/saveSearchIndex',
        token: null,
        declared: 300 * MB,
        cap: 256 * MB,
      })
      if (r.status !== 0) expect(r.status).toBe(401) // a reset can overtake the answer (bodies.test.ts)
      expect(r.closedByServer).toBe(true)
      expect(r.sent).toBeLessThan(64 * MB)
      expect(sockets.at(-1)!.bytesRead).toBeLessThan(2 * MB)
    })
  })

  it('still sends JSON, unchanged, for arguments without bytes', () => {
    expect(renderer.encodeRequest({ id: 'x', bytes: [1, 2] })).toEqual({
      body: '{"id":"x","bytes":[1,2]}',
      headers: { 'content-type': 'application/json' },
    })
    expect(renderer.encodeRequest(undefined).body).toBe('{}')
  })
})
