// Text → Markdown that reads back as exactly that text, in CommonMark + GFM and in Obsidian.
// Escapes are backslashes, chosen by context so ordinary prose stays readable ("a = b" keeps
// its "="); a numeric character reference is used only where no escape exists: a space or tab
// at the edge of a line (CommonMark strips it), a newline or carriage return inside a line.
//
// Always escaped: \ ` * _ [ ] < ~ | $ ^ @  (emphasis, code, links, HTML, strikethrough, tables,
//   Obsidian math and block ids, e-mail autolinks); the `:` of `://` and the `.` of `www.`
//   (GFM turns bare URLs into links); a `!` ending a run (before a link it would make an image).
// Escaped by context: `#` before a non-space (heading, Obsidian tag); `=` and `%` next to
//   another one or at the edge of a run (Obsidian `==highlight==` and `%%comment%%`); `&` that
//   would start a character reference; at the start of a line `>`, `-`, `+`, `=` and `1.`/`1)`
//   (quote, list, setext underline).

export interface TextPosition {
  /** The text starts a line (a paragraph, a list item, or after a hard break). */
  lineStart: boolean
  /** The text ends a line (before a hard break or the end of its block). */
  lineEnd: boolean
  /** Inside a heading, where a trailing `#` would be taken as a closing sequence. */
  heading?: boolean
}

// One pass for the characters escaped anywhere in a line; a callback decides `#`, `=`, `%`.
// `://`, `www.` and `@` would make GFM (and Obsidian) turn a bare URL or address into a link.
const INNER =
  /[\\`*_[\]<~|$^\n\r\u0000@]|#|=+|%+|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)|:(?=\/\/)|(?<=[Ww]{3})\.|!$/g
const NEEDS_INNER = /[\\`*_[\]<~|$^\n\r\u0000#=%&@]|:\/\/|[Ww]{3}\.|!$/

export const entity = (codePoint: number): string => `&#${codePoint};`

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t'

export function escapeText(text: string, at: TextPosition): string {
  if (text === '') return ''
  let out = text
  if (NEEDS_INNER.test(text)) {
    current = text
    currentAt = at
    out = text.replace(INNER, inner)
  }
  if (at.lineEnd && isBlank(out[out.length - 1]) && !(out.length === 1 && at.lineStart))
    out = out.slice(0, -1) + entity(out.charCodeAt(out.length - 1))
  if (at.lineStart) {
    const c = out[0]
    if (isBlank(c)) out = entity(c.charCodeAt(0)) + out.slice(1)
    else if (c === '>' || c === '-' || (c === '+' && (out.length === 1 || isBlank(out[1])))) out = '\\' + out
    else if (c >= '0' && c <= '9') out = out.replace(/^([0-9]{1,9})([.)])(?=[ \t]|$)/, '$1\\$2')
  }
  return out
}

// The text being escaped, for `inner` (a shared replacer: no closure per call on a hot path).
let current = ''
let currentAt: TextPosition = { lineStart: false, lineEnd: false }

function inner(m: string, offset: number): string {
  const text = current
  const at = currentAt
  const c = m[0]
  if (c === '\n' || c === '\r') return entity(c.charCodeAt(0))
  if (c === '\u0000') return '\uFFFD' // CommonMark replaces NUL; write what a reader will get
  if (c === '#') {
    const next = text[offset + 1]
    // "# " mid-line is plain; before a non-space it could start an Obsidian tag or a heading.
    return at.heading || offset === 0 || next === undefined || !isBlank(next) ? '\\#' : '#'
  }
  if (c === '=' || c === '%') {
    // Two in a row (==, %%) are Obsidian syntax; one at a run's edge could meet another.
    const edge = offset === 0 || offset + m.length === text.length
    return m.length > 1 || edge ? m.replace(/./g, '\\$&') : m
  }
  return '\\' + c
}

/** A YAML double-quoted scalar: reads back as the same string under YAML 1.1 and 1.2. */
export function yamlString(value: string): string {
  let out = '"'
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    const c = value[i]
    if (c === '"' || c === '\\') out += '\\' + c
    else if (code === 0x0a) out += '\\n'
    else if (code === 0x09) out += '\\t'
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029)
      out += '\\u' + code.toString(16).padStart(4, '0')
    else if (code === 0xfeff || code === 0xfffe || code === 0xffff)
      out += '\\u' + code.toString(16).padStart(4, '0')
    else if (code >= 0xd800 && code <= 0xdbff) {
      const low = value.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) out += c + value[++i]
      else out += '\\u' + code.toString(16) // a lone surrogate cannot be written as UTF-8
    } else if (code >= 0xdc00 && code <= 0xdfff) out += '\\u' + code.toString(16)
    else out += c
  }
  return out + '"'
}

/** Unicode punctuation or symbol, as CommonMark's flanking rules classify a character. */
export const isPunctuation = (c: string): boolean => /^[\p{P}\p{S}]$/u.test(c)
/** Unicode whitespace as CommonMark means it (Zs plus tab, line feed, form feed, carriage return). */
export const isWhitespace = (c: string): boolean => /^[\p{Zs}\t\n\f\r]$/u.test(c)
