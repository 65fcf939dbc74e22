// Glossa tag names → Obsidian tags, one to one (docs/MARKDOWN-FORMAT.md, "Tags").
//
// Obsidian's documented tag format: letters, numbers, `_`, `-` and `/` (nesting); at least one
// character that is not a number; no spaces; case-insensitive. The mapping, per tag in notebook
// order:
//  1. NFC-normalize; split on `/`; drop empty segments.
//  2. In each segment keep letters with their combining marks (\p{L}\p{M}: Devanagari and
//     Arabic vowel signs stay), numbers (\p{N}), `_` and `-`; every other character (space,
//     dot, punctuation, symbol, emoji) becomes one `-`.
//  3. A tag with nothing but numbers gets a leading `_` ("1984" → "_1984").
//  4. If the result equals (ignoring case) one already given to an earlier tag, `-2`, `-3`, …
//     is appended. So no two Glossa tags share an Obsidian tag, and the front matter's
//     `glossa.tags` list maps each back to its exact name.
import type { Tag } from '../../schema'

const OTHER = /[^\p{L}\p{M}\p{N}_-]/gu
const ONLY_NUMBERS = /^[\p{N}/]*$/u

/** The Obsidian form of one name, before collisions are resolved. */
export function obsidianTag(name: string): string {
  const segments = name
    .normalize('NFC')
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => s.replace(OTHER, '-'))
  const tag = segments.join('/') || '-'
  return ONLY_NUMBERS.test(tag) ? '_' + tag : tag
}

/** Tag id → its Obsidian tag (without `#`), unique ignoring case. */
export function obsidianTags(tags: readonly Tag[]): Map<string, string> {
  const out = new Map<string, string>()
  const taken = new Set<string>()
  for (const tag of tags) {
    const base = obsidianTag(tag.name)
    let candidate = base
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`
    taken.add(candidate.toLowerCase())
    out.set(tag.id, candidate)
  }
  return out
}

/** What Obsidian accepts as a tag (the check our tests and the importer use). */
export const OBSIDIAN_TAG =
  /^(?=[\p{L}\p{M}\p{N}_/-]*[\p{L}\p{M}_-])[\p{L}\p{M}\p{N}_-]+(?:\/[\p{L}\p{M}\p{N}_-]+)*$/u
