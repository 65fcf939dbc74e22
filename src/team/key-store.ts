// Which keys open which notebook on a team server: SHA-256 hashes of the read-write and
// read-only keys, in the server's SQLite database beside the documents. The first connection
// to a notebook the server has never seen publishes it and registers its two keys.
import { createHash, timingSafeEqual } from 'node:crypto'
import Database from 'better-sqlite3'
import { parseNotebookKey, type KeyRole } from '@shared/live'

const hash = (key: string) => createHash('sha256').update(key).digest()

export class KeyStore {
  private readonly db: Database.Database

  constructor(path: string) {
    this.db = new Database(path)
    this.db.pragma('journal_mode = WAL')
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS notebook_keys (notebook TEXT PRIMARY KEY, rw BLOB NOT NULL, ro BLOB NOT NULL)',
    )
  }

  /**
   * The role `token` grants on `notebook`, or a reason it grants none. A token is a key, or
   * (publishing) a read-write key and a read-only key separated by a space.
   */
  authorize(notebook: string, token: string): { role: KeyRole } | { refused: string } {
    const keys = token.split(' ').map(parseNotebookKey)
    if (!keys.length || keys.some((k) => !k || k.notebookId !== notebook))
      return { refused: 'This is not a key for this notebook.' }
    const row = this.db.prepare('SELECT rw, ro FROM notebook_keys WHERE notebook = ?').get(notebook) as
      { rw: Buffer; ro: Buffer } | undefined
    const [first, second] = keys as NonNullable<(typeof keys)[number]>[]
    if (!row) {
      if (first.role !== 'rw' || second?.role !== 'ro')
        return { refused: 'This notebook is not on this server. It must be shared from Glossa first.' }
      this.db
        .prepare('INSERT OR IGNORE INTO notebook_keys (notebook, rw, ro) VALUES (?, ?, ?)')
        .run(notebook, hash(first.text), hash(second.text))
      return this.authorize(notebook, first.text)
    }
    const given = hash(first.text)
    if (first.role === 'rw' && timingSafeEqual(given, row.rw)) return { role: 'rw' }
    if (first.role === 'ro' && timingSafeEqual(given, row.ro)) return { role: 'ro' }
    return { refused: 'This notebook key is not valid on this server.' }
  }

  close(): void {
    this.db.close()
  }
}
