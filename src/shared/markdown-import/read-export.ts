// A Glossa Markdown export (export/markdown, format 2) → the notebook it was written from:
// sources with their exact text, passages anchored where "¶ n, match k" says, notes, tags,
// links and relations, note pages and their passage references; ids come back from the deep
// links and the front matter, timestamps from the front matter (passages and links, which the
// export does not date, get `now`). Edits made in Obsidian read back too: a passage's note,
// tags and link lines, a new `[[…]]`, a new note page, a new quote under a source.
import type { Root, RootContent } from 'mdast'
import { describeRange } from '../anchoring'
import { textblockStarts, nthMatch } from '../export/markdown/text-blocks'
import { SECTION } from '../export/markdown/layouts'
import { plainText, textHash } from '../plain-text'
import type { Annotation, Link, Notebook, NotePage, Relation, Source, Tag } from '../schema'
import { SCHEMA_VERSION } from '../schema'
import { readFrontMatter, type FrontMatter } from './front-matter'
import { parseMarkdownInParts } from './parse-parts'
import {
  glossaLink,
  headingText,
  nextHeading,
  readMeta,
  readPassages,
  type LinkRow,
  type PassageBlock,
} from './passage-blocks'
import { blocksToDoc } from './to-doc'
import { ImportProblem, type InputFile } from './files'

export interface ReadOptions {
  /** The time given to what the export does not date (passages, links, new entities). */
  now: string
  /** A fresh id for an entity the export has none for (a note page written in Obsidian). */
  newId: () => string
  /** Told how many characters of the files have been parsed (of `total`), part by part. */
  onProgress?: (done: number, total: number) => void
}

interface Parsed {
  path: string
  content: string
  root: Root
  front: FrontMatter
  body: RootContent[]
}

/** Passages and note pages found, before their notes are turned into documents. */
interface Draft {
  sourceId: string
  block: PassageBlock
  shift: number
  text: string
  content: string
}

function parse(file: InputFile, onPart?: (parsedTo: number) => void): Parsed {
  const root = parseMarkdownInParts(file.content, undefined, onPart)
  const front = readFrontMatter(root, file.path)
  return {
    path: file.path,
    content: file.content,
    root,
    front,
    body: root.children.slice(front.present ? 1 : 0),
  }
}

/** Is this a Glossa export? Then which layout, and which file holds the notebook's front matter. */
export function detectExport(
  files: readonly InputFile[],
): { layout: 'single' | 'folder'; index: InputFile } | null {
  const looksLike = (f: InputFile): boolean =>
    /^---\r?\n(?:[\s\S]*?\n)?glossa:\r?\n\s+format: \d/.test(f.content.slice(0, 200_000))
  const indexes = files.filter((f) => /(^|\/)index\.md$/i.test(f.path) && looksLike(f))
  if (indexes.length > 0) {
    const index = indexes.sort((a, b) => a.path.length - b.path.length)[0]
    return { layout: 'folder', index }
  }
  const singles = files.filter(looksLike)
  return singles.length === 1 && files.filter((f) => /\.md$/i.test(f.path)).length === 1
    ? { layout: 'single', index: singles[0] }
    : null
}

export function readExport(files: readonly InputFile[], opts: ReadOptions): Notebook {
  const found = detectExport(files)
  if (!found) throw new ImportProblem('These files are not a Glossa Markdown export.')
  // A folder's total counts every file, though a stray one is never parsed: progress then
  // stops short of the end, never past it.
  const total = found.layout === 'single' ? found.index.content.length : sumOfLengths(files)
  const read = reader(total, opts.onProgress)
  return found.layout === 'single'
    ? readSingle(read(found.index), opts)
    : readFolder(files, found.index, opts, read)
}

const sumOfLengths = (files: readonly InputFile[]): number =>
  files.reduce((sum, f) => sum + f.content.length, 0)

/** parse(), reporting the characters parsed so far across the files read one after another. */
function reader(total: number, onProgress: ReadOptions['onProgress']): (file: InputFile) => Parsed {
  let before = 0
  return (file) => {
    const at = before
    before += file.content.length
    return parse(file, onProgress && ((parsedTo) => onProgress(Math.min(total, at + parsedTo), total)))
  }
}

class Builder {
  readonly sources: Source[] = []
  readonly notes: NotePage[] = []
  readonly drafts: Draft[] = []
  readonly noteDrafts: {
    note: NotePage
    blocks: RootContent[]
    shift: number
    content: string
    meta: ReturnType<typeof readMeta>
  }[] = []
  /** Lower-cased block id → passage or note. */
  readonly blocks = new Map<string, { kind: 'annotation' | 'note'; id: string }>()
  /** Lower-cased file stem ("notes/title") and base name → note id. */
  readonly noteFiles = new Map<string, string>()
  readonly taken = new Set<string>()

  constructor(
    readonly front: FrontMatter,
    readonly opts: ReadOptions,
  ) {}

  id(preferred: unknown): string {
    const ok =
      typeof preferred === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(preferred) && !this.taken.has(preferred)
    const id = ok ? (preferred as string) : this.opts.newId()
    this.taken.add(id)
    return id
  }

  /** `[[…#^p-x]]`, `[[notes/Title]]`, `[[Title]]` → what it points at. */
  resolve(target: string): { kind: 'annotation' | 'note'; id: string } | null {
    const hash = target.indexOf('#')
    const file = (hash < 0 ? target : target.slice(0, hash)).trim().replace(/\.md$/i, '').toLowerCase()
    const anchor = hash < 0 ? '' : target.slice(hash + 1)
    if (anchor.startsWith('^')) return this.blocks.get(anchor.slice(1).toLowerCase()) ?? null
    if (!file) return null
    const note = this.noteFiles.get(file) ?? this.noteFiles.get(file.split('/').pop()!)
    return note ? { kind: 'note', id: note } : null
  }

  passageRef = (target: string): string | null => {
    const r = this.resolve(target)
    return r?.kind === 'annotation' ? r.id : null
  }
}

function readSingle(file: Parsed, opts: ReadOptions): Notebook {
  const g = file.front.glossa
  const b = new Builder(file.front, opts)
  const blocks = file.body
  const sourceMeta = new Map(g.records('sources').map((r) => [String(r.id), r]))
  const noteMeta = new Map(g.records('notes').map((r) => [String(r.id), r]))
  let section = ''
  let i = 0
  while (i < blocks.length) {
    const node = blocks[i]
    if (node.type === 'heading' && node.depth <= 2) {
      section = node.depth === 2 ? headingText(node) : section
      i++
      continue
    }
    if (node.type !== 'heading' || node.depth !== 3) {
      i++
      continue
    }
    const end = nextHeading(blocks, i + 1, 3)
    const part = blocks.slice(i + 1, end)
    const title = headingText(node)
    if (section === SECTION.sources) {
      const link = glossaLink(part[0])
      const meta = link?.kind === 'source' ? sourceMeta.get(link.id) : undefined
      addSource(b, link?.id, title, meta, part.slice(link ? 1 : 0), 3, file.content)
    } else if (section === SECTION.passages || section === SECTION.orphans) {
      const link = node.children.find((c) => c.type === 'link')
      const sourceId = link?.type === 'link' ? (parseSourceLink(link.url) ?? '') : ''
      for (const block of readPassages(part, 3))
        b.drafts.push({ sourceId, block, shift: 3, text: '', content: file.content })
    } else if (section === SECTION.notes) {
      const meta = readMeta(part[0])
      const record = meta?.link.kind === 'note' ? noteMeta.get(meta.link.id) : undefined
      addNote(b, meta, title, record, part.slice(meta ? 1 : 0), 3, file.content)
    }
    i = end
  }
  return finish(b, file.front)
}

function parseSourceLink(url: string): string | null {
  const m = /^glossa:\/\/open\/[A-Za-z0-9_-]+\/source\/([A-Za-z0-9_-]+)$/.exec(url)
  return m ? m[1] : null
}

function addSource(
  b: Builder,
  preferredId: string | undefined,
  title: string,
  record: Record<string, unknown> | undefined,
  body: RootContent[],
  shift: number,
  content: string,
): void {
  const id = b.id(preferredId)
  const doc = blocksToDoc(body, {
    source: content,
    headingShift: shift,
    dropHighlights: true,
    resolve: b.passageRef,
  })
  const at = b.opts.now
  b.sources.push({
    ...(record ?? {}),
    id,
    title: typeof record?.title === 'string' ? record.title : title || 'Untitled source',
    origin: typeof record?.origin === 'string' ? record.origin : '',
    doc,
    textHash: '',
    createdAt: typeof record?.createdAt === 'string' ? record.createdAt : at,
    updatedAt: typeof record?.updatedAt === 'string' ? record.updatedAt : at,
  } as Source)
}

function addNote(
  b: Builder,
  meta: ReturnType<typeof readMeta>,
  title: string,
  record: Record<string, unknown> | undefined,
  blocks: RootContent[],
  shift: number,
  content: string,
  stem?: string,
): void {
  const id = b.id(meta?.link.kind === 'note' ? meta.link.id : undefined)
  const at = b.opts.now
  const note = {
    ...(record ?? {}),
    id,
    title: typeof record?.title === 'string' ? record.title : title || 'Untitled note',
    doc: { type: 'doc' },
    createdAt: typeof record?.createdAt === 'string' ? record.createdAt : at,
    updatedAt: typeof record?.updatedAt === 'string' ? record.updatedAt : at,
  } as NotePage
  b.notes.push(note)
  if (meta?.blockId) b.blocks.set(meta.blockId.toLowerCase(), { kind: 'note', id })
  if (stem) {
    b.noteFiles.set(stem.toLowerCase(), id)
    b.noteFiles.set(stem.split('/').pop()!.toLowerCase(), id)
  }
  b.noteDrafts.push({ note, blocks, shift, content, meta })
}

function readFolder(
  files: readonly InputFile[],
  indexFile: InputFile,
  opts: ReadOptions,
  read: (file: InputFile) => Parsed,
): Notebook {
  const root = indexFile.path.replace(/index\.md$/i, '')
  const index = read(indexFile)
  const b = new Builder(index.front, opts)
  const byPath = new Map(files.map((f) => [f.path.toLowerCase(), f]))
  const fileAt = (rel: string): InputFile | undefined => byPath.get((root + rel).toLowerCase())
  const listed = new Set<string>([indexFile.path.toLowerCase()])
  const g = index.front.glossa
  for (const r of g.records('sources')) {
    const f = fileAt(String(r.file))
    if (!f) throw new ImportProblem(`The export lists ${String(r.file)}, which is not among the files.`)
    listed.add(f.path.toLowerCase())
    const p = read(f)
    const record = {
      ...p.front.glossa.record('extra'),
      title: p.front.str('title'),
      origin: p.front.str('origin') ?? '',
    }
    for (const k of ['url', 'summary', 'published'] as const)
      if (p.front.str(k) !== undefined) Object.assign(record, { [k]: p.front.str(k) })
    const reliability = p.front.str('reliability')
    if (reliability !== undefined)
      Object.assign(record, {
        reliability: { reliability, reason: p.front.str('reliability_reason') ?? '' },
      })
    Object.assign(record, { createdAt: p.front.str('created'), updatedAt: p.front.str('updated') })
    const start = p.body[0]?.type === 'heading' && p.body[0].depth === 1 ? 1 : 0
    const sections = nextHeading(p.body, start, 2)
    const link = glossaLink(p.body[start])
    addSource(
      b,
      p.front.glossa.str('id') ?? link?.id,
      record.title ?? '',
      record,
      p.body.slice(start + (link ? 1 : 0), sections),
      2,
      p.content,
    )
    const sourceId = b.sources[b.sources.length - 1].id
    for (const block of readPassages(p.body.slice(sections), 2))
      b.drafts.push({ sourceId, block, shift: 2, text: '', content: p.content })
    mergePassageData(b, p.front)
  }
  const notes = g.records('notes').map((r) => ({ file: fileAt(String(r.file)), path: String(r.file) }))
  // Note pages written in Obsidian: new files under notes/.
  for (const f of files)
    if (
      !listed.has(f.path.toLowerCase()) &&
      f.path.toLowerCase().startsWith((root + 'notes/').toLowerCase()) &&
      /\.md$/i.test(f.path)
    )
      if (!notes.some((n) => n.file === f)) notes.push({ file: f, path: f.path.slice(root.length) })
  for (const { file: f, path } of notes) {
    if (!f) throw new ImportProblem(`The export lists ${path}, which is not among the files.`)
    const p = read(f)
    const start = p.body[0]?.type === 'heading' && p.body[0].depth === 1 ? 1 : 0
    const meta = readMeta(p.body[start])
    const title =
      p.front.str('title') ??
      (start
        ? headingText(p.body[0] as Extract<RootContent, { type: 'heading' }>)
        : path.replace(/^.*\//, '').replace(/\.md$/i, ''))
    const record = {
      ...p.front.glossa.record('extra'),
      title,
      createdAt: p.front.str('created'),
      updatedAt: p.front.str('updated'),
    }
    const shift = p.front.glossa.present ? 1 : 0
    addNote(
      b,
      meta ?? fakeMeta(p.front.glossa.str('id')),
      title,
      record,
      p.body.slice(start + (meta ? 1 : 0)),
      shift,
      p.content,
      path.replace(/\.md$/i, ''),
    )
  }
  return finish(b, index.front)
}

/** A note file whose meta paragraph was deleted still has its id in the front matter. */
function fakeMeta(id: string | undefined): ReturnType<typeof readMeta> {
  return id
    ? { link: { notebookId: '', kind: 'note', id }, block: 0, match: 0, rows: [], tags: [], blockId: null }
    : null
}

const extraPassageData = new WeakMap<Builder, Map<string, Record<string, unknown>>>()
function mergePassageData(b: Builder, front: FrontMatter): void {
  let map = extraPassageData.get(b)
  if (!map) extraPassageData.set(b, (map = new Map()))
  for (const r of front.glossa.records('passages')) if (typeof r.id === 'string') map.set(r.id, r)
}

function finish(b: Builder, front: FrontMatter): Notebook {
  const g = front.glossa
  mergePassageData(b, front)
  const extra = extraPassageData.get(b)!
  const now = b.opts.now
  const relations = g.records('relations') as unknown as Relation[]
  const tagDefs = g.records('tags')
  const tags: Tag[] = tagDefs.map(({ tag: _exported, ...t }) => t as unknown as Tag)
  const tagByExported = new Map<string, string>()
  tagDefs.forEach((t) => typeof t.tag === 'string' && tagByExported.set(t.tag.toLowerCase(), String(t.id)))
  const tagId = (exported: string): string => {
    const known = tagByExported.get(exported.toLowerCase())
    if (known) return known
    // A tag typed in Obsidian: a new Glossa tag of that name.
    const id = b.id(undefined)
    tags.push({ id, name: exported, label: '', color: '#888888', description: '' })
    tagByExported.set(exported.toLowerCase(), id)
    return id
  }
  const sources = new Map(b.sources.map((s) => [s.id, s]))
  const texts = new Map<string, { text: string; starts: number[]; hash: string }>()
  const textOf = (s: Source) => {
    let t = texts.get(s.id)
    if (!t) {
      const text = plainText(s.doc)
      t = { text, starts: textblockStarts(s.doc).starts, hash: textHash(text) }
      texts.set(s.id, t)
      s.textHash = t.hash
    }
    return t
  }
  for (const s of b.sources) textOf(s)

  // Ids first (wikilinks resolve to block ids), then documents and links.
  const passages: { draft: Draft; ann: Annotation }[] = []
  for (const draft of b.drafts) {
    const source = sources.get(draft.sourceId) ?? b.sources[0]
    if (!source) throw new ImportProblem('A passage in the export belongs to no source.')
    const id = b.id(draft.block.meta?.link.kind === 'passage' ? draft.block.meta.link.id : undefined)
    b.blocks.set(draft.block.blockId.toLowerCase(), { kind: 'annotation', id })
    passages.push({ draft, ann: anchor(id, source, draft, textOf(source), now) })
  }
  const annotations = passages.map(({ draft, ann }) => {
    const block = draft.block
    const note = block.note.length
      ? blocksToDoc(block.note, {
          source: draft.content,
          headingShift: draft.shift,
          dropHighlights: false,
          resolve: b.passageRef,
        })
      : null
    const more = extra.get(ann.id)
    return {
      ...(more ?? {}),
      ...ann,
      color: typeof more?.color === 'string' ? more.color : null,
      note,
      tagIds: [...new Set((block.meta?.tags ?? []).map(tagId))],
    } as Annotation
  })
  for (const d of b.noteDrafts)
    d.note.doc = blocksToDoc(d.blocks, {
      source: d.content,
      headingShift: d.shift,
      dropHighlights: false,
      resolve: b.passageRef,
    })

  const links: Link[] = []
  const seen = new Set<string>()
  const addRows = (self: { kind: 'annotation' | 'note'; id: string }, rows: readonly LinkRow[]): void => {
    for (const row of rows) {
      const other = b.resolve(row.target)
      if (!other) continue
      const relation =
        relations.find((r) => (row.arrow === '→' ? r.name : r.inverse) === row.relation) ??
        newRelation(b, relations, row)
      const [from, to] = row.arrow === '→' ? [self, other] : [other, self]
      const key = `${from.kind}:${from.id}>${to.kind}:${to.id}:${relation.id}`
      if (seen.has(key) || (from.kind === to.kind && from.id === to.id)) continue
      seen.add(key)
      links.push({
        id: b.id(undefined),
        from,
        to,
        relationId: relation.id,
        comment: row.comment,
        createdAt: now,
      })
    }
  }
  passages.forEach(({ draft, ann }) =>
    addRows({ kind: 'annotation', id: ann.id }, draft.block.meta?.rows ?? []),
  )
  b.noteDrafts.forEach((d) => addRows({ kind: 'note', id: d.note.id }, d.meta?.rows ?? []))

  return {
    ...g.record('extra'),
    schemaVersion: SCHEMA_VERSION,
    id: g.str('id') ?? b.opts.newId(),
    title: front.str('title') ?? 'Imported notebook',
    createdAt: front.str('created') ?? now,
    updatedAt: front.str('updated') ?? now,
    sources: b.sources,
    annotations,
    facets: g.records('facets') as never,
    tags,
    relations,
    links,
    notes: b.notes,
    // Entities with their aliases and coordinates (older exports carried them in `extra`).
    ...(Array.isArray(g.data.entities) ? { entities: g.records('entities') } : {}),
  } as Notebook
}

function newRelation(b: Builder, relations: Relation[], row: LinkRow): Relation {
  const r: Relation = { id: b.id(undefined), name: row.relation, inverse: row.relation, color: '#6b6b6b' }
  relations.push(r)
  return r
}

/** Where the passage is in its source's text: "¶ n, match k", else the nearest copy, else orphaned. */
function anchor(
  id: string,
  source: Source,
  draft: Draft,
  t: { text: string; starts: number[]; hash: string },
  now: string,
): Annotation {
  const exact = draft.block.quote
  const meta = draft.block.meta
  let at = -1
  const wantsAnchor = !meta || meta.block > 0
  if (exact && meta && meta.block > 0 && meta.block <= t.starts.length)
    at = nthMatch(t.text, exact, t.starts[meta.block - 1], meta.match)
  if (exact && at < 0 && wantsAnchor) at = t.text.indexOf(exact)
  const base = {
    id,
    sourceId: source.id,
    anchoredHash: t.hash,
    note: null,
    tagIds: [],
    color: null,
    createdAt: now,
    updatedAt: now,
  }
  if (at >= 0) return { ...base, target: describeRange(t.text, at, at + exact.length), status: 'anchored' }
  return {
    ...base,
    target: {
      quote: { exact, prefix: '', suffix: '' },
      position: { start: 0, end: Math.max(1, exact.length) },
    },
    status: 'orphaned',
  }
}
