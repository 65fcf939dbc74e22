// The plain text of a document: what selectors index into. Text nodes are concatenated, a
// hard break is "\n", and consecutive text blocks are separated by "\n". The renderer walks
// ProseMirror nodes with the same rule (renderer/src/editor/text-map.ts); a unit test keeps
// the two in step.
import type { DocNode } from './schema'

export function plainText(doc: DocNode): string {
  const parts: string[] = []
  let seenBlock = false
  const walk = (node: DocNode): void => {
    if (node.type === 'text') {
      parts.push(node.text ?? '')
      return
    }
    if (node.type === 'hardBreak') {
      parts.push('\n')
      return
    }
    const children = node.content ?? []
    const isTextblock = isTextblockType(node.type)
    if (isTextblock) {
      if (seenBlock) parts.push('\n')
      seenBlock = true
    }
    for (const child of children) walk(child)
  }
  walk(doc)
  return parts.join('')
}

const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock'])
export function isTextblockType(type: string): boolean {
  return TEXTBLOCKS.has(type)
}

/** cyrb53: a fast 53-bit string hash, the same in Node and the browser. Not for security. */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
}

/** A document of paragraphs, one per string (used for the seed and for pasted text). */
export function docFromParagraphs(paragraphs: string[]): DocNode {
  return {
    type: 'doc',
    content: paragraphs.map((p) =>
      p.length > 0 ? { type: 'paragraph', content: [{ type: 'text', text: p }] } : { type: 'paragraph' },
    ),
  }
}
