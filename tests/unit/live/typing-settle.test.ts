// Typing in a bound note editor reaches the core as many small updates; settling each must not
// walk the whole notebook for repairs (1.5 s per keystroke at 20,000 passages). The projection
// tells typing (a note's characters, its updatedAt, whether a passage has a note) from anything
// that can break a rule between entities, which still gets the repair pass.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LiveProjection, notebookToYDoc, settle } from '../../../src/shared/live'
import { baseNotebook } from './replicas'

function setup() {
  const doc = notebookToYDoc(baseNotebook())
  const projection = new LiveProjection(doc)
  projection.project()
  projection.takeStructural()
  const passage = (id: string) => doc.getMap<Y.Map<unknown>>('annotations').get(id)!
  return { doc, projection, passage }
}

describe('settling typing', () => {
  it('tells typing in a note from changes that can break a rule', () => {
    const { doc, projection, passage } = setup()
    const note = passage('a2').get('note') as Y.XmlFragment
    ;((note.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'typed ')
    doc.transact(() => {
      passage('a2').set('updatedAt', '2026-02-02T00:00:00.000Z')
      passage('a1').set('_hasNote', true)
      doc.getMap('meta').set('updatedAt', '2026-02-02T00:00:00.000Z')
    })
    const page = doc.getMap<Y.Map<unknown>>('notes').get('n1')!.get('doc') as Y.XmlFragment
    page.insert(0, [new Y.XmlElement('paragraph')])
    expect(projection.takeStructural()).toBe(false)

    const changes: ((d: Y.Doc) => void)[] = [
      () => (passage('a1').get('tagIds') as Y.Array<string>).push(['t2']),
      () => passage('a1').set('color', '#aa0000'),
      () => passage('a1').set('note', new Y.XmlFragment()),
      () => doc.getMap('annotations').delete('a3'),
      (d) => d.getMap('meta').set('title', 'Renamed'),
      (d) => d.getMap<Y.Map<unknown>>('tags').get('t1')!.set('name', 'base/harir'),
    ]
    for (const change of changes) {
      change(doc)
      expect(projection.takeStructural()).toBe(true)
    }
  })

  it('still repairs what a structural change broke, and settles typing to the typed note', () => {
    const { doc, projection, passage } = setup()
    const note = passage('a2').get('note') as Y.XmlFragment
    ;((note.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'typed ')
    const typed = settle(doc, projection)
    expect(typed.notices).toEqual([])
    expect(JSON.stringify(typed.notebook.annotations[1].note)).toContain('typed moved here')

    // Two tags with one name: the repair pass runs and renames one.
    doc.getMap<Y.Map<unknown>>('tags').get('t1')!.set('name', 'base/harir')
    const repaired = settle(doc, projection)
    expect(repaired.notebook.tags.map((t) => t.name)).toEqual(['base/harir', 'base/harir (2)', 'phase/1'])
  })
})
