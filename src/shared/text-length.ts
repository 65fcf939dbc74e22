// A text's length as the schema limits it. Zod's string `.max()` counts code points (an emoji is
// one, not the two UTF-16 units `.length` and an input's `maxLength` count), so every check and
// counter that stands for a schema limit counts the same way.
export function codePoints(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

let graphemes: Intl.Segmenter | undefined // made on first use: this module is in the window's first chunk

/**
 * The longest start of `text` made of whole characters as a reader sees them (grapheme clusters:
 * a flag, a ZWJ family, a letter with its accents) that has at most `max` code points.
 */
export function graphemePrefix(text: string, max: number): string {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  let end = 0
  let used = 0
  for (const { segment, index } of graphemes.segment(text)) {
    used += codePoints(segment)
    if (used > max) break
    end = index + segment.length
  }
  return text.slice(0, end)
}
