// Documents compared by what the editor shows: default attributes, mark order, how text is cut
// into nodes and empty text nodes do not make two documents different.
import type { DocNode } from '../schema'

export function canonicalDoc(node: DocNode): DocNode {
  const attrs: Record<string, unknown> = {}
  if (node.type === 'heading') attrs.level = node.attrs?.level ?? 1
  if (node.type === 'orderedList' && node.attrs?.start !== undefined && node.attrs.start !== 1)
    attrs.start = node.attrs.start
  if (node.type === 'codeBlock' && node.attrs?.language) attrs.language = node.attrs.language
  if (node.type === 'taskItem') attrs.checked = node.attrs?.checked === true
  if (node.type === 'passageRef') attrs.annotationId = node.attrs?.annotationId
  const out: DocNode = { type: node.type }
  if (Object.keys(attrs).length) out.attrs = attrs
  if (node.type === 'text') {
    out.text = node.text
    const marks = (node.marks ?? [])
      .map((m) => (m.type === 'link' ? { type: 'link', attrs: { href: m.attrs?.href } } : { type: m.type }))
      .sort((a, b) => (a.type < b.type ? -1 : 1))
    if (marks.length) out.marks = marks
  }
  const content: DocNode[] = []
  for (const child of node.content ?? []) {
    const c = canonicalDoc(child)
    if (c.type === 'text' && !c.text) continue
    const prev = content[content.length - 1]
    if (c.type === 'text' && prev?.type === 'text' && JSON.stringify(prev.marks) === JSON.stringify(c.marks))
      content[content.length - 1] = { ...prev, text: prev.text! + c.text }
    else content.push(c)
  }
  if (content.length) out.content = content
  return out
}

export const sameDoc = (a: DocNode | null, b: DocNode | null): boolean =>
  a === null || b === null ? a === b : JSON.stringify(canonicalDoc(a)) === JSON.stringify(canonicalDoc(b))
