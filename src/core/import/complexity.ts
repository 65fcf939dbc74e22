// A cheap look at Markdown before parsing, to refuse at once what the parser would chew on for
// minutes. micromark matches emphasis and link brackets by scanning back over the openers still
// unmatched in the same paragraph, so its time grows with the square of their number: 40,000
// unmatched `*_` took 35 s, 80,000 `[` 3.6 s (28 s on a slower machine), while a legitimate
// 1 MB document with thousands of links and emphases in separate paragraphs takes about 2 s.
// The import worker's time budget is the guarantee; this only makes the common attack fast.
import { tooComplex } from './import-error'

/** No paragraph of real prose comes near this; 10,000 unmatched `*_` parse in about 0.5 s. */
export const MAX_MARKS_PER_PARAGRAPH = 10_000

/** A line that starts a new block, hence a new run of inline parsing: blank, list item, table
 * row, heading or quote. Tables and tight lists are long but cheap, so they must reset. */
const BLOCK_START = /^[ \t]*$|^ {0,3}(?:[-+*][ \t]|\d{1,9}[.)][ \t]|\||#|>)/
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const WORD = /[\p{L}\p{N}]/u

/** Throws `import/too-complex` when one paragraph holds more emphasis or bracket marks than
 * MAX_MARKS_PER_PARAGRAPH. Linear in the input; paragraphs are approximated by lines. */
export function checkMarkdownComplexity(content: string, fileName?: string): void {
  let marks = 0
  let fence: string | null = null
  for (let start = 0; start <= content.length;) {
    const newline = content.indexOf('\n', start)
    const end = newline < 0 ? content.length : newline
    const line = content.slice(start, end)
    start = end + 1
    // Code is not parsed for marks: minified code in a fence may hold any number of brackets.
    const marker = FENCE.exec(line)?.[1]
    if (fence) {
      const closes =
        marker?.[0] === fence[0] && marker.length >= fence.length && !line.trim().slice(marker.length)
      if (closes) fence = null
      continue
    }
    if (marker) {
      fence = marker
      marks = 0
      continue
    }
    if (BLOCK_START.test(line)) marks = 0
    marks += marksIn(line)
    if (marks > MAX_MARKS_PER_PARAGRAPH)
      throw tooComplex(
        fileName,
        `one paragraph holds more than ${MAX_MARKS_PER_PARAGRAPH.toLocaleString('en-US')} emphasis or link marks (*, _, ~, [)`,
      )
  }
}

/** Opening brackets plus runs of `*`, `~` and `_` (an `_` inside a word, as in snake_case, can
 * neither open nor close emphasis, so the parser does not scan for it). */
function marksIn(line: string): number {
  let marks = 0
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '[') marks++
    if (c !== '*' && c !== '~' && c !== '_') continue
    let end = i
    while (line[end + 1] === c) end++
    const intraword = c === '_' && WORD.test(line[i - 1] ?? '') && WORD.test(line[end + 1] ?? '')
    if (!intraword) marks++
    i = end
  }
  return marks
}
