// Random edits of a text, and where each passage should be afterwards: the ground truth the
// re-anchoring benchmark scores against. Offsets are plain-text offsets.
import type { Rng } from './prng'
import { wordSpans } from './source-text'
import type { Vocabulary } from './vocabulary'

export interface Edit {
  at: number
  remove: number
  insert: string
}
export interface Truth {
  start: number
  end: number
  /** intact: the quote is still there, verbatim; edited: an edit cut into it; deleted: its text is gone. */
  state: 'intact' | 'edited' | 'deleted'
}

/** Applies one edit to the text and moves every truth span with it. */
export function applyEdit(text: string, edit: Edit, truths: Truth[]): string {
  const a = edit.at
  const b = edit.at + edit.remove
  const delta = edit.insert.length - edit.remove
  for (const t of truths) {
    if (t.state === 'deleted') continue
    if (b <= t.start) {
      t.start += delta
      t.end += delta
    } else if (a >= t.end) {
      // after the passage: nothing moves
    } else if (a <= t.start && b >= t.end) {
      t.state = 'deleted'
    } else {
      // Cut into: what survives of the passage is its part outside [a, b).
      const start = a < t.start ? a + edit.insert.length : t.start
      const end = b < t.end ? t.end + delta : a
      Object.assign(t, { start, end, state: end > start ? 'edited' : 'deleted' })
    }
  }
  return text.slice(0, a) + edit.insert + text.slice(b)
}

/** An edit a person might make: fix a word, delete a clause, insert or rewrite a sentence. */
export function randomEdit(rng: Rng, v: Vocabulary, text: string): Edit {
  const spans = wordSpans(text)
  const n = spans.length / 2
  const i = rng.int(0, n - 2)
  const x = rng.next()
  if (x < 0.4)
    return { at: spans[i * 2], remove: spans[i * 2 + 1] - spans[i * 2], insert: v.phrase(rng, 1)[0] }
  if (x < 0.6) {
    const j = Math.min(n - 1, i + rng.int(0, 14))
    return { at: spans[i * 2], remove: spans[j * 2 + 1] + 1 - spans[i * 2], insert: '' }
  }
  if (x < 0.85) return { at: spans[i * 2], remove: 0, insert: `${v.sentence(rng)} ` }
  const j = Math.min(n - 1, i + rng.int(2, 19))
  return { at: spans[i * 2], remove: spans[j * 2 + 1] - spans[i * 2], insert: v.sentence(rng).slice(0, -1) }
}

export type Verdict = 'correct' | 'orphaned' | 'wrong'

/** Scores one anchoring result against the truth. */
export function judge(truth: Truth, found: { start: number; end: number } | null): Verdict {
  if (!found) return 'orphaned'
  if (truth.state === 'deleted') return 'wrong'
  if (truth.state === 'intact')
    return found.start === truth.start && found.end === truth.end ? 'correct' : 'wrong'
  const overlap = Math.min(found.end, truth.end) - Math.max(found.start, truth.start)
  return overlap * 2 >= Math.min(found.end - found.start, truth.end - truth.start) ? 'correct' : 'wrong'
}
