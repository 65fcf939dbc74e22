import { getSchema } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { Node as PMNode } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { buildTextMap, offsetAtPos, posAtOffset } from '../../src/renderer/src/editor/text-map'
import { plainText } from '../../src/shared/plain-text'
import type { DocNode } from '../../src/shared/schema'

const schema = getSchema([StarterKit])
const doc: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Phase one' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Troops leave ' },
        { type: 'text', text: 'Ain al-Asad', marks: [{ type: 'bold' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'for Hareer.' },
      ],
    },
    { type: 'paragraph' },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Second phase until 2026' }] }],
        },
      ],
    },
  ],
}

describe('text map', () => {
  const node = PMNode.fromJSON(schema, doc)
  const map = buildTextMap(node)

  it('produces exactly the shared plain text', () => {
    expect(map.text).toBe(plainText(doc))
  })

  it('maps every word range to the same text in the document', () => {
    for (const word of [
      'Phase one',
      'Troops leave Ain',
      'Ain al-Asad',
      'for Hareer.',
      'Second phase until 2026',
      'al-Asad\nfor',
    ]) {
      const start = map.text.indexOf(word)
      const from = posAtOffset(map, start, 'start')
      const to = posAtOffset(map, start + word.length, 'end')
      expect(node.textBetween(from, to, '\n', '\n'), word).toBe(word)
      expect(offsetAtPos(map, from)).toBe(start)
      expect(offsetAtPos(map, to)).toBe(start + word.length)
    }
  })

  it('maps a range spanning blocks', () => {
    const start = map.text.indexOf('one')
    const end = map.text.indexOf('leave') + 5
    const from = posAtOffset(map, start, 'start')
    const to = posAtOffset(map, end, 'end')
    expect(node.textBetween(from, to, '\n')).toBe('one\nTroops leave')
  })
})
