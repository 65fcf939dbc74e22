import { getSchema, getText, getTextSerializersFromSchema } from '@tiptap/core'
import { Node as PMNode } from '@tiptap/pm/model'
import StarterKit from '@tiptap/starter-kit'
import { describe, expect, it } from 'vitest'
import { PassageRef } from '../../../src/renderer/src/editor/passage-ref'
import { exportNotebook } from '../../../src/shared/export'
import { referencedPassageIds } from '../../../src/shared/links'
import type { DocNode } from '../../../src/shared/schema'
import { AT, notebookWithSource } from '../../helpers/notebook'

const quotes: Record<string, string> = { p1: '“the first phase”' }
const ext = PassageRef.configure({
  describe: (id) =>
    quotes[id] ? { label: quotes[id], missing: false } : { label: 'missing passage', missing: true },
})
const schema = getSchema([StarterKit, ext])
const doc: DocNode = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'See ' },
        { type: 'passageRef', attrs: { annotationId: 'p1' } },
        { type: 'text', text: ' and ' },
        { type: 'passageRef', attrs: { annotationId: 'gone' } },
      ],
    },
  ],
}

describe('passageRef node', () => {
  it('is an inline atom whose JSON is exactly what the notebook stores and the export reads', () => {
    const type = schema.nodes.passageRef
    expect(type.isInline && type.isAtom).toBe(true)
    const node = PMNode.fromJSON(schema, doc)
    expect(node.toJSON()).toEqual(doc)
    expect(referencedPassageIds(node.toJSON() as DocNode)).toEqual(['p1', 'gone'])
  })

  it('reads as its quote in plain text, and a deleted passage reads as missing', () => {
    const node = PMNode.fromJSON(schema, doc)
    expect(getText(node, { textSerializers: getTextSerializersFromSchema(schema) })).toBe(
      'See [[“the first phase”]] and [[missing passage]]',
    )
  })

  it('refuses content that is not a passage reference shape (no children allowed)', () => {
    const bad = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'passageRef', attrs: { annotationId: 'p1' }, content: [{ type: 'text', text: 'x' }] },
          ],
        },
      ],
    }
    expect(() => PMNode.fromJSON(schema, bad).check()).toThrow()
  })
})

describe('a note page referencing a deleted passage', () => {
  it('still exports, saying the passage no longer exists', () => {
    const { nb } = notebookWithSource(['Text.'])
    const withNote = { ...nb, notes: [{ id: 'n1', title: 'Study notes', doc, createdAt: AT, updatedAt: AT }] }
    const md = exportNotebook(withNote, 'md')
      .files.map((f) => f.content)
      .join('\n')
    expect(md).toContain('(passage no longer exists)')
  })
})
