// Note bodies as Y.XmlFragments: round trip, TipTap's encoding (so the Collaboration extension
// edits the same fragment), and updates small enough that concurrent typing merges by character.
import { getSchema } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fillFragment, fragmentToDoc, updateFragment } from '../../../src/shared/live/fragment'
import { docFromParagraphs } from '../../../src/shared/plain-text'
import type { DocNode } from '../../../src/shared/schema'

const rich: DocNode = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Troops leave ' },
        { type: 'text', text: 'Ain al-Asad', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' by ' },
        {
          type: 'text',
          text: 'September',
          marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.org' } }],
        },
        { type: 'hardBreak' },
        { type: 'text', text: '2025.' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph' }] },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Phase two' }] },
  ],
}

function fragmentOf(doc: DocNode): { ydoc: Y.Doc; fragment: Y.XmlFragment } {
  const ydoc = new Y.Doc()
  const fragment = ydoc.getXmlFragment('note')
  fillFragment(fragment, doc)
  return { ydoc, fragment }
}

describe('note bodies as Y.XmlFragments', () => {
  it('round-trips a document with marks, attributes, hard breaks and nested lists', () => {
    expect(fragmentToDoc(fragmentOf(rich).fragment)).toEqual(rich)
    expect(fragmentToDoc(fragmentOf({ type: 'doc' }).fragment)).toEqual({ type: 'doc' })
  })

  it('writes what TipTap’s y-tiptap writes, and reads what it reads', () => {
    const schema = getSchema([StarterKit])
    const ydoc = new Y.Doc()
    const theirs = prosemirrorJSONToYXmlFragment(schema, rich, ydoc.getXmlFragment('theirs'))
    // TipTap fills default attributes; compare through its own reader.
    const viaTiptap = yXmlFragmentToProseMirrorRootNode(theirs, schema).toJSON()
    const ours = fragmentOf(rich).fragment
    expect(yXmlFragmentToProseMirrorRootNode(ours, schema).toJSON()).toEqual(viaTiptap)
    expect(schema.nodeFromJSON(fragmentToDoc(theirs)).toJSON()).toEqual(viaTiptap)
  })

  it('updates a fragment to any document', () => {
    const paragraphs = fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 })
    fc.assert(
      fc.property(paragraphs, paragraphs, (a, b) => {
        const { fragment } = fragmentOf(docFromParagraphs(a))
        updateFragment(fragment, docFromParagraphs(b))
        expect(fragmentToDoc(fragment)).toEqual(fragmentToDoc(fragmentOf(docFromParagraphs(b)).fragment))
      }),
      { numRuns: 300 },
    )
    const { fragment } = fragmentOf(docFromParagraphs(['plain']))
    updateFragment(fragment, rich)
    expect(fragmentToDoc(fragment)).toEqual(rich)
    updateFragment(fragment, docFromParagraphs(['plain again']))
    expect(fragmentToDoc(fragment)).toEqual(docFromParagraphs(['plain again']))
  })

  it('merges two people typing in one paragraph by character', () => {
    const { ydoc: a, fragment: fa } = fragmentOf(docFromParagraphs(['Troops leave base.']))
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const fb = b.getXmlFragment('note')
    updateFragment(fa, docFromParagraphs(['All troops leave base.']))
    updateFragment(fb, docFromParagraphs(['Troops leave Harir base.']))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(fragmentToDoc(fa)).toEqual(docFromParagraphs(['All troops leave Harir base.']))
    expect(fragmentToDoc(fb)).toEqual(fragmentToDoc(fa))
  })

  it('a mark added on one side and text typed on the other both survive', () => {
    const { ydoc: a, fragment: fa } = fragmentOf(docFromParagraphs(['Harir base']))
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const bold: DocNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Harir', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' base' },
          ],
        },
      ],
    }
    updateFragment(fa, bold)
    updateFragment(b.getXmlFragment('note'), docFromParagraphs(['Harir base, Erbil']))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(fragmentToDoc(fa)).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Harir', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' base, Erbil' },
          ],
        },
      ],
    })
  })

  it('refuses a fragment nested deeper than any note', () => {
    let node: DocNode = { type: 'paragraph' }
    for (let i = 0; i < 250; i++) node = { type: 'blockquote', content: [node] }
    const { fragment } = fragmentOf({ type: 'doc', content: [node] })
    expect(() => fragmentToDoc(fragment)).toThrow(/nested more than/)
  })
})
