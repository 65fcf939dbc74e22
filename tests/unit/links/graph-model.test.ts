import { describe, expect, it } from 'vitest'
import {
  buildGraph,
  DEFAULT_GRAPH_OPTIONS,
  UNTAGGED_COLOR,
  type GraphOptions,
} from '../../../src/renderer/src/components/graph/graph-model'
import type { Annotation, Link, Notebook } from '../../../src/shared/schema'
import { AT, notebookWithSource, passage } from '../../helpers/notebook'

const link = (id: string, from: string, to: string, relationId: string): Link => ({
  id,
  from: { kind: 'annotation', id: from },
  to: { kind: 'annotation', id: to },
  relationId,
  comment: '',
  createdAt: AT,
})

function fixture(): Notebook {
  const { nb, source, text } = notebookWithSource([
    'The first phase ends the mission.',
    'Troops leave Ain al-Asad.',
    'Iran watches.',
  ])
  return {
    ...nb,
    facets: [
      { key: 'phase', name: 'Phases', color: '#2f6fb3' },
      { key: 'base', name: 'Bases', color: '#b35a1f' },
    ],
    tags: [
      { id: 'ph1', name: 'phase/1', label: 'Phase 1', color: '#123456', description: '' },
      { id: 'ain', name: 'base/ain-al-asad', label: 'Ain al-Asad', color: '#654321', description: '' },
      { id: 'loose', name: 'misc', label: '', color: '#abcdef', description: '' },
    ],
    annotations: [
      passage('p1', source, text, 'The first phase', { tagIds: ['ph1', 'ain'] }),
      passage('p2', source, text, 'Ain al-Asad', { tagIds: ['ain'] }),
      passage('p3', source, text, 'Iran watches.', { tagIds: ['loose'] }),
    ],
    links: [
      link('l1', 'p1', 'p2', 'elaborates'),
      link('l2', 'p3', 'p1', 'causes'),
      link('dangling', 'p1', 'gone', 'supports'),
    ],
    notes: [
      {
        id: 'n1',
        title: 'Study notes',
        doc: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'passageRef', attrs: { annotationId: 'p2' } },
                { type: 'passageRef', attrs: { annotationId: 'deleted' } },
              ],
            },
          ],
        },
        createdAt: AT,
        updatedAt: AT,
      },
    ],
  }
}
const graph = (o: Partial<GraphOptions> = {}, nb = fixture()) =>
  buildGraph(nb, { ...DEFAULT_GRAPH_OPTIONS, ...o })

describe('buildGraph', () => {
  it('draws passages colored by the facet of their first tag, note pages, links with their relation, and references', () => {
    const g = graph()
    expect(g.nodes.map((n) => [n.id, n.label, n.color])).toEqual([
      ['p:p1', 'The first phase', '#2f6fb3'],
      ['p:p2', 'Ain al-Asad', '#b35a1f'],
      ['p:p3', 'Iran watches.', UNTAGGED_COLOR],
      ['n:n1', 'Study notes', '#455a64'],
    ])
    // The dangling link and the reference to a deleted passage are left out, not drawn half.
    expect(g.edges.map((e) => `${e.source} ${e.label} ${e.target}`)).toEqual([
      'p:p1 elaborates p:p2',
      'p:p3 causes p:p1',
      'n:n1 references p:p2',
    ])
  })

  it('filters by facet, tag and relation, and can hide unlinked passages and note pages', () => {
    expect(graph({ facetKey: 'phase' }).nodes.map((n) => n.id)).toEqual(['p:p1', 'n:n1'])
    expect(graph({ tagId: 'ain', showNotes: false }).nodes.map((n) => n.id)).toEqual(['p:p1', 'p:p2'])
    expect(graph({ tagId: 'ain', showNotes: false }).edges.map((e) => e.id)).toEqual(['l:l1'])
    const byRelation = graph({ relationId: 'causes', linkedOnly: true })
    expect(byRelation.edges.map((e) => e.label)).toEqual(['causes'])
    expect(byRelation.nodes.map((n) => n.id)).toEqual(['p:p1', 'p:p3', 'n:n1'])
  })

  it('adds tags as hub nodes on request (only the facet filtered on)', () => {
    const g = graph({ showTags: true, showNotes: false })
    expect(g.nodes.filter((n) => n.kind === 'tag').map((n) => n.label)).toEqual([
      'Phase 1',
      'Ain al-Asad',
      'misc',
    ])
    expect(g.edges.filter((e) => e.kind === 'tag')).toHaveLength(4)
    expect(
      graph({ showTags: true, facetKey: 'base' })
        .nodes.filter((n) => n.kind === 'tag')
        .map((n) => n.refId),
    ).toEqual(['ain'])
  })

  it('builds the graph of 2,000 passages and 2,000 links', () => {
    const base = fixture()
    const p = base.annotations[0]
    const annotations: Annotation[] = Array.from({ length: 2000 }, (_, i) => ({
      ...p,
      id: `a${i}`,
      tagIds: i % 2 ? ['ph1'] : ['ain'],
    }))
    const links = Array.from({ length: 2000 }, (_, i) =>
      link(`k${i}`, `a${i}`, `a${(i * 13 + 7) % 2000}`, 'supports'),
    )
    const nb = { ...base, annotations, links }
    // Its speed is measured by `npm run bench`, not asserted here (CI machines are busy).
    const g = buildGraph(nb, { ...DEFAULT_GRAPH_OPTIONS, showTags: true })
    expect(g.nodes.length).toBe(2000 + 1 + 2)
    expect(g.edges.length).toBe(2000 + 2000)
  })
})
