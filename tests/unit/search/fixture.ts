// Test notebooks built from the seed article. Passages are anchored by searching the quote
// in the source's plain text, so positions are real offsets like the app computes.
import seedJson from '../../../resources/seed-article.json'
import { docFromParagraphs, plainText, textHash } from '../../../src/shared/plain-text'
import {
  SCHEMA_VERSION,
  type Annotation,
  type Notebook,
  type NotePage,
  type Source,
  type Tag,
} from '../../../src/shared/schema'

export const seed = seedJson as { title: string; origin: string; paragraphs: string[] }
const T = '2024-09-27T12:00:00.000Z'

export function source(id: string, title: string, paragraphs: string[], origin = ''): Source {
  const doc = docFromParagraphs(paragraphs)
  return { id, title, origin, doc, textHash: textHash(plainText(doc)), createdAt: T, updatedAt: T }
}

export function passage(
  src: Source,
  id: string,
  exact: string,
  opts: { tagIds?: string[]; note?: string; status?: Annotation['status']; occurrence?: number } = {},
): Annotation {
  const text = plainText(src.doc)
  let start = -1
  for (let i = 0; i <= (opts.occurrence ?? 0); i++) start = text.indexOf(exact, start + 1)
  if (start < 0) throw new Error(`quote not in ${src.id}: ${exact}`)
  const end = start + exact.length
  return {
    id,
    sourceId: src.id,
    target: {
      quote: { exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      position: { start, end },
    },
    anchoredHash: src.textHash,
    note: opts.note ? docFromParagraphs([opts.note]) : null,
    tagIds: opts.tagIds ?? [],
    color: null,
    status: opts.status ?? 'anchored',
    createdAt: T,
    updatedAt: T,
  }
}

export function tag(id: string, name: string, extra: Partial<Tag> = {}): Tag {
  return { id, name, label: '', color: '#336699', description: '', ...extra }
}

export function note(id: string, title: string, paragraphs: string[]): NotePage {
  return { id, title, doc: docFromParagraphs(paragraphs), createdAt: T, updatedAt: T }
}

export function notebook(parts: Partial<Notebook>): Notebook {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: 'nb',
    title: 'Test notebook',
    createdAt: T,
    updatedAt: T,
    sources: [],
    annotations: [],
    facets: [],
    tags: [],
    relations: [],
    links: [],
    notes: [],
    ...parts,
  }
}

/**
 * The seed article (one block per sentence of its first paragraph, then the others), a
 * second short source, tags in two facets plus an unfaceted one, passages and notes.
 */
export function seedNotebook(): Notebook {
  const sentences = seed.paragraphs[0].split(/(?<=\.) (?=[A-Z])/u)
  const article = source('seed', seed.title, [...sentences, ...seed.paragraphs.slice(1)], seed.origin)
  const memo = source('memo', 'Field memo on basing', [
    'Phase planning notes for the bases.',
    'Troops moved from Ain al-Asad to the airport, then north.',
  ])
  const tags = [
    tag('t-ain', 'base/ain-al-asad', { label: 'Ain al-Asad' }),
    tag('t-hareer', 'base/hareer', { label: 'Hareer', description: 'Air base in the Kurdistan region' }),
    tag('t-p1', 'phase/1'),
    tag('t-p2', 'phase/2'),
    tag('t-key', 'key-quote'),
  ]
  const annotations = [
    passage(article, 'a-bases', 'including Ain al-Asad and Baghdad International Airport', {
      tagIds: ['t-ain', 't-p1'],
    }),
    passage(article, 'a-hareer', 'relocating troops to Hareer base in the Kurdistan region', {
      tagIds: ['t-hareer', 't-p1'],
      note: 'Relocation target after phase one.',
    }),
    passage(
      article,
      'a-phase2',
      'The second phase anticipates continued U.S. operations in Iraq until 2026',
      { tagIds: ['t-p2'] },
    ),
    passage(article, 'a-troops', 'approximately 2,500 U.S. troops remain stationed in Iraq', { tagIds: [] }),
    passage(memo, 'a-memo', 'Troops moved from Ain al-Asad to the airport', {
      tagIds: ['t-ain', 't-key'],
      status: 'orphaned',
    }),
  ]
  const notes = [
    note('n-plan', 'Withdrawal timeline', [
      'The second phase runs until 2026.',
      'Ask about the Erbil footprint.',
    ]),
    note('n-misc', 'Loose thoughts', ['Which phase comes second is unclear to me.']),
  ]
  const facets = [
    { key: 'phase', name: 'Phase', color: '#aa3300' },
    { key: 'unused', name: 'Unused facet', color: '#00aa33' },
  ]
  return notebook({ sources: [article, memo], tags, annotations, notes, facets })
}
