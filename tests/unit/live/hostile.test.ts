// Hostile or malformed updates from another replica (a team server, a buggy client): an invalid
// entity, a reference to nothing, a 20 MB note, shapes Glossa never writes. Each is refused or
// repaired; the notebook that comes out keeps every rule, and the repair reaches every replica.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LIVE_LIMITS, yDocToNotebook } from '../../../src/shared/live'
import { integrityProblems } from '../../../src/shared/ops/integrity'
import { docFromParagraphs } from '../../../src/shared/plain-text'
import { NotebookSchema, SCHEMA_VERSION } from '../../../src/shared/schema'
import { baseNotebook, exchange, Replica } from './replicas'

/** A replica that writes raw Yjs, as a hostile client would. */
function attack(target: Replica, write: (doc: Y.Doc) => void): { notices: string[]; fresh: Replica } {
  const evil = new Y.Doc()
  Y.applyUpdate(evil, Y.encodeStateAsUpdate(target.doc))
  write(evil)
  exchange(target.doc, evil)
  const notices = target.settle()
  expect(integrityProblems(target.notebook)).toEqual([])
  expect(NotebookSchema.safeParse(target.notebook).success).toBe(true)
  // The refusal was written back: a replica joining now (or the attacker after syncing) sees it.
  exchange(target.doc, evil)
  const fresh = new Replica(target)
  expect(fresh.notebook).toEqual(target.notebook)
  expect(yDocToNotebook(evil).notebook).toEqual(target.notebook)
  return { notices, fresh }
}

const passageMap = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('annotations').get(id)!

describe('hostile updates', () => {
  it('an invalid field keeps the last valid version', () => {
    const replica = new Replica(baseNotebook())
    const { notices } = attack(replica, (doc) => passageMap(doc, 'a1').set('color', 'javascript:alert(1)'))
    expect(replica.notebook.annotations[0].color).toBeNull()
    expect(notices[0]).toMatch(/Refused a change to passage “a1” .*color.*last valid version is kept/)
  })

  it('a new entity that is not valid is left out and removed', () => {
    const replica = new Replica(baseNotebook())
    const { notices } = attack(replica, (doc) => {
      const evil = doc.getMap<Y.Map<unknown>>('annotations').set('evil', new Y.Map())
      evil.set('sourceId', 'src1')
      evil.set('__proto__', { polluted: true })
    })
    expect(replica.notebook.annotations.map((a) => a.id)).toEqual(['a1', 'a2', 'a3'])
    expect(notices[0]).toMatch(/left out/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('a plain value where an entity belongs is removed', () => {
    const replica = new Replica(baseNotebook())
    attack(replica, (doc) => (doc.getMap('tags') as Y.Map<unknown>).set('t9', 'not a tag'))
    expect(replica.notebook.tags.map((t) => t.id)).toEqual(['t1', 't2', 't3'])
  })

  it('a reference to nothing is repaired', () => {
    const replica = new Replica(baseNotebook())
    const { notices } = attack(replica, (doc) => {
      ;(passageMap(doc, 'a1').get('tagIds') as Y.Array<string>).push(['no-such-tag'])
      const link = doc.getMap<Y.Map<unknown>>('links').set('l9', new Y.Map())
      link.set('_pos', 'a5')
      link.set('from', { kind: 'annotation', id: 'a1' })
      link.set('to', { kind: 'annotation', id: 'nothing' })
      link.set('relationId', 'r1')
      link.set('comment', '')
      link.set('createdAt', baseNotebook().createdAt)
      const self = doc.getMap<Y.Map<unknown>>('links').set('l8', new Y.Map())
      for (const [k, v] of Object.entries({
        from: { kind: 'annotation', id: 'a2' },
        to: { kind: 'annotation', id: 'a2' },
        relationId: 'r1',
        comment: '',
        createdAt: baseNotebook().createdAt,
      }))
        self.set(k, v)
      const orphan = doc.getMap<Y.Map<unknown>>('annotations').get('a3')!
      orphan.set('sourceId', 'gone')
    })
    expect(replica.notebook.annotations[0].tagIds).toEqual(['t1', 't3'])
    expect(replica.notebook.links.map((l) => l.id)).toEqual(['l1'])
    expect(replica.notebook.sources.map((s) => s.title)).toContain('Recovered passages')
    expect(notices.join(' ')).toMatch(/broken link/)
  })

  it('a 20 MB note is refused and the note as it was kept', () => {
    const replica = new Replica(baseNotebook())
    const { notices } = attack(replica, (doc) => {
      const note = passageMap(doc, 'a2').get('note') as Y.XmlFragment
      const text = new Y.XmlText()
      note.insert(0, [text])
      text.insert(0, 'x'.repeat(20 * 1024 * 1024))
    })
    expect(replica.notebook.annotations[1].note).toEqual(docFromParagraphs(['moved here']))
    expect(notices[0]).toMatch(new RegExp(`longer than ${LIVE_LIMITS.noteChars.toLocaleString('en')}`))
  })

  it('a notebook from a newer Glossa is not read, and a bad title keeps the last one', () => {
    const replica = new Replica(baseNotebook())
    const title = replica.notebook.title
    attack(replica, (doc) => doc.getMap('meta').set('title', ''))
    expect(replica.notebook.title).toBe(title)
    const evil = new Y.Doc()
    Y.applyUpdate(evil, Y.encodeStateAsUpdate(replica.doc))
    evil.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1)
    expect(() => yDocToNotebook(evil)).toThrow(/newer version of Glossa/)
  })
})
