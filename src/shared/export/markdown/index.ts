// Notebook → Markdown files (Obsidian-flavoured, readable as plain CommonMark + GFM).
// Every file is an mdast tree serialized by remark-stringify, so all escaping comes from
// the serializer. Same notebook → same bytes: no clocks, no randomness, stable order.
import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast'
import { stringify as yamlStringify } from 'yaml'
import type { DocNode, Notebook, Source } from '../../schema'
import { safeFileName } from '../safe-file-name'
import { append } from './append'
import { docToMdast } from './flow'
import { fileLink, passageRef, type Ctx } from './links'
import { toMarkdown } from './mdast-ext'
import { buildModel, type Model, type Passage } from './model'
import { passageSections } from './passages'

export { shortQuote } from './model'

export interface ExportFile {
  path: string
  content: string
}
export interface MarkdownOptions {
  layout: 'single' | 'folder'
}

const text = (value: string): PhrasingContent => ({ type: 'text', value })
const heading = (depth: 1 | 2 | 3, value: string): BlockContent => ({
  type: 'heading',
  depth,
  children: [text(value)],
})

function frontMatter(data: Record<string, unknown>): RootContent {
  // lineWidth 0: never fold long titles, so the YAML reads back to the same strings.
  return { type: 'yaml', value: yamlStringify(data, { lineWidth: 0 }).trimEnd() }
}

function notebookFrontMatter(nb: Notebook): RootContent {
  return frontMatter({
    title: nb.title,
    created: nb.createdAt,
    updated: nb.updatedAt,
    sources: nb.sources.map((s) => ({ title: s.title, origin: s.origin })),
    tags: nb.tags.map((t) => t.name),
  })
}

/** Title line, origin line and the source text with its passages marked. */
function sourceBody(ctx: Ctx, source: Source, depth: 1 | 3): BlockContent[] {
  const mine = ctx.model.passages.filter((p) => p.source.id === source.id && p.anchored)
  const origin: PhrasingContent[] = [text(`Origin: ${source.origin || 'unknown'}`)]
  if (source.url && /^https?:/i.test(source.url))
    origin.push(text(' — '), { type: 'link', url: source.url, children: [text(source.url)] })
  return [
    heading(depth, source.title),
    { type: 'paragraph', children: origin },
    ...docToMdast(source.doc, {
      headingShift: depth,
      ref: (id) => passageRef(ctx, id),
      // Block ids come from the model (one per text block); see model.ts.
      decorate: (start, end, index) => ({
        highlights: union(mine, start, end),
        blockId: mine.find((p) => p.block === index)?.blockId,
      }),
    }),
  ]
}

/** Merged ranges of all passages touching [start, end): overlaps become one highlight. */
function union(passages: Passage[], start: number, end: number): [number, number][] {
  const ranges = passages
    .filter((p) => p.start < end && p.end > start)
    .map((p): [number, number] => [p.start, p.end])
  ranges.sort((a, b) => a[0] - b[0])
  const out: [number, number][] = []
  for (const r of ranges) {
    const last = out[out.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else out.push([...r])
  }
  return out
}

function file(path: string, children: RootContent[]): ExportFile {
  const root: Root = { type: 'root', children }
  return { path, content: toMarkdown(root) }
}

function single(model: Model): ExportFile[] {
  const { nb } = model
  const ctx: Ctx = { model, layout: 'single', files: new Map(), dir: '' }
  const body: RootContent[] = [notebookFrontMatter(nb), heading(1, nb.title)]
  if (nb.sources.length > 0) body.push(heading(2, 'Sources'))
  for (const s of nb.sources) append(body, sourceBody(ctx, s, 3))
  append(body, passageSections(ctx, model.passages))
  if (nb.notes.length > 0) body.push(heading(2, 'Notes'))
  for (const note of nb.notes)
    append(body, [
      heading(3, note.title),
      ...docToMdast(note.doc, { headingShift: 3, ref: (id) => passageRef(ctx, id) }),
    ])
  return [file(`${safeFileName(nb.title, new Set())}.md`, body)]
}

function folder(model: Model): ExportFile[] {
  const { nb } = model
  const files = new Map<string, string>()
  const takenSources = new Set<string>()
  const takenNotes = new Set<string>()
  for (const s of nb.sources) files.set(s.id, `sources/${safeFileName(s.title, takenSources)}`)
  for (const n of nb.notes) files.set(n.id, `notes/${safeFileName(n.title, takenNotes)}`)
  const ctxIn = (dir: string): Ctx => ({ model, layout: 'folder', files, dir })

  const root = ctxIn('')
  const list = (items: { id: string; title: string }[]): BlockContent => ({
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((it) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: [fileLink(root, files.get(it.id)!, it.title)] }],
    })),
  })
  const index: RootContent[] = [notebookFrontMatter(nb), heading(1, nb.title)]
  if (nb.sources.length > 0) index.push(heading(2, 'Sources'), list(nb.sources))
  if (nb.notes.length > 0) index.push(heading(2, 'Notes'), list(nb.notes))
  const out = [file('index.md', index)]

  for (const s of nb.sources) {
    const ctx = ctxIn('sources')
    const fm = frontMatter({
      title: s.title,
      origin: s.origin,
      created: s.createdAt,
      updated: s.updatedAt,
      notebook: nb.title,
    })
    const own = model.passages.filter((p) => p.source.id === s.id)
    out.push(file(`${files.get(s.id)}.md`, [fm, ...sourceBody(ctx, s, 1), ...passageSections(ctx, own)]))
  }
  for (const n of nb.notes) {
    const ctx = ctxIn('notes')
    const fm = frontMatter({ title: n.title, created: n.createdAt, updated: n.updatedAt, notebook: nb.title })
    const body = docToMdast(n.doc, { headingShift: 1, ref: (id) => passageRef(ctx, id) })
    out.push(file(`${files.get(n.id)}.md`, [fm, heading(1, n.title), ...body]))
  }
  return out
}

export function exportMarkdown(nb: Notebook, opts: MarkdownOptions): { files: ExportFile[] } {
  const model = buildModel(nb)
  return { files: opts.layout === 'single' ? single(model) : folder(model) }
}

/**
 * One note (TipTap JSON) as Markdown on its own (JSON-LD bodies): a passage reference
 * becomes a plain link to whatever `ref` returns, or its label alone when that is undefined.
 */
export function noteToMarkdown(
  doc: DocNode,
  ref: (annotationId: string) => { url: string; label: string } | undefined,
): string {
  const refNode = (id: string): PhrasingContent[] => {
    const r = ref(id)
    return r
      ? [{ type: 'link', url: r.url, children: [text(r.label)] }]
      : [text('(passage no longer exists)')]
  }
  return toMarkdown({ type: 'root', children: docToMdast(doc, { headingShift: 0, ref: refNode }) }).trimEnd()
}
