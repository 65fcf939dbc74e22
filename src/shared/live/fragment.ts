// Note bodies as Y.XmlFragments, in the encoding y-prosemirror and TipTap's y-tiptap use, so
// an editor bound with TipTap's Collaboration extension edits the same fragment: an element per
// node named by its type, node attributes as XML attributes, and runs of text as one Y.XmlText
// whose formatting attributes are the marks ({ bold: {}, link: { href } }). No ProseMirror
// schema is needed: documents stay structural, as in the notebook file.
import * as Y from 'yjs'
import { GlossaError } from '../errors'
import type { DocNode } from '../schema'

type Mark = NonNullable<DocNode['marks']>[number]
type Child = Y.XmlElement | Y.XmlText
/** A fragment's child as the notebook holds it: an element node, or a run of text nodes. */
type Part = { kind: 'element'; node: DocNode } | { kind: 'text'; nodes: DocNode[] }

/** Deeper than any note the editor makes (lists in lists about 20 levels), far from the stack's limit. */
export const MAX_FRAGMENT_DEPTH = 200

/** The document a fragment holds (a "doc" node), as TipTap's getJSON() would give it. */
export function fragmentToDoc(fragment: Y.XmlFragment): DocNode {
  const content = childrenToNodes(fragment.toArray() as Child[], 1)
  return content.length ? { type: 'doc', content } : { type: 'doc' }
}

/** Fills an empty fragment (not yet in a document, or just created) with a document's content. */
export function fillFragment(fragment: Y.XmlFragment, doc: DocNode): void {
  fragment.insert(0, partsOf(doc.content ?? []).map(toChild))
}

/**
 * Changes a fragment's content to `doc` with the fewest edits: blocks equal at both ends are
 * kept, changed blocks of one type are updated inside (down to the characters typed), the rest
 * replaced. Small edits are what merge with someone else's typing in the same note.
 */
export function updateFragment(fragment: Y.XmlFragment, doc: DocNode): void {
  updateChildren(fragment, partsOf(doc.content ?? []))
}

function childrenToNodes(children: readonly Child[], depth: number): DocNode[] {
  if (depth > MAX_FRAGMENT_DEPTH)
    throw new GlossaError('live/too-deep', `A note is nested more than ${MAX_FRAGMENT_DEPTH} levels deep.`)
  return children.flatMap((child) =>
    child instanceof Y.XmlText ? textNodes(child) : [element(child, depth)],
  )
}

function element(el: Y.XmlElement, depth: number): DocNode {
  const node: DocNode = { type: el.nodeName }
  const attrs = el.getAttributes() as Record<string, unknown>
  if (Object.keys(attrs).length) node.attrs = attrs
  const content = childrenToNodes(el.toArray() as Child[], depth + 1)
  if (content.length) node.content = content
  return node
}

function textNodes(text: Y.XmlText): DocNode[] {
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]
  return delta.flatMap((d) => {
    if (typeof d.insert !== 'string' || d.insert.length === 0) return []
    const node: DocNode = { type: 'text', text: d.insert }
    const marks = marksOf(d.attributes)
    if (marks.length) node.marks = marks
    return [node]
  })
}

/** Formatting attributes back to marks; "type--n" keys (a mark type held twice) lose the suffix. */
function marksOf(attributes: Record<string, unknown> | undefined): Mark[] {
  return Object.entries(attributes ?? {}).map(([key, value]) => {
    const mark: Mark = { type: key.replace(/--.*$/, '') }
    if (value && typeof value === 'object' && Object.keys(value).length)
      mark.attrs = value as Record<string, unknown>
    return mark
  })
}

function attributesOf(marks: readonly Mark[] | undefined): Record<string, unknown> {
  const attributes: Record<string, unknown> = {}
  for (const mark of marks ?? []) {
    let key = mark.type
    for (let n = 2; key in attributes; n++) key = `${mark.type}--${n}`
    attributes[key] = mark.attrs ?? {}
  }
  return attributes
}

function partsOf(nodes: readonly DocNode[]): Part[] {
  const parts: Part[] = []
  for (const node of nodes) {
    if (node.type !== 'text') parts.push({ kind: 'element', node })
    else if (!node.text) continue
    else if (parts.at(-1)?.kind === 'text') (parts.at(-1) as { nodes: DocNode[] }).nodes.push(node)
    else parts.push({ kind: 'text', nodes: [node] })
  }
  return parts
}

function toChild(part: Part): Child {
  if (part.kind === 'text') {
    const text = new Y.XmlText()
    text.applyDelta(part.nodes.map((n) => ({ insert: n.text ?? '', attributes: attributesOf(n.marks) })))
    return text
  }
  const el = new Y.XmlElement(part.node.type)
  for (const [key, value] of Object.entries(part.node.attrs ?? {}))
    if (value !== undefined) el.setAttribute(key, value as string)
  el.insert(0, partsOf(part.node.content ?? []).map(toChild))
  return el
}

/** The run of characters a text part or Y.XmlText holds, each with its marks as a comparable key. */
interface Run {
  text: string
  keys: string[]
  attrs: Record<string, unknown>[]
}
function runOf(nodes: readonly { text: string; attributes: Record<string, unknown> }[]): Run {
  const run: Run = { text: '', keys: [], attrs: [] }
  for (const n of nodes) {
    const key = JSON.stringify(n.attributes)
    run.text += n.text
    for (let i = 0; i < n.text.length; i++) {
      run.keys.push(key)
      run.attrs.push(n.attributes)
    }
  }
  return run
}
const partRun = (nodes: readonly DocNode[]) =>
  runOf(nodes.map((n) => ({ text: n.text ?? '', attributes: attributesOf(n.marks) })))
const yRun = (text: Y.XmlText) =>
  runOf(
    (text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[])
      .filter((d) => typeof d.insert === 'string')
      .map((d) => ({ text: d.insert as string, attributes: d.attributes ?? {} })),
  )

function sameKind(child: Child, part: Part): boolean {
  return part.kind === 'text'
    ? child instanceof Y.XmlText
    : child instanceof Y.XmlElement && child.nodeName === part.node.type
}

function equal(child: Child, part: Part): boolean {
  if (!sameKind(child, part)) return false
  if (child instanceof Y.XmlText)
    return (
      JSON.stringify(textNodes(child)) === JSON.stringify((part as { nodes: DocNode[] }).nodes.map(cleanText))
    )
  return (
    JSON.stringify(element(child as Y.XmlElement, 1)) ===
    JSON.stringify(cleanElement((part as { node: DocNode }).node))
  )
}
/** A node as it reads back from a fragment (empty attrs and content left out), for comparison. */
function cleanText(n: DocNode): DocNode {
  const node: DocNode = { type: 'text', text: n.text }
  if (n.marks?.length) node.marks = marksOf(attributesOf(n.marks))
  return node
}
function cleanElement(n: DocNode): DocNode {
  const node: DocNode = { type: n.type }
  const attrs = Object.fromEntries(Object.entries(n.attrs ?? {}).filter(([, v]) => v !== undefined))
  if (Object.keys(attrs).length) node.attrs = attrs
  const content = (n.content ?? []).filter((c) => c.type !== 'text' || c.text)
  if (content.length) node.content = content.map((c) => (c.type === 'text' ? cleanText(c) : cleanElement(c)))
  return node
}

function updateChildren(parent: Y.XmlFragment | Y.XmlElement, parts: Part[]): void {
  const children = parent.toArray() as Child[]
  let start = 0
  while (start < children.length && start < parts.length && equal(children[start], parts[start])) start++
  let endOld = children.length
  let endNew = parts.length
  while (endOld > start && endNew > start && equal(children[endOld - 1], parts[endNew - 1])) {
    endOld--
    endNew--
  }
  // Pair the changed blocks in order: one of the same kind is updated inside, others replaced.
  const paired = Math.min(endOld - start, endNew - start)
  for (let i = 0; i < paired; i++) {
    const child = children[start + i]
    const part = parts[start + i]
    if (sameKind(child, part)) updateChild(child, part)
    else {
      parent.delete(start + i, 1)
      parent.insert(start + i, [toChild(part)])
    }
  }
  const at = start + paired
  if (endOld - start > paired) parent.delete(at, endOld - start - paired)
  if (endNew - start > paired) parent.insert(at, parts.slice(at, endNew).map(toChild))
}

function updateChild(child: Child, part: Part): void {
  if (child instanceof Y.XmlText) return updateText(child, partRun((part as { nodes: DocNode[] }).nodes))
  const node = (part as { node: DocNode }).node
  const el = child as Y.XmlElement
  const attrs = el.getAttributes() as Record<string, unknown>
  const next = node.attrs ?? {}
  for (const key of Object.keys(attrs)) if (next[key] === undefined) el.removeAttribute(key)
  for (const [key, value] of Object.entries(next))
    if (value !== undefined && JSON.stringify(attrs[key]) !== JSON.stringify(value))
      el.setAttribute(key, value as string)
  updateChildren(el, partsOf(node.content ?? []))
}

/** Character-level: keeps the common prefix and suffix (same characters, same marks), rewrites the middle. */
function updateText(text: Y.XmlText, next: Run): void {
  const old = yRun(text)
  let start = 0
  const max = Math.min(old.text.length, next.text.length)
  while (start < max && old.text[start] === next.text[start] && old.keys[start] === next.keys[start]) start++
  let endOld = old.text.length
  let endNew = next.text.length
  while (
    endOld > start &&
    endNew > start &&
    old.text[endOld - 1] === next.text[endNew - 1] &&
    old.keys[endOld - 1] === next.keys[endNew - 1]
  ) {
    endOld--
    endNew--
  }
  if (endOld > start) text.delete(start, endOld - start)
  // Insert the new middle run by run, each with exactly its marks (an explicit, possibly empty,
  // attribute object: without one Yjs would carry over the formatting of the text before it).
  let i = start
  while (i < endNew) {
    let j = i + 1
    while (j < endNew && next.keys[j] === next.keys[i]) j++
    text.insert(i, next.text.slice(i, j), { ...next.attrs[i] })
    i = j
  }
}
