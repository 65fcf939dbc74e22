// Notebook keys (docs/LIVE.md, "Across machines"): "glossa.<rw|ro>.<notebook id>.<secret>".
// A key names its notebook, so "Join…" needs only the server's address and the key; the
// secret is 32 random bytes. The server keeps only hashes of the keys.
import { Id } from '../schema'

export type KeyRole = 'rw' | 'ro'
export interface NotebookKey {
  role: KeyRole
  notebookId: string
  secret: string
  text: string
}

const KEY = /^glossa\.(rw|ro)\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/

export function parseNotebookKey(text: string): NotebookKey | null {
  const match = KEY.exec(text.trim())
  if (!match || !Id.safeParse(match[2]).success) return null
  return { role: match[1] as KeyRole, notebookId: match[2], secret: match[3], text: text.trim() }
}

/** A read-write and a read-only key for a notebook. */
export function makeNotebookKeys(notebookId: string): { readWrite: string; readOnly: string } {
  return { readWrite: makeKey('rw', notebookId), readOnly: makeKey('ro', notebookId) }
}

function makeKey(role: KeyRole, notebookId: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  const secret = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
  return `glossa.${role}.${notebookId}.${secret}`
}

/** How a connection authenticates: its key, plus the read-only key when it first publishes. */
export function shareToken(readWrite: string, readOnly?: string): string {
  return readOnly ? `${readWrite} ${readOnly}` : readWrite
}
