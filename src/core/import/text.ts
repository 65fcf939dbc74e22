// Plain text: paragraphs are separated by blank lines, a single newline is a line break inside
// a paragraph. Text is otherwise kept verbatim (no whitespace collapsing): what the user pasted
// is what selectors index into.
import type { DocNode } from '@shared/schema'

export function textToDoc(content: string): DocNode {
  const normalized = content.replace(/\r\n?/g, '\n')
  const paragraphs: DocNode[] = []
  // A line holding only spaces or tabs counts as blank: it looks blank to the user.
  for (const chunk of normalized.split(/\n(?:[ \t]*\n)+/)) {
    if (!chunk.trim()) continue
    const lines = chunk.replace(/^(?:[ \t]*\n)+|(?:\n[ \t]*)+$/g, '').split('\n')
    const content: DocNode[] = []
    lines.forEach((line, i) => {
      if (i > 0) content.push({ type: 'hardBreak' })
      if (line) content.push({ type: 'text', text: line })
    })
    paragraphs.push({ type: 'paragraph', content })
  }
  return { type: 'doc', content: paragraphs }
}
