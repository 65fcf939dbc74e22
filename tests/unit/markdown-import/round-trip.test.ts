// A Glossa Markdown export read back (src/shared/markdown-import): the seed-like sample and a
// notebook with hostile titles and tags come back as the same notebook (ids included; passages
// and links get the import's time), and writing them again gives byte-identical files, in the
// single-file layout, the folder layout and the folder zipped.
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { describeRange } from '../../../src/shared/anchoring'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import { canonicalDoc } from '../../../src/shared/markdown-import/canonical'
import { readExport } from '../../../src/shared/markdown-import/read-export'
import { readZip } from '../../../src/shared/markdown-import/zip'
import { docFromParagraphs, plainText, textHash } from '../../../src/shared/plain-text'
import { NotebookSchema, type DocNode, type Notebook } from '../../../src/shared/schema'
import { sampleNotebook } from '../../fixtures/sample-notebook'
import { notebookWithSource, passage } from '../../helpers/notebook'
import { hostileNotebook } from '../export/helpers/hostile-notebook'

const NOW = '2031-01-01T00:00:00.000Z'
let n = 0
const opts = { now: NOW, newId: () => `new${n++}` }

const EMPHASIS = new Set(['bold', 'italic', 'strike'])
/** Spaces at the edge of bold, italic or struck text are written outside it (docs/MARKDOWN-FORMAT.md). */
function spacesOut(node: DocNode): DocNode {
  if (node.type === 'text' && node.marks?.some((m) => EMPHASIS.has(m.type))) {
    const m = /^(\s*)(.*?)(\s*)$/su.exec(node.text ?? '')!
    const plain = node.marks.filter((x) => !EMPHASIS.has(x.type))
    const part = (text: string, marks: DocNode['marks']): DocNode[] =>
      text ? [{ type: 'text', text, marks }] : []
    return {
      type: 'fragment',
      content: [...part(m[1], plain), ...part(m[2], node.marks), ...part(m[3], plain)],
    }
  }
  if (!node.content) return node
  return {
    ...node,
    content: node.content.map(spacesOut).flatMap((c) => (c.type === 'fragment' ? c.content! : [c])),
  }
}
const doc = (d: DocNode): DocNode => canonicalDoc(spacesOut(d))

/** The notebook apart from the timestamps the export does not carry (passages, links). */
function comparable(nb: Notebook) {
  return {
    ...nb,
    sources: nb.sources.map((s) => ({ ...s, doc: doc(s.doc) })),
    annotations: nb.annotations
      .map((a) => ({
        ...a,
        createdAt: undefined,
        updatedAt: undefined,
        note: a.note && doc(a.note),
        tagIds: [...a.tagIds].sort(),
        // Recomputed from the text on import; an orphan's stored position is stale by definition.
        target:
          a.status === 'anchored'
            ? { quote: { exact: a.target.quote.exact }, position: a.target.position }
            : a.target.quote.exact,
        anchoredHash: undefined,
      }))
      .sort((x, y) => (x.id < y.id ? -1 : 1)),
    links: nb.links
      .map((l) => `${l.from.kind}:${l.from.id}>${l.to.kind}:${l.to.id}:${l.relationId}:${l.comment}`)
      .sort(),
    notes: nb.notes.map((note) => ({ ...note, doc: doc(note.doc) })),
  }
}

/**
 * The property test's counterexample (seed -933338282): a passage selected to end between the
 * two halves of an emoji, before punctuation, so the highlight's closing `==` needs its
 * neighbour written as a character reference. Half an emoji has none; the whole one has.
 */
function emojiEdgeNotebook(): Notebook {
  const { nb, source: plain } = notebookWithSource([''])
  const struck = { type: 'text', text: '!a', marks: [{ type: 'strike' }] }
  const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'עבריתaaa a😀' }, struck] }
  const doc: DocNode = { type: 'doc', content: [paragraph, ...docFromParagraphs(['then 🇮🇶 flags']).content!] }
  const text = plainText(doc)
  const source = { ...plain, doc, textHash: textHash(text) }
  const cut = text.indexOf('😀') + 1
  const flag = text.indexOf('🇮🇶') + 3
  const at = (id: string, start: number, end: number) => ({
    ...passage(id, source, text, 'a'),
    target: describeRange(text, start, end),
  })
  return { ...nb, sources: [source], annotations: [at('p-emoji', 1, cut), at('p-flag', flag, flag + 2)] }
}

describe.each([
  ['the sample notebook', sampleNotebook],
  ['a notebook with hostile titles and tags', hostileNotebook],
  ['a notebook whose passages were selected inside emoji', emojiEdgeNotebook],
])('%s', (_name, make) => {
  const nb = make()
  for (const layout of ['single', 'folder'] as const) {
    it(`${layout}: reads back as the same notebook, and writes the same files again`, () => {
      const files = exportMarkdown(nb, { layout }).files
      const back = readExport(files, opts)
      expect(NotebookSchema.safeParse(back).error).toBeUndefined()
      expect(comparable(back)).toEqual(comparable(nb))
      expect(exportMarkdown(back, { layout }).files).toEqual(files)
    })
  }

  it('reads the folder layout from a zip of it, inside a top folder', () => {
    const { files } = exportMarkdown(nb, { layout: 'folder' })
    const zip = zipSync(Object.fromEntries(files.map((f) => [`My notebook/${f.path}`, strToU8(f.content)])))
    const read = readZip(zip)
    const back = readExport(
      read.map((f) => ({ ...f, path: f.path.replace(/^My notebook\//, '') })),
      opts,
    )
    expect(exportMarkdown(back, { layout: 'folder' }).files).toEqual(files)
  })
})

describe('an export edited in Obsidian, read as a new notebook', () => {
  it('keeps a new tag, a new [[link]] in a note and a new link line', () => {
    const nb = sampleNotebook()
    const [file] = exportMarkdown(nb, { layout: 'single' }).files
    const edited = file.content
      .replace('Troops move north to Harir.', 'Troops move north to Harir, see [[#^p-a4]].')
      .replace('#base/harir', '#base/harir #new-tag')
      .replace(
        '¶ 3 · [Open in Glossa](glossa://open/nb-sample/passage/a5)',
        '¶ 3 · [Open in Glossa](glossa://open/nb-sample/passage/a5)\\\nsupports → [[#^p-a1]]',
      )
    const back = readExport([{ path: file.path, content: edited }], opts)
    const a3 = back.annotations.find((a) => a.id === 'a3')!
    expect(JSON.stringify(a3.note)).toContain('"annotationId":"a4"')
    expect(a3.tagIds.map((id) => back.tags.find((t) => t.id === id)!.name)).toEqual(['base/harir', 'new-tag'])
    expect(back.links).toContainEqual(
      expect.objectContaining({
        from: { kind: 'annotation', id: 'a5' },
        to: { kind: 'annotation', id: 'a1' },
        relationId: 'supports',
      }),
    )
  })
})
