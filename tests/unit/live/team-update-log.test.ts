// The team server keeps each update as a row and folds the rows into one state only past a
// bound (src/team/update-log.ts): below it, storing the document writes nothing more; past it,
// the state replaces the rows; either way a server started again on the database has it all.
import { join } from 'node:path'
import { Hocuspocus } from '@hocuspocus/server'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { UpdateLog, type UpdateLogBounds } from '../../../src/team/update-log'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()
const opened: UpdateLog[] = []
afterEach(async () => {
  for (const log of opened.splice(0)) await log.onDestroy()
})

const NEVER: UpdateLogBounds = { minBytes: Infinity, stateShare: 1, maxRows: Infinity }

function server(database: string, bounds?: UpdateLogBounds): { hocuspocus: Hocuspocus; log: UpdateLog } {
  const log = new UpdateLog(database, bounds)
  opened.push(log)
  return { hocuspocus: new Hocuspocus({ extensions: [log], quiet: true }), log }
}

/** Opens the document, makes each change in its own transaction, and closes it (which stores it). */
async function edit(hocuspocus: Hocuspocus, keys: string[]): Promise<string[]> {
  const connection = await hocuspocus.openDirectConnection('nb')
  for (const key of keys) await connection.transact((doc) => doc.getMap('m').set(key, `value of ${key}`))
  let held: string[] = []
  await connection.transact((doc) => (held = [...doc.getMap('m').keys()].sort()))
  await connection.disconnect()
  return held
}

function rows(database: string): { updates: number; states: number } {
  const db = new BetterSqlite3(database, { readonly: true })
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    return { updates: count('document_updates'), states: count('documents') }
  } finally {
    db.close()
  }
}

describe('the team server’s update log', () => {
  it('keeps updates as rows under the bound, folds them into one state past it, and reads both back', async () => {
    const database = join(await tempDir(), 'team.sqlite')
    await edit(server(database, NEVER).hocuspocus, ['a', 'b', 'c'])
    expect(rows(database)).toEqual({ updates: 3, states: 0 })

    const folding = server(database, { minBytes: 0, stateShare: 0, maxRows: 3 })
    expect(await edit(folding.hocuspocus, ['d'])).toEqual(['a', 'b', 'c', 'd'])
    expect(folding.log.compactions).toBe(1)
    expect(rows(database)).toEqual({ updates: 0, states: 1 })

    const after = server(database, NEVER)
    expect(await edit(after.hocuspocus, ['e'])).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(rows(database)).toEqual({ updates: 1, states: 1 })
  })
})
