// Folding for matching what people type against what sources spell: case, accents and the
// marks of transliterated Arabic ("Ḥarīr", "ʿAin al-Asad", "Baʾath") do not stop a match, so
// "harir", "ain al asad" and "baath" find them. Used by the search index (per term) and by
// the passage pickers (whole strings).

/** Hamza and ʿayn as written in Latin transliteration, apostrophes, and the Arabic hamza. */
const HAMZA_AYN = /[\u02BC\u02BE\u02BF\u02BB\u2018\u2019'`\u00B4\u0621]/gu
const MARKS = /\p{M}/gu
const ASCII = /^[\x20-\x7e]*$/u

/** One word, lower-cased with its accents and hamza/ʿayn marks removed. */
export function foldTerm(term: string): string {
  const lower = term.toLowerCase()
  if (ASCII.test(lower) && !lower.includes("'") && !lower.includes('`')) return lower
  return lower.normalize('NFD').replace(MARKS, '').replace(HAMZA_AYN, '').normalize('NFC')
}

/**
 * Free text folded like foldTerm, with every other punctuation mark (hyphens, slashes, dots)
 * read as a space and spaces collapsed: "Ain al-Asad" and "ain al asad" fold alike.
 */
export function foldText(text: string): string {
  return foldTerm(text)
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
}
