// A realistic notebook with everything that broke the old export: titles with backticks, #,
// / : ? [ ] | ^, emoji and right-to-left text; tags with numeric segments, spaces, dots,
// combining marks and case variants; notes full of Obsidian syntax; two sources with the same
// title; ten passages in one paragraph; a quote that occurs twice in its paragraph.
import { describeRange } from '../../../../src/shared/anchoring'
import { plainText, textHash } from '../../../../src/shared/plain-text'
import { NotebookSchema, type Annotation, type DocNode, type Notebook } from '../../../../src/shared/schema'
import { sampleNotebook } from '../../../fixtures/sample-notebook'

const AT = '2025-02-01T08:00:00.000Z'
const t = (text: string, marks?: DocNode['marks']): DocNode => ({
  type: 'text',
  text,
  ...(marks ? { marks } : {}),
})
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content })
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content })

export const HOSTILE_TITLES = [
  'Notes on `code` #1: a/b? [x] | y ^z',
  'تقرير الانسحاب 🇮🇶 — مرحلة ١',
  'Notes on `code` #1: a/b? [x] | y ^z', // the same title again
  '2025-01-15',
]

export const HOSTILE_TAGS = [
  'phase/1',
  'Phase 2',
  'phase.2',
  'phase-2',
  '1984',
  '2024/10',
  'हिंदी/भाषा',
  'हिन्दी/भाषा',
  'عربي/عَرَبِي',
  'Café',
  'Cafe\u0301/x',
  'a b/c.d',
]

export function hostileNotebook(): Notebook {
  const nb = sampleNotebook()
  nb.title = '2025-01-15'
  const base = nb.sources[0]
  const paragraphs = [
    'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu alpha beta',
    'Text with %%comment%% and ==not highlight== and #notatag and ^notablock and [[not a link]] and $x$ and <b>bold</b>.',
    '  two leading spaces, trailing tab\t',
    '- not a list',
    '1. not ordered either',
  ]
  const sources = HOSTILE_TITLES.slice(0, 3).map((title, i) => {
    const d = doc(
      { type: 'heading', attrs: { level: 2 }, content: [t(`Heading ${i} #x`)] },
      ...paragraphs.map((x) => p(t(x))),
      p(t('bold ', [{ type: 'bold' }]), t('and '), t('"quoted"', [{ type: 'italic' }]), t('x')),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('item one'))] }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('a second list'))] }] },
      { type: 'codeBlock', attrs: { language: 'js' }, content: [t('let a = `b` ``` c')] },
      { type: 'paragraph' },
      p(t('line one'), { type: 'hardBreak' }, t('line two')),
    )
    return { ...base, id: `src-${i}`, title, origin: 'example.org', doc: d, textHash: textHash(plainText(d)) }
  })
  nb.sources = sources
  nb.tags = HOSTILE_TAGS.map((name, i) => ({
    id: `tag-${i}`,
    name,
    label: '',
    color: '#123456',
    description: '',
  }))
  const annotations: Annotation[] = []
  const add = (
    id: string,
    sourceIndex: number,
    quote: string,
    nth = 1,
    extra: Partial<Annotation> = {},
  ): void => {
    const text = plainText(sources[sourceIndex].doc)
    let at = -1
    for (let k = 0; k < nth; k++) at = text.indexOf(quote, at + 1)
    if (at < 0) throw new Error(`no ${quote}`)
    annotations.push({
      id,
      sourceId: sources[sourceIndex].id,
      target: describeRange(text, at, at + quote.length),
      anchoredHash: sources[sourceIndex].textHash,
      note: null,
      tagIds: [],
      color: null,
      status: 'anchored',
      createdAt: AT,
      updatedAt: AT,
      ...extra,
    })
  }
  // Ten passages in one paragraph, one of them a second copy of its quote.
  for (const [i, word] of [
    'alpha',
    'beta',
    'gamma',
    'delta',
    'epsilon',
    'zeta',
    'eta',
    'theta',
    'iota',
    'kappa',
  ].entries())
    add(`p_${i}`, 0, word, 1, { tagIds: [`tag-${i % HOSTILE_TAGS.length}`] })
  add('p-second-alpha', 0, 'alpha beta', 2, { tagIds: ['tag-10', 'tag-11'], color: '#f6d860' })
  add('P_0', 1, '%%comment%%', 1, {
    note: doc(
      p(t('Note with %% and == and #tag and ^id and [[x]] and $m$ and ~~s~~ and <i>html</i> and &amp; and ')),
      p(t('bold', [{ type: 'bold' }]), t(' '), t('code `x`', [{ type: 'code' }]), {
        type: 'passageRef',
        attrs: { annotationId: 'p_0' },
      }),
    ),
  })
  add('quote-edge', 2, '  two leading', 1)
  add('across', 0, 'mu alpha beta\nText with', 1)
  add('orphan', 1, 'Heading 1', 1, { status: 'orphaned' })
  nb.annotations = annotations
  nb.links = [
    {
      id: 'l1',
      from: { kind: 'annotation', id: 'p_0' },
      to: { kind: 'annotation', id: 'P_0' },
      relationId: 'supports',
      comment: 'a comment with | and ] and #x',
      createdAt: AT,
    },
    {
      id: 'l2',
      from: { kind: 'note', id: 'n1' },
      to: { kind: 'annotation', id: 'p_0' },
      relationId: 'causes',
      comment: '',
      createdAt: AT,
    },
    {
      id: 'l3',
      from: { kind: 'annotation', id: 'across' },
      to: { kind: 'note', id: 'n2' },
      relationId: 'elaborates',
      comment: 'multi\nline',
      createdAt: AT,
    },
  ]
  nb.notes = [
    {
      ...nb.notes[0],
      title: HOSTILE_TITLES[0],
      doc: doc(p(t('Phase one is '), { type: 'passageRef', attrs: { annotationId: 'across' } }, t('.'))),
    },
    {
      id: 'n2',
      title: HOSTILE_TITLES[1],
      doc: doc(p(t('See '), { type: 'passageRef', attrs: { annotationId: 'p-second-alpha' } })),
      createdAt: AT,
      updatedAt: AT,
    },
  ]
  return NotebookSchema.parse(nb)
}
