// Where each text block (paragraph, heading, code block) of a document starts and ends in its
// plain text (shared/plain-text.ts): blocks are joined by one "\n", so block k+1 starts one
// character after block k ends. The export's "¶ n" and the importer both count with this.
import { isTextblockType } from '../../plain-text'
import type { DocNode } from '../../schema'
import { inlineLength } from './blocks'

export function textblockStarts(doc: DocNode): { starts: number[]; ends: number[] } {
  const starts: number[] = []
  const ends: number[] = []
  let pos = 0
  const walk = (node: DocNode): void => {
    if (isTextblockType(node.type)) {
      if (starts.length > 0) pos += 1
      starts.push(pos)
      pos += inlineLength(node.content)
      ends.push(pos)
    } else for (const child of node.content ?? []) walk(child)
  }
  walk(doc)
  return { starts, ends }
}

/** 1-based number of the text block where a passage starting at `at` begins (0 if none). */
export function blockAt(ends: readonly number[], at: number): number {
  let lo = 0
  let hi = ends.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (ends[mid] >= at) hi = mid
    else lo = mid + 1
  }
  return lo < ends.length ? lo + 1 : 0
}

/** Start of the `match`-th copy of `exact` (1-based, overlapping) at or after `from`, or -1. */
export function nthMatch(text: string, exact: string, from: number, match: number): number {
  let i = text.indexOf(exact, from)
  for (let n = 1; i >= 0 && n < match; n++) i = text.indexOf(exact, i + 1)
  return i
}

/** How many copies of `exact` start in [from, at], overlapping ones included; one starts at `at`. */
export function matchNumber(text: string, exact: string, from: number, at: number): number {
  let n = 1
  // Each search stops at `at` at the latest, where the passage's own copy is.
  for (let i = text.indexOf(exact, from); i >= 0 && i < at; i = text.indexOf(exact, i + 1)) n++
  return n
}
