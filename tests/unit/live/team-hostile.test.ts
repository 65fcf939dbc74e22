// A hostile member of a team (the read-write key, but not Glossa: raw Yjs through the team
// server) sends an invalid entity, a passage whose source does not exist and a 20 MB note. The
// app that keeps the notebook's file refuses or repairs each (docs/LIVE.md, "Rules after a
// merge"): the JSON file on disk stays valid at every step, and says so in notices.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LiveDocs } from '../../../src/core/live/live-docs'
import { TeamConfigSchema, TeamLink } from '../../../src/core/live/team-link'
import { Library } from '../../../src/core/store/library'
import { integrityProblems } from '../../../src/shared/ops/integrity'
import { docFromParagraphs } from '../../../src/shared/plain-text'
import { NotebookSchema, type Notebook } from '../../../src/shared/schema'
import { startTeamServer } from '../../../src/team/server'
import { useTempDirs } from '../../helpers/temp-dir'
import { baseNotebook } from './replicas'

const tempDir = useTempDirs()
const stops: (() => Promise<unknown> | void)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop()
})

describe('a hostile team member', () => {
  it('never gets an invalid notebook into the file', async () => {
    const team = await startTeamServer({ port: 0, host: '127.0.0.1', dataDir: await tempDir() })
    stops.push(() => team.stop())
    const library = new Library({ dataDir: await tempDir(), coalesce: { delayMs: 1, maxWaitMs: 5 } })
    const docs = new LiveDocs(library)
    stops.push(async () => {
      await library.flushAll()
      await docs.closeAll()
    })
    const notices: string[] = []
    docs.events = { status: () => {}, shared: () => {}, notices: (_id, n) => notices.push(...n) }
    const nb = baseNotebook()
    await library.add(nb)
    const keys = await docs.share(nb.id, team.url)

    // The attacker: the key, a doc synced with the server, and no Glossa rules.
    const evil = new Y.Doc()
    const link = new TeamLink(
      evil,
      nb.id,
      TeamConfigSchema.parse({ serverUrl: team.url, key: keys.readWrite }),
    )
    stops.push(() => link.destroy())
    await link.firstSync()

    const handle = await library.openNotebook(nb.id)
    const fileOnDisk = async (): Promise<Notebook> => {
      await library.flushAll()
      const file = (await library.list()).notebooks.find((n) => n.id === nb.id)!.file
      return JSON.parse(await readFile(join(library.notebooksDir, file), 'utf8'))
    }
    const valid = async () => {
      const onDisk = await fileOnDisk()
      expect(NotebookSchema.safeParse(onDisk).success).toBe(true)
      expect(integrityProblems(onDisk)).toEqual([])
      return onDisk
    }
    const passages = evil.getMap<Y.Map<unknown>>('annotations')

    // 1. An invalid entity: a passage with a script for a color.
    passages.get('a1')!.set('color', 'javascript:alert(1)')
    await expect.poll(() => notices.join(' | '), { timeout: 10_000 }).toMatch(/passage “a1”.*color/)
    expect((await valid()).annotations.find((a) => a.id === 'a1')!.color).toBeNull()

    // 2. A passage whose source does not exist: kept, on a "Recovered passages" source.
    passages.get('a3')!.set('sourceId', 'no-such-source')
    await expect
      .poll(() => handle.data.sources.map((s) => s.title), { timeout: 10_000 })
      .toContain('Recovered passages')
    const recovered = await valid()
    const a3 = recovered.annotations.find((a) => a.id === 'a3')!
    expect(recovered.sources.some((s) => s.id === a3.sourceId)).toBe(true)

    // 3. A 20 MB note: refused, the note as it was kept.
    const before = notices.length
    const text = new Y.XmlText()
    ;(passages.get('a2')!.get('note') as Y.XmlFragment).insert(0, [text])
    text.insert(0, 'x'.repeat(20 * 1024 * 1024))
    await expect.poll(() => notices.slice(before).join(' '), { timeout: 30_000 }).toMatch(/longer than/)
    const last = await valid()
    expect(last.annotations.find((a) => a.id === 'a2')!.note).toEqual(docFromParagraphs(['moved here']))
    expect(JSON.stringify(last)).not.toContain('javascript:')
    // The refusals went back to the server: the attacker's own doc shows the repaired notebook.
    await expect.poll(() => passages.get('a1')!.get('color'), { timeout: 10_000 }).toBeNull()
  })
})
