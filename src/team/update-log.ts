// The team server's persistence: each document's state in `documents` (the table
// @hocuspocus/extension-sqlite used, so older data dirs still open) plus every update since, one
// row each in `document_updates`. An update is written in the Yjs transaction that applies it,
// so before Hocuspocus acknowledges it to the client; the whole state (23 MB at 20,000
// passages) is encoded again only when the updates outgrow a bound, not after every change.
import type {
  Extension,
  onConfigurePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server'
import BetterSqlite3 from 'better-sqlite3'
import * as Y from 'yjs'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) NOT NULL, "data" blob NOT NULL, UNIQUE(name));
CREATE TABLE IF NOT EXISTS "document_updates" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT, "name" varchar(255) NOT NULL, "data" blob NOT NULL);
CREATE INDEX IF NOT EXISTS "document_updates_name" ON "document_updates" ("name", "id");
`

export interface UpdateLogBounds {
  /** The updates are folded into the state once they hold more than this many bytes… */
  minBytes: number
  /** …and more than this share of the state's size, or are more rows than `maxRows`. */
  stateShare: number
  maxRows: number
}
const DEFAULT_BOUNDS: UpdateLogBounds = { minBytes: 1024 * 1024, stateShare: 0.5, maxRows: 5_000 }

interface Sizes {
  state: number
  log: number
  rows: number
}

export class UpdateLog implements Extension {
  private db: BetterSqlite3.Database | null = null
  private readonly sizes = new Map<string, Sizes>()
  compactions = 0

  constructor(
    private readonly database: string,
    private readonly bounds: UpdateLogBounds = DEFAULT_BOUNDS,
  ) {}

  async onConfigure(_data: onConfigurePayload): Promise<void> {
    this.db = new BetterSqlite3(this.database)
    // WAL: a committed row survives the server being killed (it is in the OS's cache); a power
    // cut may lose the last ones, which every client that holds them sends again on reconnect.
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.exec(SCHEMA)
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const db = this.open()
    const state = db.prepare('SELECT data FROM documents WHERE name = ?').get(documentName) as
      { data: Buffer } | undefined
    const rows = db
      .prepare('SELECT data FROM document_updates WHERE name = ? ORDER BY id')
      .all(documentName) as { data: Buffer }[]
    document.transact(() => {
      if (state) Y.applyUpdate(document, state.data)
      for (const row of rows) Y.applyUpdate(document, row.data)
    })
    this.sizes.set(documentName, {
      state: state?.data.length ?? 0,
      log: rows.reduce((sum, r) => sum + r.data.length, 0),
      rows: rows.length,
    })
    const insert = db.prepare('INSERT INTO document_updates (name, data) VALUES (?, ?)')
    document.on('update', (update: Uint8Array) => {
      insert.run(documentName, update)
      const sizes = this.sizes.get(documentName)
      if (sizes) {
        sizes.log += update.length
        sizes.rows++
      }
    })
  }

  /** Called debounced after changes and when the last client leaves: folds a long log. */
  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    const sizes = this.sizes.get(documentName)
    if (!sizes) return
    const { minBytes, stateShare, maxRows } = this.bounds
    const over = sizes.rows > maxRows || (sizes.log > minBytes && sizes.log > sizes.state * stateShare)
    if (over) this.compact(documentName, document, sizes)
  }

  async afterUnloadDocument({ documentName }: { documentName: string }): Promise<void> {
    this.sizes.delete(documentName)
  }

  /** State and log replaced in one SQLite transaction (synchronous: no update comes between). */
  private compact(name: string, document: Y.Doc, sizes: Sizes): void {
    const db = this.open()
    const state = Buffer.from(Y.encodeStateAsUpdate(document))
    db.transaction(() => {
      db.prepare(
        'INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
      ).run(name, state)
      db.prepare('DELETE FROM document_updates WHERE name = ?').run(name)
    })()
    sizes.state = state.length
    sizes.log = 0
    sizes.rows = 0
    this.compactions++
  }

  async onDestroy(): Promise<void> {
    this.db?.close()
    this.db = null
  }

  private open(): BetterSqlite3.Database {
    if (!this.db) throw new Error('The team server’s database is not open.')
    return this.db
  }
}
