// The mapping law: a notebook written into a Y.Doc (whole, or batch by batch as the reducer's
// differences) projects back to exactly the notebook the reducer holds; unchanged entities keep
// their identity; only what changed is written.
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { seedNotebook } from '../../../src/core/seed'
import { LiveProjection, notebookToYDoc, writeNotebookDiff, yDocToNotebook } from '../../../src/shared/live'
import { applyOps } from '../../../src/shared/ops'
import { docFromParagraphs } from '../../../src/shared/plain-text'
import { AT } from '../../helpers/notebook'
import { baseNotebook, choiceArb, Replica, runOps } from './replicas'

describe('notebook ↔ Y.Doc', () => {
  it('round-trips the seed notebook and the test notebook', async () => {
    const seed = await seedNotebook(join(import.meta.dirname, '../../../resources'), AT)
    expect(yDocToNotebook(notebookToYDoc(seed)).notebook).toEqual(seed)
    const base = baseNotebook()
    expect(yDocToNotebook(notebookToYDoc(base)).notebook).toEqual(base)
  })

  it('projects to the reducer’s notebook after every batch, over random batches', () => {
    fc.assert(
      fc.property(fc.array(choiceArb, { maxLength: 12 }), (choices) => {
        const replica = new Replica(baseNotebook())
        runOps(replica, choices, 'A')
        expect(replica.projection.project().notebook).toEqual(replica.notebook)
        // …and a fresh replica from the same updates sees the same.
        const copy = new Replica(replica)
        expect(copy.notebook).toEqual(replica.notebook)
      }),
      { numRuns: 200 },
    )
  }, 120_000) // a bound on a busy machine, not a timing check

  it('writes only the fields a batch changed, and keeps the identity of untouched entities', () => {
    const nb = baseNotebook()
    const doc = notebookToYDoc(nb)
    const projection = new LiveProjection(doc)
    const first = projection.project().notebook
    const { notebook } = applyOps(
      first,
      [{ type: 'updateAnnotation', id: 'a2', patch: { color: '#aa3300' } }],
      AT,
    )
    let updates = 0
    let bytes = 0
    doc.on('update', (u: Uint8Array) => {
      updates++
      bytes += u.length
    })
    writeNotebookDiff(doc, first, notebook)
    expect(updates).toBe(1)
    expect(bytes).toBeLessThan(120)
    const next = projection.project().notebook
    expect(next.annotations[0]).toBe(first.annotations[0])
    expect(next.annotations[1]).not.toBe(first.annotations[1])
    expect(next.annotations[1].color).toBe('#aa3300')
    expect(next.sources).toBe(first.sources)
    expect(next.tags).toBe(first.tags)
  })

  it('writes a keystroke in a note as a keystroke, not the whole note', () => {
    const long = 'word '.repeat(2_000)
    const nb = applyOps(
      baseNotebook(),
      [{ type: 'updateNote', id: 'n1', patch: { doc: docFromParagraphs([long]) } }],
      AT,
    ).notebook
    const doc = notebookToYDoc(nb)
    const typed = applyOps(
      nb,
      [{ type: 'updateNote', id: 'n1', patch: { doc: docFromParagraphs([`${long}x`]) } }],
      AT,
    ).notebook
    const update = captureUpdate(doc, () => writeNotebookDiff(doc, nb, typed))
    expect(update.length).toBeLessThan(200)
    expect(yDocToNotebook(doc).notebook.notes[0].doc).toEqual(docFromParagraphs([`${long}x`]))
  })

  it('adopts a window’s own objects for what it holds as projected, so identity survives the first sync', () => {
    const nb = baseNotebook()
    const projection = new LiveProjection(notebookToYDoc(nb))
    // The window's copy came over HTTP: equal values, other objects, other key order.
    const windowCopy = JSON.parse(JSON.stringify(nb))
    expect(projection.adopt(windowCopy)).toBe(windowCopy)
    expect(projection.project().notebook).toBe(windowCopy)
    const stale = {
      ...windowCopy,
      annotations: windowCopy.annotations.map((a: object, i: number) =>
        i === 1 ? { ...a, color: '#000000' } : a,
      ),
    }
    const again = new LiveProjection(notebookToYDoc(nb)).adopt(stale)
    expect(again.annotations[0]).toBe(stale.annotations[0])
    expect(again.annotations[1]).not.toBe(stale.annotations[1])
    expect(again.annotations[1].color).toBeNull()
  })

  it('puts a restored passage back at its index', () => {
    const nb = baseNotebook()
    const doc = notebookToYDoc(nb)
    const deleted = applyOps(nb, [{ type: 'deleteAnnotation', id: 'a2' }], AT)
    writeNotebookDiff(doc, nb, deleted.notebook)
    const restored = applyOps(deleted.notebook, deleted.inverse, AT).notebook
    writeNotebookDiff(doc, deleted.notebook, restored)
    expect(yDocToNotebook(doc).notebook.annotations.map((a) => a.id)).toEqual(['a1', 'a2', 'a3'])
  })
})

function captureUpdate(doc: Y.Doc, write: () => void): Uint8Array {
  let captured: Uint8Array = new Uint8Array()
  const listener = (u: Uint8Array) => (captured = u)
  doc.on('update', listener)
  write()
  doc.off('update', listener)
  return captured
}
