// A text's length as the schema limits it. Zod's string `.max()` counts code points (an emoji is
// one, not the two UTF-16 units `.length` and an input's `maxLength` count), so every check and
// counter that stands for a schema limit counts the same way.
export function codePoints(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}
