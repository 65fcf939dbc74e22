// `GET /live/<notebook id>` upgraded to a WebSocket: windows following a notebook's live doc.
// Authorized like /api/: the Host header must name our own address (DNS rebinding), a browser's
// Origin must be our own page (no other site's script may connect), and the token must come as
// the subprotocol "token.<token>" (a browser cannot set headers on a WebSocket).
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { Id } from '@shared/schema'
import { LIVE_PROTOCOL, type LiveRelay } from '../core/live/relay'
import { isAllowedHost } from './server'

export function liveUpgrade(relay: LiveRelay, token: string) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const port = String(req.socket.localPort ?? '')
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`)
    }
    if (!isAllowedHost(req.headers.host, port)) return refuse('403 Forbidden')
    const origin = req.headers.origin
    if (
      origin !== undefined &&
      origin !== `http://127.0.0.1:${port}` &&
      origin !== `http://localhost:${port}`
    )
      return refuse('403 Forbidden')
    const match = /^\/live\/([^/?#]+)$/.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
    if (!match || !Id.safeParse(match[1]).success) return refuse('404 Not Found')
    const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim())
    if (!protocols.includes(LIVE_PROTOCOL)) return refuse('400 Bad Request')
    const given = protocols.find((p) => p.startsWith('token.'))?.slice('token.'.length) ?? ''
    if (!sameToken(given, token)) return refuse('401 Unauthorized')
    relay.accept(req, socket, head, match[1])
  }
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}
