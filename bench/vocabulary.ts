// Word forms for synthetic text. Real search cost depends on how words are distributed, so
// the text is not the seed article repeated (every word would be in every document): it is
// drawn from a few thousand word forms — English function words, the seed article's words
// and a generated pseudo-vocabulary of stems with suffixes — with Zipf frequencies.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { mulberry32, zipfSampler, type Rng } from './prng'

const FUNCTION_WORDS = (
  'the of and to a in that is for it as was with be by on not he this are or his from at which but have an they ' +
  'you were her all she there would their we him been has when who will more no if out so said what up its about ' +
  'into than them can only other new some could time these two may then do first any my now such like our over'
).split(' ')
const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'br',
  'cr',
  'dr',
  'fr',
  'gr',
  'pr',
  'tr',
  'st',
  'sp',
  'ch',
  'sh',
  'th',
  'pl',
  'cl',
]
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ea', 'ou', 'io']
const CODAS = ['', '', '', '', '', 'n', 'r', 's', 'l', 't', 'm', 'nd', 'st', 'ck']
const SUFFIXES = ['', 'ing', 'ed', 's', 'ment', 'tion', 'al', 'ity', 'er', 'ly']
const STEMS = 1_400
const SEED_ARTICLE = join(import.meta.dirname, '..', 'resources', 'seed-article.json')

export class Vocabulary {
  /** Word forms by frequency rank (0 = most common). */
  readonly words: string[]
  private readonly rank: (rng: Rng) => number

  constructor() {
    const rng = mulberry32(0x5eed) // the vocabulary is fixed; only the text drawn from it varies
    const seen = new Set<string>(FUNCTION_WORDS)
    const article = JSON.parse(readFileSync(SEED_ARTICLE, 'utf8')) as { paragraphs: string[] }
    const seedWords = shuffle(
      [...new Set(article.paragraphs.join(' ').match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? [])].filter(
        (w) => w.length > 2 && !seen.has(w.toLowerCase()),
      ),
      rng,
    )
    seedWords.forEach((w) => seen.add(w))
    const pseudo: string[] = []
    for (let i = 0; i < STEMS; i++) {
      const stem = makeStem(rng, seen)
      // Proper names are capitalised and not inflected; other stems get a few suffixed forms.
      if (rng.chance(0.12)) pseudo.push(stem[0].toUpperCase() + stem.slice(1))
      else
        for (const suffix of new Set([SUFFIXES[0], rng.pick(SUFFIXES), rng.pick(SUFFIXES)]))
          if (!seen.has(stem + suffix)) {
            seen.add(stem + suffix)
            pseudo.push(stem + suffix)
          }
    }
    // Article words sit among the common content words; pseudo-words fill the long tail.
    this.words = [...FUNCTION_WORDS, ...interleave(seedWords, shuffle(pseudo, rng))]
    this.rank = zipfSampler(this.words.length, 1.05)
  }

  word(rng: Rng): string {
    if (rng.chance(0.015))
      return rng.chance(0.5) ? String(rng.int(1990, 2030)) : rng.int(2, 9_999).toLocaleString('en-US')
    return this.words[this.rank(rng)]
  }

  /** A sentence of 6–28 words, capitalised, with the odd comma. */
  sentence(rng: Rng): string {
    const n = rng.int(6, 28)
    const parts: string[] = []
    let previous = ''
    for (let i = 0; i < n; i++) {
      // Real prose almost never repeats a word back to back ("the the"); Zipf sampling would.
      let word = this.word(rng)
      while (word === previous) word = this.word(rng)
      previous = word
      parts.push(word + (i < n - 1 && rng.chance(0.07) ? ',' : ''))
    }
    parts[0] = parts[0][0].toUpperCase() + parts[0].slice(1)
    return `${parts.join(' ')}${rng.chance(0.05) ? '?' : '.'}`
  }

  paragraph(rng: Rng, sentences = rng.int(2, 7)): string {
    return Array.from({ length: sentences }, () => this.sentence(rng)).join(' ')
  }

  /** A few content words (no function words), for titles and tag names. */
  phrase(rng: Rng, n: number): string[] {
    const out: string[] = []
    while (out.length < n) {
      const w = this.words[FUNCTION_WORDS.length + this.rank(rng) + rng.int(0, 200)] ?? this.words.at(-1)!
      if (!out.includes(w)) out.push(w)
    }
    return out
  }
}

function makeStem(rng: Rng, seen: Set<string>): string {
  for (;;) {
    let s = ''
    for (let i = rng.chance(0.45) ? 1 : rng.chance(0.8) ? 2 : 3; i > 0; i--)
      s += rng.pick(ONSETS) + rng.pick(NUCLEI) + rng.pick(CODAS)
    if (s.length >= 3 && !seen.has(s)) return s
  }
}

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i)
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

/** One item of `a` every few of `b`, so neither list dominates a frequency band. */
function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = []
  const every = Math.max(1, Math.floor(b.length / Math.max(1, a.length)))
  let i = 0
  for (let j = 0; j < b.length; j++) {
    if (j % every === 0 && i < a.length) out.push(a[i++])
    out.push(b[j])
  }
  return out.concat(a.slice(i))
}
