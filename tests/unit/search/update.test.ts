import { describe, expect, it } from 'vitest'
import { docFromParagraphs, plainText } from '../../../src/shared/plain-text'
import type { Notebook } from '../../../src/shared/schema'
import { NotebookSearch } from '../../../src/shared/search'
import { note, passage, seedNotebook, source, tag } from './fixture'

const ids = (s: NotebookSearch, q: string): string[] => s.search(q).map((r) => r.id)
const idle = { added: 0, discarded: 0 }

describe('NotebookSearch.update', () => {
  it('re-indexes nothing when nothing changed', () => {
    const nb = seedNotebook()
    const s = NotebookSearch.build(nb)
    expect(s.lastUpdate.added).toBe(s.documentCount)
    s.update(nb)
    expect(s.lastUpdate).toEqual(idle)
    // New arrays and a new notebook object, same items: still nothing to do.
    s.update({
      ...nb,
      sources: [...nb.sources],
      annotations: [...nb.annotations],
      tags: [...nb.tags],
      notes: [...nb.notes],
    })
    expect(s.lastUpdate).toEqual(idle)
    // Reordered items are moves, not deletions.
    s.update({ ...nb, annotations: [...nb.annotations].reverse(), notes: [...nb.notes].reverse() })
    expect(s.lastUpdate).toEqual(idle)
  })

  it('finds an added passage', () => {
    const nb = seedNotebook()
    const s = NotebookSearch.build(nb)
    const added = passage(nb.sources[0], 'a-new', 'Pentagon deputy press secretary Sabrina Singh', {
      note: 'Spokesperson quote',
    })
    s.update({ ...nb, annotations: [...nb.annotations, added] })
    expect(s.lastUpdate).toEqual({ added: 1, discarded: 0 })
    expect(ids(s, 'spokesperson')).toEqual(['a-new'])
  })

  it('finds the new text of an edited note and no longer the old', () => {
    const nb = seedNotebook()
    const s = NotebookSearch.build(nb)
    expect(ids(s, 'target kind:passage')).toEqual(['a-hareer'])
    const annotations = nb.annotations.map((a) =>
      a.id === 'a-hareer' ? { ...a, note: docFromParagraphs(['Moved north to Erbil.']) } : a,
    )
    s.update({ ...nb, annotations })
    expect(s.lastUpdate).toEqual({ added: 1, discarded: 1 })
    expect(ids(s, 'target kind:passage')).toEqual([])
    expect(ids(s, 'erbil kind:passage')).toEqual(['a-hareer'])
  })

  it('forgets a deleted passage, note and source', () => {
    const nb = seedNotebook()
    const s = NotebookSearch.build(nb)
    const next: Notebook = {
      ...nb,
      sources: nb.sources.filter((x) => x.id !== 'memo'),
      annotations: nb.annotations.filter((a) => a.id !== 'a-hareer' && a.sourceId !== 'memo'),
      notes: nb.notes.filter((n) => n.id !== 'n-plan'),
    }
    s.update(next)
    expect(ids(s, 'relocating kind:passage')).toEqual([])
    expect(ids(s, 'timeline')).toEqual([])
    expect(s.search('troops').every((r) => r.sourceId !== 'memo')).toBe(true)
    expect(s.documentCount).toBe(NotebookSearch.build(next).documentCount)
  })

  it('re-indexes one tag, and no passage, on a rename', () => {
    const nb = seedNotebook()
    const s = NotebookSearch.build(nb)
    s.update({
      ...nb,
      tags: nb.tags.map((t) => (t.id === 't-hareer' ? { ...t, name: 'airfield/harir', label: 'Harir' } : t)),
    })
    expect(s.lastUpdate).toEqual({ added: 1, discarded: 1 })
    expect(ids(s, 'tag:airfield/harir')).toEqual(['a-hareer'])
    expect(ids(s, 'tag:airfield')).toEqual(['a-hareer'])
    expect(ids(s, 'tag:base/hareer')).toEqual([])
    expect(ids(s, 'airfield kind:passage')).toEqual(['a-hareer'])
    expect(ids(s, 'airfield kind:tag')).toEqual(['t-hareer'])
  })

  it('drops a deleted tag from passage searches and filters', () => {
    const nb = seedNotebook()
    const s = NotebookSearch.build(nb)
    expect(ids(s, 'key-quote kind:passage')).toEqual(['a-memo'])
    s.update({ ...nb, tags: nb.tags.filter((t) => t.id !== 't-key') })
    expect(ids(s, 'key-quote')).toEqual([])
    expect(ids(s, 'tag:key-quote')).toEqual([])
  })

  it('sees a status change in filters without re-indexing', () => {
    const nb = seedNotebook()
    const s = NotebookSearch.build(nb)
    s.update({
      ...nb,
      annotations: nb.annotations.map((a) =>
        a.id === 'a-troops' ? { ...a, status: 'orphaned' as const, color: '#ff0000' } : a,
      ),
    })
    expect(s.lastUpdate).toEqual(idle)
    expect(ids(s, 'is:orphaned')).toEqual(['a-troops', 'a-memo'])
  })

  it('re-indexes only the edited block of a source and keeps offsets right', () => {
    const nb = seedNotebook()
    const s = NotebookSearch.build(nb)
    const memo = nb.sources[1]
    const edited = source('memo', memo.title, [
      'A new first paragraph about Erbil.',
      'Phase planning notes for the bases.',
      'Troops moved from Ain al-Asad to the airport, then north.',
    ])
    s.update({ ...nb, sources: [nb.sources[0], edited] })
    expect(s.lastUpdate).toEqual({ added: 1, discarded: 0 })
    const hit = s.search('north source:memo kind:source')[0]
    expect(hit.id).toBe('memo:2')
    expect(plainText(edited.doc).slice(hit.start, hit.end)).toBe('north')
    expect(ids(s, 'erbil kind:source')).toEqual(['memo:0'])
  })

  it('adds and renames note pages and tags', () => {
    const nb = seedNotebook()
    const s = NotebookSearch.build(nb)
    const next = {
      ...nb,
      notes: [...nb.notes, note('n-new', 'Erbil visit', ['Flights via Amman.'])],
      tags: [...nb.tags, tag('t-new', 'place/erbil')],
    }
    s.update(next)
    expect(s.lastUpdate).toEqual({ added: 2, discarded: 0 })
    expect(ids(s, 'erbil kind:tag')).toEqual(['t-new'])
    expect(ids(s, 'erbil kind:note').sort()).toEqual(['n-new', 'n-plan'])
    s.update({
      ...next,
      notes: next.notes.map((n) => (n.id === 'n-new' ? { ...n, title: 'Amman stopover' } : n)),
    })
    expect(ids(s, 'stopover')).toEqual(['n-new'])
  })

  it('matches a fresh build after a series of random edits', () => {
    let nb = seedNotebook()
    const s = NotebookSearch.build(nb)
    let seed = 42
    const rnd = (n: number): number => (seed = (seed * 16807) % 2147483647) % n
    const words = ['Erbil', 'Amman', 'Harir', 'phase', 'troops', 'coalition', 'Baghdad']
    for (let step = 0; step < 60; step++) {
      const a = nb.annotations[rnd(nb.annotations.length)]
      const op = rnd(4)
      if (op === 0 && a)
        nb = {
          ...nb,
          annotations: nb.annotations.map((x) =>
            x === a ? { ...x, note: docFromParagraphs([`${words[rnd(7)]} ${words[rnd(7)]}`]) } : x,
          ),
        }
      if (op === 1 && a) nb = { ...nb, annotations: nb.annotations.filter((x) => x !== a) }
      if (op === 2)
        nb = {
          ...nb,
          annotations: [
            ...nb.annotations,
            passage(nb.sources[rnd(2)], `a-r${step}`, 'the', {
              tagIds: [nb.tags[rnd(5)].id],
              occurrence: rnd(2),
            }),
          ],
        }
      if (op === 3)
        nb = {
          ...nb,
          tags: nb.tags.map((t, i) =>
            i === rnd(5) ? { ...t, name: `${words[rnd(7)].toLowerCase()}/${step}` } : t,
          ),
        }
      s.update(nb)
    }
    const fresh = NotebookSearch.build(nb)
    expect(s.documentCount).toBe(fresh.documentCount)
    for (const q of [...words, 'tag:phase', 'is:untagged', 'the kind:passage', '"second phase"']) {
      expect(ids(s, q).sort(), q).toEqual(ids(fresh, q).sort())
    }
  })
})
