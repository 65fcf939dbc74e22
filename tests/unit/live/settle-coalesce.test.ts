// Others' changes that arrive together are settled once (a settle projects, and may repair, the
// whole notebook), and a local edit made before that settle is merged with them, not lost and
// not written over them.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LiveNotebook } from '../../../src/core/live/live-notebook'
import { ydocPath } from '../../../src/core/live/ydoc-file'
import { applyOps } from '../../../src/shared/ops'
import type { Notebook } from '../../../src/shared/schema'
import { useTempDirs } from '../../helpers/temp-dir'
import { AT } from '../../helpers/notebook'
import { baseNotebook } from './replicas'

const tempDir = useTempDirs()
const turn = () => new Promise((resolve) => setImmediate(resolve))

async function setup() {
  const live = await LiveNotebook.open(ydocPath(await tempDir(), 'nb'), baseNotebook())
  const teammate = new Y.Doc()
  Y.applyUpdate(teammate, Y.encodeStateAsUpdate(live.doc))
  const updates: Uint8Array[] = []
  teammate.on('update', (u: Uint8Array) => updates.push(u))
  const tag = (id: string) => teammate.getMap<Y.Map<unknown>>('tags').get(id)!
  const handed: Notebook[] = []
  live.onRemote = (nb) => handed.push(nb)
  return { live, updates, tag, handed }
}

describe('settling others’ changes', () => {
  it('settles changes that arrive together once, with all of them', async () => {
    const { live, updates, tag, handed } = await setup()
    tag('t1').set('color', '#aa0000')
    tag('t2').set('color', '#00aa00')
    tag('t3').set('color', '#0000aa')
    for (const u of updates) Y.applyUpdate(live.doc, u, 'teammate')
    expect(handed).toHaveLength(0)
    await turn()
    expect(handed).toHaveLength(1)
    expect(handed[0].tags.map((t) => t.color)).toEqual(['#aa0000', '#00aa00', '#0000aa'])
    await live.close()
  })

  it('merges a local edit made before the settle with the changes waiting', async () => {
    const { live, updates, tag, handed } = await setup()
    tag('t1').set('color', '#aa0000')
    for (const u of updates) Y.applyUpdate(live.doc, u, 'teammate')
    // The store, not yet told of the teammate's change, applies a local edit to what it has.
    const local = applyOps(live.notebook, [{ type: 'updateTag', id: 't2', patch: { color: '#00aa00' } }], AT)
    live.follow(local.notebook)
    expect(handed).toHaveLength(1)
    expect(handed[0].tags.map((t) => t.color).slice(0, 2)).toEqual(['#aa0000', '#00aa00'])
    expect(live.notebook).toBe(handed[0])
    await turn()
    expect(handed).toHaveLength(1)
    await live.close()
  })
})
