// Maps between plain-text offsets (what selectors index into, see shared/plain-text.ts) and
// ProseMirror positions, walking the document with the same rule as plainText().
import type { Node as PMNode } from '@tiptap/pm/model'
import { isTextblockType } from '@shared/plain-text'

/**
 * A run of plain text and where it lives in the document. `pos` is the document position of
 * the run's first character: for text and hard breaks, the node's position; for the "\n"
 * separating two blocks, the start of the next block's content (the "\n" sits just before it).
 */
interface Segment {
  offset: number
  pos: number
  length: number
  kind: 'text' | 'break' | 'sep'
}
export interface TextMap {
  text: string
  segments: Segment[]
}

export function buildTextMap(doc: PMNode): TextMap {
  const parts: string[] = []
  const segments: Segment[] = []
  let offset = 0
  let seenBlock = false
  const push = (text: string, pos: number, kind: Segment['kind']) => {
    segments.push({ offset, pos, length: text.length, kind })
    parts.push(text)
    offset += text.length
  }
  doc.descendants((node, pos) => {
    if (node.isText) {
      push(node.text ?? '', pos, 'text')
      return false
    }
    if (node.type.name === 'hardBreak') {
      push('\n', pos, 'break')
      return false
    }
    if (isTextblockType(node.type.name)) {
      if (seenBlock) push('\n', pos + 1, 'sep')
      seenBlock = true
    }
    return true
  })
  return { text: parts.join(''), segments }
}

/**
 * The document position of a plain-text offset. At a boundary between two runs, a range's
 * start goes into the later run and its end stays in the earlier one, so a highlight never
 * spills into a neighbouring block.
 */
export function posAtOffset(map: TextMap, offset: number, side: 'start' | 'end' = 'start'): number {
  const { segments } = map
  if (segments.length === 0) return 1
  let lo = 0
  let hi = segments.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    const s = segments[mid]
    if (side === 'start' ? s.offset <= offset : s.offset < offset) lo = mid
    else hi = mid - 1
  }
  const seg = segments[lo]
  const within = Math.max(0, Math.min(offset - seg.offset, seg.length))
  if (seg.kind === 'sep') return seg.pos // before or after the "\n": the next block's start
  return seg.pos + within
}

/** The plain-text offset of a document position (clamped to the nearest run before it). */
export function offsetAtPos(map: TextMap, pos: number): number {
  const { segments } = map
  let best = 0
  let lo = 0
  let hi = segments.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const seg = segments[mid]
    if (seg.pos <= pos) {
      best = seg.kind === 'sep' ? seg.offset + 1 : seg.offset + Math.min(pos - seg.pos, seg.length)
      lo = mid + 1
    } else hi = mid - 1
  }
  return best
}
