// Shared assertions for the import tests: a whitelist walker (types, attrs, structure) and the
// real TipTap StarterKit schema as a second opinion on ProseMirror validity.
import { getSchema } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { expect } from 'vitest'
import type { DocNode } from '../../../src/shared/schema'

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'blockquote',
  'codeBlock',
  'horizontalRule',
])
const INLINE = new Set(['text', 'hardBreak'])
const MARKS = new Set(['bold', 'italic', 'strike', 'code', 'link'])
const schema = getSchema([StarterKit])

export const FORBIDDEN = [
  'script',
  'onerror',
  'onload',
  'javascript:',
  'expression(',
  'vbscript',
  'data:text',
]

/** Throws (via expect) unless `doc` uses only the allowed node/mark types in a valid shape. */
export function assertSafeDoc(doc: DocNode): void {
  expect(doc.type).toBe('doc')
  expect(Object.keys(doc).sort()).toEqual(['content', 'type'])
  doc.content!.forEach(assertBlock)
  // The editor's own schema must accept it too (content expressions, mark exclusions).
  expect(() => schema.nodeFromJSON(doc).check()).not.toThrow()
}

function assertBlock(node: DocNode): void {
  expect(BLOCKS, `block type ${node.type}`).toContain(node.type)
  const attrs = node.attrs ?? {}
  const content = node.content ?? []
  expect(node.text).toBeUndefined()
  expect(node.marks).toBeUndefined()
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      if (node.type === 'heading') expect([1, 2, 3]).toContain(attrs.level)
      else expect(node.attrs).toBeUndefined()
      content.forEach(assertInline)
      return
    case 'codeBlock':
      expect(node.attrs).toBeUndefined()
      content.forEach((t) => expect(Object.keys(t).sort()).toEqual(['text', 'type']))
      content.forEach(assertInline)
      return
    case 'horizontalRule':
      expect(node.attrs).toBeUndefined()
      expect(node.content).toBeUndefined()
      return
    case 'blockquote':
      expect(node.attrs).toBeUndefined()
      expect(content.length).toBeGreaterThan(0)
      return content.forEach(assertBlock)
    default: // bulletList, orderedList
      expect(Object.keys(attrs).filter((k) => k !== 'start')).toEqual([])
      if (node.type === 'bulletList') expect(node.attrs).toBeUndefined()
      expect(content.length).toBeGreaterThan(0)
      for (const item of content) {
        expect(item.type).toBe('listItem')
        expect(item.attrs).toBeUndefined()
        expect(item.content![0].type).toBe('paragraph')
        item.content!.forEach(assertBlock)
      }
  }
}

function assertInline(node: DocNode): void {
  expect(INLINE, `inline type ${node.type}`).toContain(node.type)
  expect(node.attrs).toBeUndefined()
  expect(node.content).toBeUndefined()
  if (node.type === 'hardBreak') return expect(node.marks).toBeUndefined()
  expect(typeof node.text === 'string' && node.text.length > 0, 'text nodes are never empty').toBe(true)
  for (const mark of node.marks ?? []) {
    expect(MARKS, `mark type ${mark.type}`).toContain(mark.type)
    if (mark.type === 'link') {
      expect(Object.keys(mark.attrs ?? {})).toEqual(['href'])
      expect(String(mark.attrs!.href)).toMatch(/^(https?|mailto):/i)
    } else expect(mark.attrs).toBeUndefined()
  }
}

export function assertNoDangerousStrings(value: unknown): void {
  const json = JSON.stringify(value).toLowerCase()
  for (const word of FORBIDDEN) expect(json, `output contains "${word}"`).not.toContain(word)
}
