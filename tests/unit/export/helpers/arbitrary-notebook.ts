// fast-check notebooks with hostile text everywhere: every Markdown and Obsidian syntax
// character, line ends and edge spaces, combining marks, emoji, right-to-left text; nested
// lists and quotes; overlapping passages; hostile tag names and titles; links among passages
// and note pages; the analyst's fields (entities with hostile names and aliases, a source's
// publication date and reliability, passages' dates and grades). Documents are generated in the editor's canonical form (see canonicalDoc).
import fc from 'fast-check'
import { describeRange } from '../../../../src/shared/anchoring'
import { DEFAULT_RELATIONS } from '../../../../src/shared/defaults'
import { plainText, textHash } from '../../../../src/shared/plain-text'
import {
  NotebookSchema,
  SCHEMA_VERSION,
  type Annotation,
  type DocNode,
  type Link,
  type Notebook,
} from '../../../../src/shared/schema'

const AT = '2025-03-04T05:06:07.000Z'

const PIECES = [
  'a',
  'b',
  'word',
  'Ünïcödé',
  'हिंदी',
  'عَرَبِي',
  'עברית',
  '🇮🇶',
  '😀',
  'é',
  '’',
  '—',
  '1.',
  '2)',
  '#',
  '#tag',
  '##',
  '^id',
  '^',
  '==',
  '=',
  '%%',
  '%',
  '[[x]]',
  '[',
  ']',
  '|',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '~',
  '`',
  '```',
  '$x$',
  '$',
  '<b>',
  '<br>',
  '&amp;',
  '&#32;',
  '&',
  '\\',
  '>',
  '- ',
  '+ ',
  '---',
  '***',
  ':',
  '!',
  '![[e]]',
  'http://x.y',
  ' ',
  '  ',
  '\t',
  '.',
  ',',
  '"',
  "'",
  '(',
  ')',
  '{',
  '}',
]
const textArb = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((p) => p.join(''))
/** Text a bold/italic/strike run may hold: not starting or ending with white space (see docs). */
const markedTextArb = textArb.filter((t) => !/^\s|\s$/u.test(t))
const lineTextArb = fc.oneof(textArb, fc.constant('line\nend'), fc.constant('cr\rhere'))

type Mark = NonNullable<DocNode['marks']>[number]
// At most two of bold, italic and strike on one run, and code on its own: stacked delimiters
// next to code spans can form runs CommonMark resolves differently (docs/MARKDOWN-FORMAT.md).
const markSetArb: fc.Arbitrary<Mark[]> = fc
  .record({
    bold: fc.boolean(),
    italic: fc.boolean(),
    strike: fc.boolean(),
    code: fc.boolean(),
    link: fc.option(fc.constantFrom('https://example.org/a_(b)', 'http://x.y/?q=1&r=2', 'mailto:a@b.c'), {
      nil: null,
    }),
  })
  .map((m) => (m.bold && m.italic && m.strike ? { ...m, strike: false } : m))
  // Code is its own run (a code span inside stacked delimiters can read back differently).
  .map((m) => (m.code ? { ...m, bold: false, italic: false, strike: false } : m))
  .map((m) => [
    ...(m.link ? [{ type: 'link', attrs: { href: m.link } }] : []),
    ...(m.bold ? [{ type: 'bold' }] : []),
    ...(m.italic ? [{ type: 'italic' }] : []),
    ...(m.strike ? [{ type: 'strike' }] : []),
    ...(m.code ? [{ type: 'code' }] : []),
  ])

function inlineArb(refs: readonly string[]): fc.Arbitrary<DocNode[]> {
  const node: fc.Arbitrary<DocNode> = fc.oneof(
    { weight: 4, arbitrary: lineTextArb.map((text): DocNode => ({ type: 'text', text })) },
    {
      weight: 3,
      arbitrary: fc.tuple(markSetArb, markedTextArb).map(([marks, text]): DocNode =>
        // Code holds no line end; bold, italic and strike no edge spaces (tested elsewhere).
        marks.length
          ? {
              type: 'text',
              // A code span's `]` at the start of a paragraph could end a reference definition's label.
              text: marks.some((m) => m.type === 'code')
                ? text.replace(/[\n\r\]]/g, ' ').trim() || 'c'
                : text,
              marks,
            }
          : { type: 'text', text },
      ),
    },
    { weight: 1, arbitrary: fc.constant<DocNode>({ type: 'hardBreak' }) },
    ...(refs.length
      ? [
          {
            weight: 1,
            arbitrary: fc
              .constantFrom(...refs)
              .map((id): DocNode => ({ type: 'passageRef', attrs: { annotationId: id } })),
          },
        ]
      : []),
  )
  return fc.array(node, { maxLength: 6 }).map(mergeTexts)
}

/** Neighbouring texts with equal marks are one node in the editor. */
export function mergeTexts(nodes: DocNode[]): DocNode[] {
  const out: DocNode[] = []
  for (const n of nodes) {
    const prev = out[out.length - 1]
    if (
      n.type === 'text' &&
      prev?.type === 'text' &&
      JSON.stringify(prev.marks ?? []) === JSON.stringify(n.marks ?? [])
    )
      out[out.length - 1] = { ...prev, text: prev.text! + n.text! }
    else out.push(n)
  }
  return out
}

function blocksArb(refs: readonly string[], headings: boolean, depth: number): fc.Arbitrary<DocNode[]> {
  const paragraph = inlineArb(refs).map((content): DocNode =>
    content.length ? { type: 'paragraph', content } : { type: 'paragraph' },
  )
  const leaves: fc.Arbitrary<DocNode>[] = [paragraph, paragraph]
  if (headings) {
    leaves.push(
      fc.tuple(fc.integer({ min: 1, max: 3 }), inlineArb(refs)).map(([level, content]): DocNode => ({
        type: 'heading',
        attrs: { level },
        ...(content.length ? { content } : {}),
      })),
      fc
        .tuple(
          fc.constantFrom(null, 'js', 'py'),
          fc.array(fc.constantFrom('let a = 1', '```', '', '  x', '~~~', '<b>'), { maxLength: 4 }),
        )
        .map(([language, lines]): DocNode => {
          const text = lines.join('\n')
          return {
            type: 'codeBlock',
            attrs: { language },
            ...(text ? { content: [{ type: 'text', text }] } : {}),
          }
        }),
      fc.constant<DocNode>({ type: 'horizontalRule' }),
    )
  }
  if (depth < 2) {
    const inner = blocksArb(refs, headings, depth + 1)
    const item = fc
      .tuple(paragraph, inner)
      .map(([first, rest]): DocNode => ({ type: 'listItem', content: [first, ...rest] }))
    leaves.push(
      inner.filter((b) => b.length > 0).map((content): DocNode => ({ type: 'blockquote', content })),
      fc
        .array(item, { minLength: 1, maxLength: 3 })
        .map((content): DocNode => ({ type: 'bulletList', content })),
      fc
        .tuple(fc.integer({ min: 0, max: 12 }), fc.array(item, { minLength: 1, maxLength: 3 }))
        .map(([start, content]): DocNode => ({
          type: 'orderedList',
          ...(start !== 1 ? { attrs: { start } } : {}),
          content,
        })),
    )
  }
  return fc.array(fc.oneof(...leaves), { maxLength: depth === 0 ? 6 : 2 })
}

const docArb = (refs: readonly string[], headings: boolean): fc.Arbitrary<DocNode> =>
  blocksArb(refs, headings, 0).map((content): DocNode => ({
    type: 'doc',
    content: content.length ? content : [{ type: 'paragraph' }],
  }))

const titleArb = fc
  .oneof(textArb, fc.constantFrom('2025-01-15', 'yes', 'null', '1e3', '`x` #1: a/b? [c] | d ^e', '🇮🇶 تقرير'))
  .map((t) => t.trim() || 'x')
const tagNameArb = fc
  .array(fc.oneof(textArb, fc.constantFrom('1984', 'phase', 'Phase 2', 'a.b', 'हिन्दी', 'Cafe\u0301')), {
    minLength: 1,
    maxLength: 3,
  })
  .map((segs) =>
    segs
      .map((s) => s.replace(/\//g, ' ').replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('/'),
  )
  .filter((n) => n.length > 0 && n.length <= 120)

const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/)

// The analyst's fields. Names also come from the pieces the texts are made of ("word",
// "Ünïcödé"), so passages name entities and get an About line.
const nameArb = fc
  .oneof(textArb, fc.constantFrom('word', 'Ünïcödé', 'Harir', 'حرير', 'a b'))
  .map((t) => t.trim())
  .filter((t) => t.length > 0)
const entityArb = fc.record({
  type: fc.constantFrom('place' as const, 'person' as const, 'organization' as const),
  name: nameArb,
  aliases: fc.array(nameArb, { maxLength: 3 }),
  description: fc.oneof(fc.constant(''), lineTextArb),
  // `+ 0` turns -0 into 0: a notebook file is JSON, which has no -0, so no notebook holds one.
  lat: fc.double({ min: -90, max: 90, noNaN: true }).map((x) => x + 0),
  lon: fc.double({ min: -180, max: 180, noNaN: true }).map((x) => x + 0),
  placed: fc.boolean(),
})
const partialDateArb = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
  })
  .map(({ year, month, day }) => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0')
    return pad(year, 4) + (month ? `-${pad(month, 2)}` + (day ? `-${pad(day, 2)}` : '') : '')
  })
const dateArb = fc
  .record({
    from: fc.option(partialDateArb, { nil: null }),
    to: fc.option(partialDateArb, { nil: null }),
    same: fc.boolean(),
    text: fc.oneof(fc.constant(''), fc.constant('through September 2025'), textArb),
    rejected: fc.boolean(),
  })
  .map((d) => {
    const [from, to] = d.from && d.to && d.to < d.from ? [d.to, d.from] : [d.from, d.to]
    const value =
      d.same && from ? { from, to: from } : { from, to: from === null && to === null ? '2026' : to }
    return {
      value,
      text: d.text.slice(0, 200),
      status: d.rejected ? ('rejected' as const) : ('accepted' as const),
    }
  })
const reliabilityArb = fc.constantFrom(
  'A' as const,
  'B' as const,
  'C' as const,
  'D' as const,
  'E' as const,
  'F' as const,
)
const gradeArb = fc
  .record({
    reliability: fc.option(reliabilityArb, { nil: undefined }),
    credibility: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    reason: fc.oneof(fc.constant(''), lineTextArb),
  })
  .map((g) => (g.reliability || g.credibility ? g : { ...g, credibility: 3 }))
  .map((g) => ({
    ...(g.reliability ? { reliability: g.reliability } : {}),
    ...(g.credibility ? { credibility: g.credibility } : {}),
    reason: g.reason,
  }))
const analystArb = fc.record({
  entities: fc.option(fc.array(entityArb, { maxLength: 4 }), { nil: undefined }),
  published: fc.array(fc.option(partialDateArb, { nil: undefined }), { minLength: 3, maxLength: 3 }),
  reliability: fc.array(
    fc.option(fc.record({ reliability: reliabilityArb, reason: fc.oneof(fc.constant(''), lineTextArb) }), {
      nil: undefined,
    }),
    { minLength: 3, maxLength: 3 },
  ),
  rejectedDates: fc.option(
    fc.array(fc.constantFrom('in 2003', 'next year', '#1 ^x'), { minLength: 1, maxLength: 2 }),
    {
      nil: undefined,
    },
  ),
  grades: fc.array(fc.option(gradeArb, { nil: undefined }), { minLength: 8, maxLength: 8 }),
  dates: fc.array(fc.array(dateArb, { maxLength: 3 }), { minLength: 8, maxLength: 8 }),
})
export type Analyst = typeof analystArb extends fc.Arbitrary<infer T> ? T : never

export const notebookArb: fc.Arbitrary<Notebook> = fc
  .record({
    title: titleArb,
    sourceDocs: fc.array(fc.tuple(titleArb, docArb([], true)), { minLength: 1, maxLength: 3 }),
    tagNames: fc.uniqueArray(tagNameArb, { maxLength: 6, selector: (n) => n.toLowerCase() }),
    passageIds: fc.uniqueArray(idArb, { minLength: 1, maxLength: 8, selector: (s) => s.toLowerCase() }),
    seed: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    noteTitles: fc.array(titleArb, { maxLength: 2 }),
    comments: fc.array(fc.oneof(fc.constant(''), lineTextArb), { minLength: 6, maxLength: 6 }),
    analyst: analystArb,
  })
  .chain((r) => {
    const refs = r.passageIds
    return fc
      .record({
        passageNotes: fc.array(fc.option(docArb(refs, false), { nil: null }), {
          minLength: refs.length,
          maxLength: refs.length,
        }),
        noteDocs: fc.array(docArb(refs, true), {
          minLength: r.noteTitles.length,
          maxLength: r.noteTitles.length,
        }),
      })
      .map((more) => build(r, more))
  })
  .filter((nb): nb is Notebook => nb !== null)

function build(
  r: {
    title: string
    sourceDocs: [string, DocNode][]
    tagNames: string[]
    passageIds: string[]
    seed: number[]
    noteTitles: string[]
    comments: string[]
    analyst: Analyst
  },
  more: { passageNotes: (DocNode | null)[]; noteDocs: DocNode[] },
): Notebook | null {
  let k = 0
  const next = (n: number): number => (n <= 0 ? 0 : r.seed[k++ % r.seed.length] % n)
  const { analyst } = r
  const sources = r.sourceDocs.map(([title, doc], i) => ({
    id: `s${i}`,
    title,
    origin: i === 0 ? 'example.org' : '',
    doc,
    textHash: textHash(plainText(doc)),
    ...(analyst.published[i] ? { published: analyst.published[i] } : {}),
    ...(analyst.reliability[i] ? { reliability: analyst.reliability[i] } : {}),
    ...(i === 0 && analyst.rejectedDates ? { rejectedDates: analyst.rejectedDates } : {}),
    createdAt: AT,
    updatedAt: AT,
  }))
  const tags = r.tagNames.map((name, i) => ({
    id: `t${i}`,
    name,
    label: '',
    color: '#123456',
    description: '',
  }))
  const annotations: Annotation[] = []
  r.passageIds.forEach((id, i) => {
    const source = sources[next(sources.length)]
    const text = plainText(source.doc)
    const base = {
      id,
      sourceId: source.id,
      anchoredHash: source.textHash,
      note: more.passageNotes[i],
      tagIds: tags.filter(() => next(3) === 0).map((t) => t.id),
      color: next(4) === 0 ? '#f6d860' : null,
      ...(analyst.grades[i] ? { grade: analyst.grades[i] } : {}),
      ...(analyst.dates[i].length > 0
        ? { dates: analyst.dates[i].map((d, k) => ({ id: `d${i}-${k}`, ...d })) }
        : {}),
      createdAt: AT,
      updatedAt: AT,
    }
    if (text.length === 0 || next(6) === 0) {
      annotations.push({
        ...base,
        status: 'orphaned',
        target: { quote: { exact: 'gone ' + id, prefix: '', suffix: '' }, position: { start: 0, end: 5 } },
      })
      return
    }
    const start = next(text.length)
    const end = Math.min(text.length, start + 1 + next(40))
    annotations.push({ ...base, status: 'anchored', target: describeRange(text, start, end) })
  })
  const notes = r.noteTitles.map((title, i) => ({
    id: `n${i}`,
    title,
    doc: more.noteDocs[i],
    createdAt: AT,
    updatedAt: AT,
  }))
  const ends = [
    ...annotations.map((a) => ({ kind: 'annotation' as const, id: a.id })),
    ...notes.map((n) => ({ kind: 'note' as const, id: n.id })),
  ]
  const links: Link[] = []
  const seen = new Set<string>()
  for (let i = 0; i < 6 && ends.length > 1; i++) {
    const from = ends[next(ends.length)]
    const to = ends[next(ends.length)]
    const relationId = DEFAULT_RELATIONS[next(DEFAULT_RELATIONS.length)].id
    const key = `${from.kind}${from.id}>${to.kind}${to.id}:${relationId}`
    if ((from.kind === to.kind && from.id === to.id) || seen.has(key)) continue
    seen.add(key)
    links.push({ id: `l${i}`, from, to, relationId, comment: r.comments[i], createdAt: AT })
  }
  const nb = {
    schemaVersion: SCHEMA_VERSION,
    id: 'nb-prop',
    title: r.title,
    createdAt: AT,
    updatedAt: AT,
    sources,
    annotations,
    facets: [],
    tags,
    relations: DEFAULT_RELATIONS.map((x) => ({ ...x })),
    links,
    notes,
    ...(analyst.entities
      ? {
          entities: analyst.entities.map((e, i) => ({
            id: `e${i}`,
            type: e.type,
            name: e.name,
            aliases: e.aliases,
            description: e.description,
            ...(e.type === 'place' && e.placed ? { coordinates: { lat: e.lat, lon: e.lon } } : {}),
          })),
        }
      : {}),
  }
  const parsed = NotebookSchema.safeParse(nb)
  return parsed.success ? parsed.data : null
}

export { canonicalDoc } from '../../../../src/shared/markdown-import/canonical'
