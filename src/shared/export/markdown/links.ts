// How one exported file points at passages and note pages: an Obsidian wikilink to the
// block (`[[file#^p-id|short quote]]`) plus, for readers without wikilinks, a plain
// Markdown link to the same anchor.
import type { PhrasingContent } from 'mdast'
import type { Endpoint } from '../../schema'
import { wikiLink } from './mdast-ext'
import type { Model, Passage } from './model'

export interface Ctx {
  model: Model
  layout: 'single' | 'folder'
  /** Folder layout: file path without ".md" per source id and note id ("sources/Title"). */
  files: Map<string, string>
  /** Folder of the file being written: '' (root), 'sources' or 'notes'. */
  dir: string
}

/** Relative href from ctx.dir to a file stem, each segment percent-encoded. */
function href(ctx: Ctx, stem: string): string {
  const enc = (s: string): string => s.split('/').map(encodeURIComponent).join('/')
  if (ctx.dir === '') return enc(stem) + '.md'
  if (stem.startsWith(ctx.dir + '/')) return enc(stem.slice(ctx.dir.length + 1)) + '.md'
  return '../' + enc(stem) + '.md'
}

function passageTarget(ctx: Ctx, p: Passage): { wiki: string; url: string } {
  if (ctx.layout === 'single') return { wiki: `#^${p.blockId}`, url: `#${p.blockId}` }
  const stem = ctx.files.get(p.source.id) ?? ''
  return { wiki: `${stem}#^${p.blockId}`, url: `${href(ctx, stem)}#${p.blockId}` }
}

const missing = (what: string): PhrasingContent[] => [{ type: 'text', value: `(${what} no longer exists)` }]

/** A `passageRef` inside a note: the block link only. */
export function passageRef(ctx: Ctx, annotationId: string): PhrasingContent[] {
  const p = ctx.model.byId.get(annotationId)
  if (!p) return missing('passage')
  return [wikiLink(passageTarget(ctx, p).wiki, p.short)]
}

/** A link endpoint in a link list: wikilink plus a Markdown-link fallback where one exists. */
export function endpoint(ctx: Ctx, end: Endpoint): PhrasingContent[] {
  if (end.kind === 'annotation') {
    const p = ctx.model.byId.get(end.id)
    if (!p) return missing('passage')
    const t = passageTarget(ctx, p)
    return [
      wikiLink(t.wiki, p.short),
      { type: 'text', value: ' (' },
      { type: 'link', url: t.url, children: [{ type: 'text', value: p.short }] },
      { type: 'text', value: ')' },
    ]
  }
  const note = ctx.model.nb.notes.find((n) => n.id === end.id)
  if (!note) return missing('note')
  if (ctx.layout === 'single') return [wikiLink(`#${note.title}`, note.title)]
  const stem = ctx.files.get(note.id) ?? ''
  return [
    wikiLink(stem, note.title),
    { type: 'text', value: ' (' },
    { type: 'link', url: href(ctx, stem), children: [{ type: 'text', value: note.title }] },
    { type: 'text', value: ')' },
  ]
}

/** Link from the folder index (root) to a file. */
export function fileLink(ctx: Ctx, stem: string, label: string): PhrasingContent {
  return { type: 'link', url: href(ctx, stem), children: [{ type: 'text', value: label }] }
}
