// The live doc is saved as a state plus an append-only log of updates (ydoc-log.ts): a crash
// mid-append leaves a torn last record, which is left out on read and cut off before the next
// append; past a bound the log is folded into a whole state.
import { readFile, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LiveNotebook } from '../../../src/core/live/live-notebook'
import { readYDoc, readYDocFile, ydocLogPath, ydocPath } from '../../../src/core/live/ydoc-file'
import { encodeLogRecord, readLogRecords, YDocLog } from '../../../src/core/live/ydoc-log'
import { yDocToNotebook } from '../../../src/shared/live'
import { applyOps } from '../../../src/shared/ops'
import { useTempDirs } from '../../helpers/temp-dir'
import { AT } from '../../helpers/notebook'
import { baseNotebook } from './replicas'

const tempDir = useTempDirs()

describe('the log of a live doc', () => {
  it('reads back exactly the whole records of any prefix of the log', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 0, maxLength: 40 }), { maxLength: 8 }),
        fc.nat(),
        (updates, cut) => {
          const records = updates.map(encodeLogRecord)
          const log = Buffer.concat(records)
          const at = log.length ? cut % (log.length + 1) : 0
          const read = readLogRecords(log.subarray(0, at))
          let whole = 0
          let bytes = 0
          while (whole < records.length && bytes + records[whole].length <= at)
            bytes += records[whole++].length
          expect(read.records).toEqual(updates.slice(0, whole))
          expect(read.validBytes).toBe(bytes)
        },
      ),
    )
  })

  it('leaves out a last record whose bytes were damaged', () => {
    const log = Buffer.concat([encodeLogRecord(Uint8Array.of(1, 2, 3)), encodeLogRecord(Uint8Array.of(4, 5))])
    log[log.length - 1] ^= 0xff
    expect(readLogRecords(log).records).toEqual([Uint8Array.of(1, 2, 3)])
  })

  it('appends edits instead of rewriting the state, and survives a torn last record', async () => {
    const path = ydocPath(await tempDir(), 'nb')
    let nb = baseNotebook()
    const live = await LiveNotebook.open(path, nb)
    const stateBytes = (await stat(path)).size
    const edit = (title: string) => {
      nb = applyOps(nb, [{ type: 'renameNotebook', title }], AT).notebook
      live.follow(nb)
    }
    edit('First title')
    await live.save()
    edit('Second title')
    await live.save()
    await live.close()
    // The state was written once; the edits are two records in the log.
    expect((await stat(path)).size).toBe(stateBytes)
    const saved = (await readYDoc(path))!
    expect(saved.updates).toHaveLength(2)

    // A crash in the middle of the second append: the first edit is still read.
    const logPath = ydocLogPath(path)
    await truncate(logPath, saved.logBytes - 3)
    const torn = (await readYDoc(path))!
    expect(torn.updates).toHaveLength(1)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, (await readYDocFile(path))!)
    expect(yDocToNotebook(doc).notebook.title).toBe('First title')

    // Opened again (the file says "Second title": the difference is written as an edit); the
    // torn bytes are cut off before the next record, so everything after them reads back.
    const reopened = await LiveNotebook.open(path, nb)
    nb = applyOps(nb, [{ type: 'renameNotebook', title: 'Third title' }], AT).notebook
    reopened.follow(nb)
    await reopened.close()
    const after = (await readYDoc(path))!
    expect(after.logBytes).toBe((await readFile(logPath)).length)
    const again = new Y.Doc()
    Y.applyUpdate(again, (await readYDocFile(path))!)
    expect(yDocToNotebook(again).notebook.title).toBe('Third title')
  })

  it('folds the log into a whole state once it grows past its bound', async () => {
    const path = join(await tempDir(), 'doc.ydoc')
    const doc = new Y.Doc()
    const bounds = { minBytes: 200, stateShare: 0.5, maxRecords: 1_000 }
    const log = new YDocLog(path, () => Y.encodeStateAsUpdate(doc), 0, 0, 0, bounds)
    await writeFile(path, Y.encodeStateAsUpdate(doc))
    doc.on('update', (update: Uint8Array) => log.append(update))
    for (let i = 0; i < 40; i++) {
      doc.getMap('m').set(`k${i}`, 'x'.repeat(20))
      await log.flush()
    }
    expect(log.compactions).toBeGreaterThan(0)
    expect((await stat(ydocLogPath(path))).size).toBeLessThanOrEqual(200 + 100)
    const read = new Y.Doc()
    Y.applyUpdate(read, (await readYDocFile(path))!)
    expect(read.getMap('m').size).toBe(40)
  })
})
