// Search hits turned into what the UI shows: a title, a marked snippet and the plain-text
// range to scroll to. Runs only for the results actually returned (after the limit).
import type { Hit } from './scorer'
import type { Annotation, Source, Tag } from '../schema'
import type { IndexDoc, TextField } from './docs'
import type { SearchKind } from './query'
import { buildSnippet, SNIPPET_CHARS, type Snippet } from './snippet'

export interface SearchResult {
  kind: SearchKind
  /** Annotation / note / tag id, or `${sourceId}:${blockIndex}` for a source block. */
  id: string
  sourceId?: string
  title: string
  snippet: Snippet
  /** Plain-text offsets in the source: of the first match (blocks) or of the passage. */
  start?: number
  end?: number
  score: number
}

export interface ResultContext {
  sources: ReadonlyMap<string, Source>
  annotations: ReadonlyMap<string, Annotation>
  tags: ReadonlyMap<string, Tag>
}

/** Snippet field preference: the passage's own words first, then its note or body, then titles. */
const SNIPPET_FIELDS: TextField[] = ['quote', 'note', 'body', 'text', 'title']

/**
 * `phraseWords`: the words of quoted phrases (not also typed bare). The index matches them one
 * by one, but only the whole phrase is marked and jumped to: "two" alone, in "nearly two
 * decades", is not a match of "two-phase transition".
 */
export function hitResult(
  doc: IndexDoc,
  hit: Hit,
  score: number,
  phrases: RegExp[],
  ctx: ResultContext,
  phraseWords: ReadonlySet<string> = new Set(),
): SearchResult {
  const matched = new Set(Object.values(hit.match).flat())
  // A passage found through its tags alone shows its quote, unmarked.
  const field =
    SNIPPET_FIELDS.find((f) => matched.has(f) && doc[f] !== '') ??
    (doc.kind === 'passage' ? 'quote' : doc.kind === 'source' ? 'body' : 'text')
  const { first, ...snippet } = buildSnippet(
    doc[field],
    new Set(hit.terms.filter((t) => !phraseWords.has(t))),
    phrases,
  )
  const a = doc.kind === 'passage' ? ctx.annotations.get(doc.ref) : undefined
  if (a) return passageResult(a, snippet, score, ctx)
  const base = { kind: doc.kind, id: doc.ref, snippet, score }
  if (doc.kind === 'note') return { ...base, title: doc.title }
  if (doc.kind === 'tag') return { ...base, title: ctx.tags.get(doc.ref)?.name ?? doc.title }
  const offset = doc.offset ?? 0
  const [s, e] = first ?? [0, doc.body.length]
  const title = (doc.sourceId && ctx.sources.get(doc.sourceId)?.title) || ''
  return { ...base, sourceId: doc.sourceId, title, start: offset + s, end: offset + e }
}

export function passageResult(
  a: Annotation,
  snippet: Snippet,
  score: number,
  ctx: ResultContext,
): SearchResult {
  const title = ctx.sources.get(a.sourceId)?.title ?? ''
  return {
    kind: 'passage',
    id: a.id,
    sourceId: a.sourceId,
    title,
    snippet,
    start: a.target.position.start,
    end: a.target.position.end,
    score,
  }
}

/** A quote cut to snippet length at a word boundary. */
export function clip(text: string): string {
  return text.length <= SNIPPET_CHARS ? text : `${text.slice(0, SNIPPET_CHARS).replace(/\s+\S*$/u, '')}…`
}
