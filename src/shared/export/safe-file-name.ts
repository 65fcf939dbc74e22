// A title → a file name that is valid on Windows, macOS and Linux, links cleanly from
// Obsidian, and is unique (case-insensitively, as on Windows and macOS) among `taken`.

const MAX_CHARS = 100
/** Most file systems cap a name at 255 bytes; leave room for an extension and temp suffixes. */
const MAX_BYTES = 200
// Windows-illegal (<>:"/\|?*), control characters, and what breaks an Obsidian link (#^[] and
// the backtick of a code span; `%%` would open an Obsidian comment).
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*#^[\]`]|%(?=%)/g
// Device names, also with an extension ("con.txt"); superscript digits count on Windows.
const RESERVED = /^(?:con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i

const utf8Length = (s: string): number => new TextEncoder().encode(s).length

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** Cut on grapheme boundaries so an emoji or accented letter is never split. */
function truncate(s: string, maxChars: number, maxBytes: number): string {
  if (s.length <= maxChars && utf8Length(s) <= maxBytes) return s
  let out = ''
  for (const { segment } of graphemes.segment(s)) {
    const next = out + segment
    if (next.length > maxChars || utf8Length(next) > maxBytes) break
    out = next
  }
  return out
}

// Windows silently drops trailing dots and spaces; a leading dot hides the file on Unix.
const trimEnds = (s: string): string => s.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '')

/**
 * A safe, unique file name (without extension) for `title`. `taken` holds the lower-cased
 * names already used in the same folder; the result is added to it.
 */
export function safeFileName(title: string, taken: Set<string>): string {
  let name = trimEnds(title.normalize('NFC').replace(/\s+/g, ' ').replace(UNSAFE, '-'))
  name = trimEnds(truncate(name, MAX_CHARS, MAX_BYTES))
  if (name === '') name = 'Untitled'
  const stem = name.split('.')[0]
  if (RESERVED.test(stem)) name = truncate(stem + '_' + name.slice(stem.length), MAX_CHARS, MAX_BYTES)
  let candidate = name
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`
    candidate = trimEnds(truncate(name, MAX_CHARS - suffix.length, MAX_BYTES - suffix.length)) + suffix
  }
  taken.add(candidate.toLowerCase())
  return candidate
}
