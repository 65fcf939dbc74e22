// The "Passages" part of an export: anchored passages grouped by facet (a passage tagged in
// several facets is listed under each), then "Other tags", "Untagged", and finally the
// orphaned passages, which are listed once with their own block id.
import type { BlockContent, ListItem, PhrasingContent } from 'mdast'
import type { Link, Notebook } from '../../schema'
import { append } from './append'
import { docToMdast } from './flow'
import { endpoint, passageRef, type Ctx } from './links'
import { hashtag } from './mdast-ext'
import type { Passage } from './model'

const text = (value: string): PhrasingContent => ({ type: 'text', value })
const heading = (depth: 2 | 3, value: string): BlockContent => ({
  type: 'heading',
  depth,
  children: [text(value)],
})
const facetKey = (tagName: string): string => tagName.split('/')[0]

export function groupByFacet(nb: Notebook, passages: Passage[]): { title: string; passages: Passage[] }[] {
  const keys = new Set(nb.facets.map((f) => f.key))
  const groups = nb.facets.map((f) => ({
    title: f.name,
    passages: passages.filter((p) => p.tags.some((t) => facetKey(t.name) === f.key)),
  }))
  groups.push({
    title: 'Other tags',
    passages: passages.filter((p) => p.tags.some((t) => !keys.has(facetKey(t.name)))),
  })
  groups.push({ title: 'Untagged', passages: passages.filter((p) => p.tags.length === 0) })
  return groups.filter((g) => g.passages.length > 0)
}

/** The links touching each passage, oldest first, id as tiebreak: the list does not depend on storage order. */
const linkIndexes = new WeakMap<Ctx['model'], Map<string, Link[]>>()

function linksOf(ctx: Ctx, annotationId: string): Link[] {
  let index = linkIndexes.get(ctx.model)
  if (!index) {
    // Sorted and grouped once per export: sorting all links for every passage was quadratic.
    index = new Map()
    const sorted = [...ctx.model.nb.links].sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    for (const link of sorted) {
      const ends = new Set([link.from, link.to].filter((e) => e.kind === 'annotation').map((e) => e.id))
      for (const id of ends) {
        const list = index.get(id)
        if (list) list.push(link)
        else index.set(id, [link])
      }
    }
    linkIndexes.set(ctx.model, index)
  }
  return index.get(annotationId) ?? []
}

function linkList(ctx: Ctx, p: Passage): BlockContent[] {
  const items: ListItem[] = []
  const relation = (id: string) =>
    ctx.model.nb.relations.find((r) => r.id === id) ?? { name: id, inverse: id }
  for (const link of linksOf(ctx, p.ann.id)) {
    const from = link.from.kind === 'annotation' && link.from.id === p.ann.id
    const to = link.to.kind === 'annotation' && link.to.id === p.ann.id
    const rel = relation(link.relationId)
    const rows: PhrasingContent[][] = []
    if (from) rows.push([text(`${rel.name} → `), ...endpoint(ctx, link.to)])
    if (to) rows.push([text(`${rel.inverse} ← `), ...endpoint(ctx, link.from)])
    for (const row of rows) {
      if (link.comment) row.push(text(` — ${link.comment}`))
      items.push({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: row }] })
    }
  }
  return items.length > 0 ? [{ type: 'list', ordered: false, spread: false, children: items }] : []
}

function passageBlocks(ctx: Ctx, p: Passage): BlockContent[] {
  const lines = p.ann.target.quote.exact.split('\n').filter((l) => l.trim() !== '')
  const out: BlockContent[] = [
    { type: 'blockquote', children: lines.map((l) => ({ type: 'paragraph', children: [text(l)] })) },
  ]
  if (!p.anchored) out.push({ type: 'paragraph', children: [{ type: 'blockId', value: p.blockId }] })
  const cite: PhrasingContent[] = [{ type: 'emphasis', children: [text(p.source.title)] }]
  if (p.source.origin) cite.push(text(`, ${p.source.origin}`))
  cite.push(text(p.anchored ? `, ¶ ${p.block}` : ', orphaned'))
  out.push({ type: 'paragraph', children: cite })
  if (p.ann.note) append(out, docToMdast(p.ann.note, { headingShift: 3, ref: (id) => passageRef(ctx, id) }))
  if (p.tags.length > 0) {
    const tags = p.tags.flatMap((t, i): PhrasingContent[] =>
      i === 0 ? [hashtag(t.name)] : [text(' '), hashtag(t.name)],
    )
    out.push({ type: 'paragraph', children: [text('Tags: '), ...tags] })
  }
  return [...out, ...linkList(ctx, p)]
}

/** Sections for the given passages (all of a notebook, or one source's in the folder layout). */
export function passageSections(ctx: Ctx, passages: Passage[]): BlockContent[] {
  const out: BlockContent[] = []
  const groups = groupByFacet(
    ctx.model.nb,
    passages.filter((p) => p.anchored),
  )
  if (groups.length > 0) out.push(heading(2, 'Passages'))
  for (const g of groups) {
    out.push(heading(3, g.title))
    for (const p of g.passages) append(out, passageBlocks(ctx, p))
  }
  const orphans = passages.filter((p) => !p.anchored)
  if (orphans.length > 0) out.push(heading(2, 'Orphaned passages'))
  for (const p of orphans) append(out, passageBlocks(ctx, p))
  return out
}
