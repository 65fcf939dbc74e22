// Entities found by name and alias across sources (accent- and hamza-insensitive), aliases two
// entities share flagged, and corroboration counted over independent sources.
import { describe, expect, it } from 'vitest'
import { applyOps } from '../../../src/shared/ops'
import { docFromParagraphs, plainText, textHash } from '../../../src/shared/plain-text'
import type { Entity, Notebook, Source } from '../../../src/shared/schema'
import { corroborationIndex, corroborationLabel } from '../../../src/shared/views/corroboration'
import {
  aliasConflicts,
  mentionsByEntity,
  mentionsIn,
  nameIndex,
  notesAbout,
  passagesAbout,
} from '../../../src/shared/views/entities'
import { foldName } from '../../../src/shared/views/fold'
import { movesOf } from '../../../src/shared/views/map'
import { AT, notebookWithSource, passage } from '../../helpers/notebook'

const entity = (id: string, name: string, aliases: string[] = [], extra: Partial<Entity> = {}): Entity => ({
  id,
  type: 'place',
  name,
  aliases,
  description: '',
  ...extra,
})
const HARIR = entity('harir', 'Harir', ['Hareer', 'حرير'], { coordinates: { lat: 36.54, lon: 44.35 } })
const ASAD = entity('asad', 'Ain al-Asad', ['عين الأسد'], { coordinates: { lat: 33.8, lon: 42.44 } })

function source(id: string, origin: string, text: string): Source {
  const doc = docFromParagraphs([text])
  return { id, title: id, origin, doc, textHash: textHash(plainText(doc)), createdAt: AT, updatedAt: AT }
}

describe('folding and mentions', () => {
  it('folds case, accents, hyphens and Arabic hamza forms', () => {
    expect(foldName('Ain al-Asad')).toBe(foldName('AIN AL ASAD'))
    expect(foldName('ʿAyn al-Asad')).toBe('ayn al asad')
    expect(foldName('Harír')).toBe('harir')
    expect(foldName('عين الأسد')).toBe(foldName('عين الاسد'))
    expect(foldName('إيران')).toBe(foldName('ايران'))
  })

  it('finds names and aliases as whole words and maps back to the original text', () => {
    const text =
      'Troops went from Ain al‑Asad to HAREER base; حرير is in Kurdistan. Hareers is not a name. عين الاسد.'
    const found = mentionsIn(text, nameIndex([HARIR, ASAD]))
    expect(found.map((m) => [m.entityId, m.text])).toEqual([
      ['asad', 'Ain al‑Asad'],
      ['harir', 'HAREER'],
      ['harir', 'حرير'],
      ['asad', 'عين الاسد'],
    ])
  })

  it('prefers the longer name where two overlap', () => {
    const airport = entity('biap', 'Baghdad International Airport')
    const city = entity('baghdad', 'Baghdad')
    const found = mentionsIn('Baghdad International Airport, not Baghdad.', nameIndex([airport, city]))
    expect(found.map((m) => m.entityId)).toEqual(['biap', 'baghdad'])
  })

  it('flags an alias two entities share, and marks its mentions ambiguous', () => {
    const a = entity('a', 'Hussein', [], { type: 'person' })
    const b = entity('b', 'Saddam Hussein', ['hussein'], { type: 'person' })
    const conflicts = aliasConflicts([a, b])
    expect(conflicts.get('a')).toEqual([{ name: 'Hussein', others: ['b'] }])
    expect(conflicts.get('b')).toEqual([{ name: 'hussein', others: ['a'] }])
    expect(mentionsIn('Hussein said', nameIndex([a, b])).every((m) => m.ambiguous)).toBe(true)
  })

  it('lists mentions across sources, and the passages and notes about an entity', () => {
    const { nb, source: s1, text } = notebookWithSource(['Troops relocate to Hareer base.'])
    const s2 = source('s2', 'reuters.com', 'Harir air base in Erbil.')
    const withAll: Notebook = {
      ...nb,
      sources: [s1, s2],
      entities: [HARIR, ASAD],
      annotations: [passage('p1', s1, text, 'Hareer base')],
      notes: [
        { id: 'n1', title: 'Bases', doc: docFromParagraphs(['Why Harir?']), createdAt: AT, updatedAt: AT },
      ],
    }
    const byEntity = mentionsByEntity(withAll, new Map())
    expect(byEntity.get('harir')!.map((m) => [m.sourceId, m.text])).toEqual([
      ['src1', 'Hareer'],
      ['s2', 'Harir'],
    ])
    expect(passagesAbout(withAll, 'harir').map((a) => a.id)).toEqual(['p1'])
    expect(notesAbout(withAll, 'harir').map((n) => n.id)).toEqual(['n1'])
    expect(passagesAbout(withAll, 'asad')).toEqual([])
  })
})

describe('corroboration and moves', () => {
  function linked(): Notebook {
    const {
      nb,
      source: s1,
      text,
    } = notebookWithSource(['Troops leave Ain al-Asad. They move to Hareer base.'])
    const s2 = source('s2', 'www.reuters.com', 'Troops move to Harir.')
    const s3 = source('s3', 'reuters.com', 'Reuters again: troops move to Harir.')
    const s4 = source('s4', 'aljazeera.com', 'No troops move to Harir.')
    const t = (s: Source) => plainText(s.doc)
    const base: Notebook = {
      ...nb,
      sources: [s1, s2, s3, s4],
      entities: [HARIR, ASAD],
      annotations: [
        passage('leave', s1, text, 'Troops leave Ain al-Asad'),
        passage('p1', s1, text, 'They move to Hareer base'),
        passage('p2', s2, t(s2), 'Troops move to Harir'),
        passage('p3', s3, t(s3), 'troops move to Harir'),
        passage('p4', s4, t(s4), 'No troops move to Harir'),
      ],
    }
    const link = (id: string, from: string, to: string, relationId: string) => ({
      type: 'addLink' as const,
      link: {
        id,
        from: { kind: 'annotation' as const, id: from },
        to: { kind: 'annotation' as const, id: to },
        relationId,
        comment: '',
        createdAt: AT,
      },
    })
    return applyOps(
      base,
      [
        link('l1', 'p2', 'p1', 'supports'),
        link('l2', 'p3', 'p1', 'supports'), // same outlet as p2: not independent
        link('l3', 'p1', 'p4', 'contradicts'),
        link('l4', 'leave', 'p1', 'precedes'),
      ],
      AT,
    ).notebook
  }

  it('counts independent sources that agree and disagree, at both ends', () => {
    const index = corroborationIndex(linked())
    expect(index.get('p1')).toEqual({ supports: ['reuters.com'], contradicts: ['aljazeera.com'] })
    expect(index.get('p2')).toEqual({ supports: ['example.org'], contradicts: [] })
    expect(index.has('leave')).toBe(false) // a "precedes" link is not corroboration
    expect(corroborationLabel(index.get('p1'))).toBe('1 source agrees · 1 source disagrees')
  })

  it('draws a move from a typed link between passages about different places', () => {
    expect(movesOf(linked())).toEqual([{ from: 'asad', to: 'harir', relation: 'precedes', linkId: 'l4' }])
  })
})
