// Folding names for matching: case, accents and Arabic hamza forms do not matter, so
// "Hareer", "HAREER" and "Harír" meet, as do "عين الأسد" and "عين الاسد", and "al-Asad" and
// "al Asad". `foldWithMap` keeps where each folded character came from, to mark the original text.

/** Arabic letter forms folded to one (exported for the reference algorithm in its test). */
export const ARABIC: Readonly<Record<string, string>> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ؤ: 'و',
  ئ: 'ي',
  ى: 'ي',
  ة: 'ه',
  ء: '',
  ـ: '', // tatweel
}
/** Transliteration marks for ʿayn and hamza, and apostrophes used for them. */
const MARKS = /[ʿʾʼʻ'’‘`´]/u
const COMBINING = /\p{M}/gu
const DASHES = /[-‐‑‒–—_]/u

function foldSlow(ch: string): string {
  if (ch in ARABIC) return ARABIC[ch]
  if (MARKS.test(ch)) return ''
  if (DASHES.test(ch) || /\s/u.test(ch)) return ' '
  return ch.normalize('NFD').replace(COMBINING, '').toLowerCase()
}

// Folding runs over every passage of a notebook (exports name the entities of 20,000 passages):
// letters and digits of ASCII take a fast path, anything else is folded once and remembered.
const folds = new Map<string, string>()
function foldChar(ch: string): string {
  const c = ch.charCodeAt(0)
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return ch
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32)
  if (c === 0x20) return ' '
  let f = folds.get(ch)
  if (f === undefined) {
    f = foldSlow(ch)
    if (folds.size < 10_000) folds.set(ch, f)
  }
  return f
}

/** The folded text and, for each folded character, the index of the character it came from. */
export function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = ''
  const from: number[] = []
  let i = 0
  for (const ch of text) {
    // A possessive ("coalition’s") ends the name before it; other apostrophes mark hamza or ʿayn.
    const possessive = (ch === "'" || ch === '’') && /^s(?![\p{L}\p{N}])/u.test(text.slice(i + 1, i + 3))
    const f = possessive ? ' ' : foldChar(ch)
    // Runs of spaces fold to one, so "al -  Asad" still meets "al Asad".
    if (f.length === 1) {
      if (f !== ' ' || !folded.endsWith(' ')) {
        folded += f
        from.push(i)
      }
    } else
      for (const c of f) {
        if (c === ' ' && folded.endsWith(' ')) continue
        folded += c
        from.push(i)
      }
    i += ch.length
  }
  from.push(text.length)
  return { folded, from }
}

/** A name folded for comparison (trimmed, spaces collapsed). */
export function foldName(name: string): string {
  return foldWithMap(name).folded.trim()
}
