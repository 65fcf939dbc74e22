// Synthetic source documents: paragraphs of generated sentences with the odd heading, as
// TipTap JSON, plus their plain text (what selectors index into) and its hash.
import { plainText, textHash } from '../src/shared/plain-text'
import type { DocNode } from '../src/shared/schema'
import type { Rng } from './prng'
import type { Vocabulary } from './vocabulary'

export function makeSourceDoc(
  rng: Rng,
  v: Vocabulary,
  words: number,
): { doc: DocNode; text: string; hash: string } {
  const content: DocNode[] = []
  let count = 0
  while (count < words) {
    if (content.length > 0 && rng.chance(0.08)) {
      const heading = v.phrase(rng, rng.int(2, 5)).join(' ')
      content.push({
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: heading[0].toUpperCase() + heading.slice(1) }],
      })
    }
    const paragraph = v.paragraph(rng)
    count += paragraph.split(' ').length
    content.push({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] })
  }
  const doc: DocNode = { type: 'doc', content }
  const text = plainText(doc)
  return { doc, text, hash: textHash(text) }
}

/** [start, end) of every word (letters and digits, inner punctuation kept) in `text`. */
export function wordSpans(text: string): Int32Array {
  const spans: number[] = []
  const re = /[\p{L}\p{N}](?:[\p{L}\p{N}'’,-]*[\p{L}\p{N}])?/gu
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push(m.index, m.index + m[0].length)
  return Int32Array.from(spans)
}
