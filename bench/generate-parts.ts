// The annotation layer of a synthetic notebook: passages on the sources, note pages that
// cite passages, and typed links between passages.
import { describeRange } from '../src/shared/anchoring'
import { DEFAULT_RELATIONS, HIGHLIGHT_COLORS } from '../src/shared/defaults'
import { docFromParagraphs } from '../src/shared/plain-text'
import type { Annotation, DocNode, Link, NotePage, Source, Tag } from '../src/shared/schema'
import { isoAt, pad } from './ids'
import { zipfSampler, type Rng } from './prng'
import { wordSpans } from './source-text'
import type { Vocabulary } from './vocabulary'

/** Passage length in words: mostly a clause or a sentence, sometimes a word or a paragraph. */
function passageWords(rng: Rng): number {
  const x = rng.next()
  return x < 0.1 ? rng.int(1, 4) : x < 0.7 ? rng.int(5, 20) : x < 0.97 ? rng.int(21, 45) : rng.int(46, 120)
}

export function makePassages(
  rng: Rng,
  v: Vocabulary,
  sources: Source[],
  texts: string[],
  tags: Tag[],
  total: number,
): Annotation[] {
  const out: Annotation[] = []
  // A few tags are used everywhere, most rarely: usage follows Zipf too.
  const tagRank = tags.length > 0 ? zipfSampler(tags.length, 1) : null
  for (let s = 0; s < sources.length; s++) {
    const count = Math.floor(total / sources.length) + (s < total % sources.length ? 1 : 0)
    const text = texts[s]
    const spans = wordSpans(text)
    const nWords = spans.length / 2
    for (let k = 0; k < count; k++) {
      const first = rng.int(0, nWords - 1)
      let last = Math.min(nWords - 1, first + passageWords(rng) - 1)
      // Readers mark names and terms on their own, not "a" or "of": a one-word passage is a longer word.
      if (last === first && spans[first * 2 + 1] - spans[first * 2] < 4)
        last = Math.min(nWords - 1, first + 1)
      let end = spans[last * 2 + 1]
      if (/[.?]/.test(text[end] ?? '')) end++ // a passage that ends a sentence keeps its full stop
      const i = out.length
      const at = isoAt(86_400_000 + i * 60_000)
      const tagIds = new Set<string>()
      if (tagRank && !rng.chance(0.2))
        for (let t = rng.int(1, 4); t > 0; t--) tagIds.add(tags[tagRank(rng)].id)
      out.push({
        id: `psg-${pad(i, 6)}`,
        sourceId: sources[s].id,
        target: describeRange(text, spans[first * 2], end),
        anchoredHash: sources[s].textHash,
        note: rng.chance(0.3)
          ? docFromParagraphs(
              rng.chance(0.1) ? [v.paragraph(rng, 2), v.sentence(rng)] : [v.paragraph(rng, rng.int(1, 3))],
            )
          : null,
        tagIds: [...tagIds],
        color: rng.chance(0.1) ? rng.pick(HIGHLIGHT_COLORS) : null,
        // A few orphans, so `is:orphaned` and the Orphans list have something to show.
        status: rng.chance(0.01) ? 'orphaned' : 'anchored',
        createdAt: at,
        updatedAt: rng.chance(0.2) ? isoAt(86_400_000 + i * 60_000 + rng.int(1, 30) * 86_400_000) : at,
      })
    }
  }
  return out
}

/** Note pages of a few paragraphs, some of which cite passages inline (passageRef nodes). */
export function makeNotePages(rng: Rng, v: Vocabulary, passages: Annotation[], n: number): NotePage[] {
  const notes: NotePage[] = []
  for (let i = 0; i < n; i++) {
    const paragraphs: DocNode[] = docFromParagraphs(
      Array.from({ length: rng.int(3, 8) }, () => v.paragraph(rng, rng.int(1, 4))),
    ).content!
    for (let r = passages.length > 0 ? rng.int(2, 5) : 0; r > 0; r--) {
      const p = rng.pick(paragraphs)
      p.content = [
        ...(p.content ?? []),
        { type: 'text', text: ' See ' },
        { type: 'passageRef', attrs: { annotationId: rng.pick(passages).id } },
        { type: 'text', text: '.' },
      ]
    }
    const title = v.phrase(rng, rng.int(2, 5)).join(' ')
    const at = isoAt(2 * 86_400_000 + i * 3_600_000)
    notes.push({
      id: `note-${pad(i, 4)}`,
      title: title[0].toUpperCase() + title.slice(1),
      doc: { type: 'doc', content: paragraphs },
      createdAt: at,
      updatedAt: at,
    })
  }
  return notes
}

/** Links between passages: mostly within a source (near each other), some across; never to itself, never twice. */
export function makeLinks(rng: Rng, v: Vocabulary, passages: Annotation[], n: number): Link[] {
  const links: Link[] = []
  const seen = new Set<string>()
  if (passages.length < 2) return links
  for (let attempts = 0; links.length < n && attempts < n * 20; attempts++) {
    const a = rng.int(0, passages.length - 1)
    const b = rng.chance(0.7)
      ? Math.min(passages.length - 1, Math.max(0, a + rng.int(-20, 20)))
      : rng.int(0, passages.length - 1)
    const relationId = rng.pick(DEFAULT_RELATIONS).id
    const key = `${a}>${b}:${relationId}`
    if (a === b || seen.has(key)) continue
    seen.add(key)
    links.push({
      id: `lnk-${pad(links.length, 6)}`,
      from: { kind: 'annotation', id: passages[a].id },
      to: { kind: 'annotation', id: passages[b].id },
      relationId,
      comment: rng.chance(0.2) ? v.sentence(rng) : '',
      createdAt: isoAt(3 * 86_400_000 + links.length * 60_000),
    })
  }
  return links
}
