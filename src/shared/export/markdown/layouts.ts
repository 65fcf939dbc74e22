// The two layouts, as generators: each yields after a source or note page so a caller can show
// progress and stop between them (export runs in the renderer, see components/export); the
// synchronous exportMarkdown() simply runs one to the end.
//
// Single file:  # Notebook / ## Sources (### each, its text) / ## Passages (### per source) /
//               ## Orphaned passages / ## Notes (### each). Content headings are shifted by 3.
// Folder:       index.md, sources/<title>.md (# title, text shifted by 2, ## Passages,
//               ## Orphaned passages), notes/<title>.md (# title, text shifted by 1).
// Section headings are never produced by content (it is always shifted below them), which is
// what lets markdown-import read an export back without guessing.
import { deepLink } from '../deep-link'
import { safeFileName } from '../safe-file-name'
import type { Notebook, Source } from '../../schema'
import { writeDoc } from './blocks'
import { escapeText } from './escape'
import { extras, FORMAT_VERSION, frontMatter, type FrontValue } from './front-matter'
import { buildModel, type Model, type Passage } from './model'
import { heading, noteMeta, passageRef, sourceMeta, writePassage, type Ctx } from './passages'

export interface ExportFile {
  path: string
  content: string
}
export interface Progress {
  done: number
  total: number
}

export const SECTION = {
  sources: 'Sources',
  passages: 'Passages',
  orphans: 'Orphaned passages',
  notes: 'Notes',
} as const

/** Merged [start, end) ranges of a source's anchored passages (they arrive sorted by start). */
function union(passages: readonly Passage[]): [number, number][] {
  const out: [number, number][] = []
  for (const p of passages) {
    const last = out[out.length - 1]
    if (last && p.start <= last[1]) last[1] = Math.max(last[1], p.end)
    else out.push([p.start, p.end])
  }
  return out
}

// What the Markdown body already says; every other field travels in the front matter, so a
// field added to the schema later is carried without touching the export.
const SHOWN = {
  notebook: [
    'schemaVersion',
    'id',
    'title',
    'createdAt',
    'updatedAt',
    'sources',
    'annotations',
    'facets',
    'tags',
    'relations',
    'links',
    'notes',
    'entities',
  ],
  source: ['doc', 'textHash'],
  sourceFile: [
    'id',
    'title',
    'origin',
    'url',
    'summary',
    'published',
    'reliability',
    'doc',
    'textHash',
    'createdAt',
    'updatedAt',
  ],
  note: ['doc'],
  noteFile: ['id', 'title', 'doc', 'createdAt', 'updatedAt'],
  passage: ['id', 'sourceId', 'target', 'anchoredHash', 'note', 'tagIds', 'status', 'createdAt', 'updatedAt'],
}

type Front = { [key: string]: FrontValue }
const fv = (x: object): Front => x as Front

function notebookData(model: Model): Front {
  const { nb } = model
  return {
    facets: nb.facets.map(fv),
    tags: nb.tags.map((t) => ({ ...t, tag: model.tagNames.get(t.id) })),
    relations: nb.relations.map(fv),
    // Places, people and organizations with their aliases and coordinates, one per line.
    entities: nb.entities?.map(fv),
    extra: extras(nb, SHOWN.notebook) ?? undefined,
  }
}

/** `{ id, color, dates, grade, … }` of each passage that has more than the body shows (undefined: none). */
function passageData(...lists: readonly Passage[][]): Front[] | undefined {
  const out: Front[] = []
  for (const list of lists)
    for (const p of list) {
      const more = extras(p.ann, SHOWN.passage)
      if (more) out.push({ id: p.ann.id, ...more })
    }
  return out.length > 0 ? out : undefined
}

const allTags = (model: Model): string[] => model.nb.tags.map((t) => model.tagNames.get(t.id)!)

const WIDE = /[^\0-\xff]/

/**
 * A file being written: blocks separated by blank lines. Pieces are joined into a chunk every
 * few thousand, so they die young instead of being copied by every garbage collection until
 * the end (that copying cost more than the writing at 20,000 passages).
 */
class File {
  buf: string[] = []
  private readonly chunks: string[] = []
  block(text: string): void {
    if (this.buf.length > 0 || this.chunks.length > 0) this.buf.push('\n\n')
    this.buf.push(text)
    this.flush()
  }
  /** Writes a block with `write`; takes the separator back if nothing was written. */
  write(write: (buf: string[]) => boolean | void): void {
    const at = this.buf.length
    if (at > 0 || this.chunks.length > 0) this.buf.push('\n\n')
    if (write(this.buf) === false) this.buf.length = at
    this.flush()
  }
  private flush(): void {
    if (this.buf.length < 4_096) return
    this.seal()
  }
  /**
   * Joins the pieces into chunks, keeping the few pieces with a character beyond Latin-1 (an
   * arrow, a dash, an ellipsis) apart: V8 stores a string with one such character at two bytes
   * per character, so one arrow in a joined chunk doubled the chunk (the export's text took
   * twice its length in bytes). A Latin-1 piece tests in constant time.
   */
  private seal(): void {
    const buf = this.buf
    let from = 0
    for (let i = 0; i < buf.length; i++) {
      if (!WIDE.test(buf[i])) continue
      if (i > from) this.chunks.push(from + 1 === i ? buf[from] : buf.slice(from, i).join(''))
      this.chunks.push(buf[i])
      from = i + 1
    }
    if (from < buf.length) this.chunks.push(from === 0 ? buf.join('') : buf.slice(from).join(''))
    this.buf = []
  }
  /**
   * The file's text as a rope of its chunks: joining them here would hold the whole text twice
   * (chunks and copy); whoever writes it out reads the chunks once.
   */
  done(path: string): ExportFile {
    this.buf.push('\n')
    this.seal()
    let content = ''
    for (const chunk of this.chunks) content += chunk
    return { path, content }
  }
}

function writeSourceText(ctx: Ctx, source: Source, shift: number, file: File): void {
  file.write((buf) =>
    writeDoc(
      source.doc,
      {
        headingShift: shift,
        ref: (id) => passageRef(ctx, id),
        highlights: union(ctx.model.anchored.get(source.id)!),
      },
      buf,
    ),
  )
}

function writePassages(ctx: Ctx, list: readonly Passage[], shift: number, file: File): void {
  for (const p of list) file.write((buf) => writePassage(ctx, p, shift, buf))
}

/** `### [Source title](glossa://…)`: the group heading says which source its passages quote. */
function groupHeading(model: Model, source: Source): string {
  const title = escapeText(source.title, { lineStart: false, lineEnd: false, heading: true })
  return `### [${title}](${deepLink(model.nb.id, 'source', source.id)})`
}

export function* singleFile(nb: Notebook): Generator<Progress, ExportFile[]> {
  const model = buildModel(nb)
  const ctx: Ctx = { model, layout: 'single', files: new Map(), here: '' }
  const total = nb.sources.length * 2 + nb.notes.length
  let done = 0
  const file = new File()
  file.block(
    frontMatter({
      title: nb.title,
      created: nb.createdAt,
      updated: nb.updatedAt,
      tags: allTags(model),
      glossa: {
        format: FORMAT_VERSION,
        id: nb.id,
        sources: nb.sources.map((s) => extras(s, SHOWN.source)!),
        notes: nb.notes.map((n) => extras(n, SHOWN.note)!),
        ...notebookData(model),
        passages: passageData(
          ...nb.sources.flatMap((s) => [model.anchored.get(s.id)!, model.orphans.get(s.id)!]),
        ),
      },
    }),
  )
  file.block(heading(1, nb.title))
  if (nb.sources.length > 0) file.block(heading(2, SECTION.sources))
  for (const s of nb.sources) {
    file.block(heading(3, s.title))
    file.block(sourceMeta(ctx, s))
    writeSourceText(ctx, s, 3, file)
    yield { done: ++done, total }
  }
  for (const [section, lists] of [
    [SECTION.passages, model.anchored],
    [SECTION.orphans, model.orphans],
  ] as const) {
    if (nb.sources.some((s) => lists.get(s.id)!.length > 0)) file.block(heading(2, section))
    for (const s of nb.sources) {
      const list = lists.get(s.id)!
      if (list.length > 0) {
        file.block(groupHeading(model, s))
        writePassages(ctx, list, 3, file)
      }
      if (section === SECTION.passages) yield { done: ++done, total }
    }
  }
  if (nb.notes.length > 0) file.block(heading(2, SECTION.notes))
  for (const n of nb.notes) {
    file.block(heading(3, n.title))
    file.block(noteMeta(ctx, n.id))
    file.write((buf) => writeDoc(n.doc, { headingShift: 3, ref: (id) => passageRef(ctx, id) }, buf))
    yield { done: ++done, total }
  }
  return [file.done(`${safeFileName(nb.title, new Set())}.md`)]
}

/** Relative Markdown link target, each path segment percent-encoded. */
const href = (stem: string): string => stem.split('/').map(encodeURIComponent).join('/') + '.md'

export function* folder(nb: Notebook): Generator<Progress, ExportFile[]> {
  const model = buildModel(nb)
  const files = new Map<string, string>()
  const takenSources = new Set<string>()
  const takenNotes = new Set<string>()
  for (const s of nb.sources) files.set(s.id, `sources/${safeFileName(s.title, takenSources)}`)
  for (const n of nb.notes) files.set(n.id, `notes/${safeFileName(n.title, takenNotes)}`)
  const total = nb.sources.length + nb.notes.length
  let done = 0

  const list = (items: { id: string; title: string }[]): string =>
    items
      .map(
        (it) =>
          `- [${escapeText(it.title, { lineStart: false, lineEnd: false })}](${href(files.get(it.id)!)})`,
      )
      .join('\n')
  const index = new File()
  index.block(
    frontMatter({
      title: nb.title,
      created: nb.createdAt,
      updated: nb.updatedAt,
      tags: allTags(model),
      glossa: {
        format: FORMAT_VERSION,
        id: nb.id,
        sources: nb.sources.map((s) => ({ id: s.id, file: files.get(s.id)! + '.md' })),
        notes: nb.notes.map((n) => ({ id: n.id, file: files.get(n.id)! + '.md' })),
        ...notebookData(model),
      },
    }),
  )
  index.block(heading(1, nb.title))
  if (nb.sources.length > 0) index.block(heading(2, SECTION.sources) + '\n\n' + list(nb.sources))
  if (nb.notes.length > 0) index.block(heading(2, SECTION.notes) + '\n\n' + list(nb.notes))
  const out: ExportFile[] = [index.done('index.md')]

  for (const s of nb.sources) {
    const stem = files.get(s.id)!
    const ctx: Ctx = { model, layout: 'folder', files, here: stem }
    const mine = model.anchored.get(s.id)!
    const lost = model.orphans.get(s.id)!
    const used = new Set([...mine, ...lost].flatMap((p) => p.tags.map((t) => t.id)))
    const file = new File()
    file.block(
      frontMatter({
        title: s.title,
        origin: s.origin,
        url: s.url,
        summary: s.summary,
        // Obsidian properties a reader can sort and filter by.
        published: s.published,
        reliability: s.reliability?.reliability,
        reliability_reason: s.reliability?.reason,
        created: s.createdAt,
        updated: s.updatedAt,
        tags: nb.tags.filter((t) => used.has(t.id)).map((t) => model.tagNames.get(t.id)!),
        notebook: nb.title,
        glossa: {
          format: FORMAT_VERSION,
          id: s.id,
          notebook: nb.id,
          extra: extras(s, SHOWN.sourceFile) ?? undefined,
          passages: passageData(mine, lost),
        },
      }),
    )
    file.block(heading(1, s.title))
    file.block(sourceMeta(ctx, s))
    writeSourceText(ctx, s, 2, file)
    if (mine.length > 0) {
      file.block(heading(2, SECTION.passages))
      writePassages(ctx, mine, 2, file)
    }
    if (lost.length > 0) {
      file.block(heading(2, SECTION.orphans))
      writePassages(ctx, lost, 2, file)
    }
    out.push(file.done(`${stem}.md`))
    yield { done: ++done, total }
  }
  for (const n of nb.notes) {
    const stem = files.get(n.id)!
    const ctx: Ctx = { model, layout: 'folder', files, here: stem }
    const file = new File()
    file.block(
      frontMatter({
        title: n.title,
        created: n.createdAt,
        updated: n.updatedAt,
        notebook: nb.title,
        glossa: {
          format: FORMAT_VERSION,
          id: n.id,
          notebook: nb.id,
          extra: extras(n, SHOWN.noteFile) ?? undefined,
        },
      }),
    )
    file.block(heading(1, n.title))
    file.block(noteMeta(ctx, n.id))
    file.write((buf) => writeDoc(n.doc, { headingShift: 1, ref: (id) => passageRef(ctx, id) }, buf))
    out.push(file.done(`${stem}.md`))
    yield { done: ++done, total }
  }
  return out
}
