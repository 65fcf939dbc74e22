// The words around a found date that make it readable on its own on a timeline: its clause
// ("the first phase, expected to run through September 2025"), within its sentence, at most
// `max` characters. Also the stretch of source text that "Mark as passage" takes.

export interface Span {
  start: number
  end: number
  text: string
  /** The span starts or ends inside its sentence (a label shows "…" there). */
  cut?: { start: boolean; end: boolean }
}

const CLAUSE_BREAK = /[,;:—–]\s+|\s+[—–]\s+/g

function sentenceAround(text: string, start: number, end: number): [number, number] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
  for (const s of segmenter.segment(text)) {
    const stop = s.index + s.segment.length
    if (s.index <= start && stop >= end) return [s.index, stop]
    if (s.index > end) break
  }
  return [start, end]
}

export function clauseAround(text: string, start: number, end: number, max = 90): Span {
  const [sStart, sEnd] = sentenceAround(text, start, end)
  // Clauses of the sentence as [start, end) pairs.
  const clauses: [number, number][] = []
  let at = sStart
  const sentence = text.slice(sStart, sEnd)
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    clauses.push([at, sStart + m.index])
    at = sStart + m.index + m[0].length
  }
  clauses.push([at, sEnd])
  let i = clauses.findIndex(([a, b]) => a <= start && b >= start)
  if (i < 0) i = 0
  let j = i
  while (clauses[j][1] < end && j + 1 < clauses.length) j++
  let [from, to] = [clauses[i][0], clauses[j][1]]
  // Earlier clauses first: they usually say what the date is about ("the first phase, …").
  while (i > 0 && to - clauses[i - 1][0] <= max) from = clauses[--i][0]
  while (j + 1 < clauses.length && clauses[j + 1][1] - from <= max) to = clauses[++j][1]
  if (to - from > max) [from, to] = wordWindow(text, from, to, start, end, max)
  // No trailing punctuation or spaces.
  while (to > from && /[\s.,;:!?]/.test(text[to - 1])) to--
  while (from < to && /\s/.test(text[from])) from++
  const cut = { start: from > sStart, end: to < sEnd - 1 && !/^[\s.!?]*$/.test(text.slice(to, sEnd)) }
  return { start: from, end: to, text: text.slice(from, to), cut }
}

/** Whole words around [start, end) within [from, to), growing both ways up to `max` characters. */
function wordWindow(
  text: string,
  from: number,
  to: number,
  start: number,
  end: number,
  max: number,
): [number, number] {
  let a = start
  let b = end
  for (let grew = true; grew;) {
    grew = false
    const left = text.lastIndexOf(' ', a - 2) + 1
    if (a > from && left >= from && b - left <= max) {
      a = left
      grew = true
    }
    const space = text.indexOf(' ', b + 1)
    const right = space < 0 || space > to ? to : space
    if (b < to && right - a <= max) {
      b = right
      grew = true
    }
  }
  return [a, b]
}
