// Static files of the built renderer. Paths are resolved and must stay inside the folder.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import type { ServerResponse } from 'node:http'
import { CSP } from '@shared/csp'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

export async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<void> {
  const base = resolve(root)
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return notFound(res, 400)
  }
  if (decoded.includes('\0')) return notFound(res, 400)
  const target = resolve(join(base, decoded === '/' ? 'index.html' : decoded))
  if (target !== base && !target.startsWith(base + sep)) return notFound(res, 403)
  const st = await stat(target).catch(() => null)
  if (!st || !st.isFile()) return notFound(res, 404)
  res.writeHead(200, {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'content-length': st.size,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cache-control': 'no-cache',
  })
  createReadStream(target).pipe(res)
}

function notFound(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(status === 403 ? 'Forbidden' : status === 400 ? 'Bad request' : 'Not found')
}
