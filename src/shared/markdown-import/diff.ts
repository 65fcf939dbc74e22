// "Edited in Obsidian, brought back": what differs between a notebook and an export of it that
// was edited, as a list of changes a person accepts one by one; only the accepted ones become
// operations (run through the session, so they are undoable and nothing is applied silently).
//
// The notebook is compared with its own export read back (`base`), not with itself, so what
// the Markdown cannot carry (docs/MARKDOWN-FORMAT.md) never shows up as a change.
import { exportMarkdown } from '../export/markdown/index'
import { shortQuote } from '../export/markdown/model'
import type { Op } from '../ops'
import type { Annotation, Link, Notebook, NotePage, Relation, Tag } from '../schema'
import { sameDoc } from './canonical'
import { compareEntities, comparePassageFields, compareSourceFields } from './diff-analyst'
import { ImportProblem, type InputFile } from './files'
import { detectExport, readExport } from './read-export'

export type ChangeKind = 'added' | 'changed' | 'removed' | 'quote'
export interface Change {
  id: string
  kind: ChangeKind
  /** What the change is about, for grouping: a passage's note or tags, a link, a note page, a source. */
  subject: 'note' | 'tags' | 'passage' | 'link' | 'note page' | 'source' | 'entity'
  label: string
  detail?: string
  /** False for what is only reported (a quote that no longer matches, edited source text). */
  applicable: boolean
}

export interface Reimport {
  changes: Change[]
  /** The operations for the accepted changes, in an order the reducer takes as one batch. */
  opsFor(accepted: ReadonlySet<string>): Op[]
}

interface Planned {
  change: Change
  /** Tags and relations the change needs that the notebook does not have yet (added once). */
  needs?: { tags?: Tag[]; relations?: Relation[] }
  ops: Op[]
  /** Sort key: additions of notes and passages, then updates, then link changes, then deletions. */
  phase: number
}

const linkKey = (l: Pick<Link, 'from' | 'to' | 'relationId'>): string =>
  `${l.from.kind}:${l.from.id}>${l.to.kind}:${l.to.id}:${l.relationId}`

export function reimport(
  current: Notebook,
  files: readonly InputFile[],
  now: string,
  newId: () => string,
): Reimport {
  const found = detectExport(files)
  if (!found) throw new ImportProblem('These files are not a Glossa Markdown export.')
  const edited = readExport(files, { now, newId })
  if (edited.id !== current.id)
    throw new ImportProblem(
      `These files are an export of “${edited.title}”, not of this notebook; import them as a new notebook from the library instead.`,
    )
  const base = readExport(exportMarkdown(current, { layout: found.layout }).files, { now, newId })
  const plans = compare(current, base, edited, now)
  return {
    changes: plans.map((p) => p.change),
    opsFor(accepted) {
      const chosen = plans.filter((p) => p.change.applicable && accepted.has(p.change.id))
      const tags = new Map<string, Tag>()
      const relations = new Map<string, Relation>()
      for (const p of chosen) {
        p.needs?.tags?.forEach((t) => tags.set(t.id, t))
        p.needs?.relations?.forEach((r) => relations.set(r.id, r))
      }
      return [
        ...[...tags.values()].map((tag): Op => ({ type: 'addTag', tag })),
        ...[...relations.values()].map((relation): Op => ({ type: 'addRelation', relation })),
        ...chosen.sort((a, b) => a.phase - b.phase).flatMap((p) => p.ops),
      ]
    },
  }
}

function compare(current: Notebook, base: Notebook, edited: Notebook, now: string): Planned[] {
  const plans: Planned[] = []
  const quote = (a: Annotation): string => `“${shortQuote(a.target.quote.exact)}”`
  const curTags = new Map(current.tags.map((t) => [t.id, t]))
  const curTagByName = new Map(current.tags.map((t) => [t.name.toLowerCase(), t]))
  const editedTags = new Map(edited.tags.map((t) => [t.id, t]))
  /** A tag of the edited export as a tag of the notebook: the same id, else the same name, else new. */
  const tagFor = (id: string): Tag => {
    const known = curTags.get(id)
    if (known) return known
    const t = editedTags.get(id)!
    return curTagByName.get(t.name.toLowerCase()) ?? t
  }
  const tagName = (id: string): string => tagFor(id).name

  // Passages: notes, tags, quotes; removed and added.
  const basePassages = new Map(base.annotations.map((a) => [a.id, a]))
  const editedPassages = new Map(edited.annotations.map((a) => [a.id, a]))
  const curPassages = new Map(current.annotations.map((a) => [a.id, a]))
  const editedSources = new Set(edited.sources.map((s) => s.id))
  for (const e of edited.annotations) {
    const b = basePassages.get(e.id)
    const cur = curPassages.get(e.id)
    if (!b || !cur) {
      if (!current.sources.some((s) => s.id === e.sourceId) || e.status !== 'anchored') continue
      plans.push({
        change: {
          id: `passage+${e.id}`,
          kind: 'added',
          subject: 'passage',
          label: `New passage ${quote(e)}`,
          applicable: true,
        },
        needs: { tags: e.tagIds.map(tagFor).filter((t) => !curTags.has(t.id)) },
        ops: [{ type: 'addAnnotation', annotation: { ...e, tagIds: e.tagIds.map((id) => tagFor(id).id) } }],
        phase: 1,
      })
      continue
    }
    if (e.target.quote.exact !== b.target.quote.exact || (b.status === 'anchored' && e.status !== 'anchored'))
      plans.push({
        change: {
          id: `quote:${e.id}`,
          kind: 'quote',
          subject: 'passage',
          label: `Quote no longer matches: ${quote(b)}`,
          detail:
            e.target.quote.exact !== b.target.quote.exact
              ? `Now reads ${quote(e)}; a passage's quote is not changed from Markdown.`
              : 'Its text is no longer in the source; source text is not changed from Markdown.',
          applicable: false,
        },
        ops: [],
        phase: 9,
      })
    if (!sameDoc(b.note, e.note))
      plans.push({
        change: {
          id: `note:${e.id}`,
          kind: !b.note ? 'added' : !e.note ? 'removed' : 'changed',
          subject: 'note',
          label: `Note of ${quote(cur)}`,
          applicable: true,
        },
        ops: [{ type: 'updateAnnotation', id: e.id, patch: { note: e.note } }],
        phase: 2,
      })
    const before = new Set(b.tagIds.map((id) => tagFor(id).id))
    const after = new Set(e.tagIds.map((id) => tagFor(id).id))
    const added = [...after].filter((id) => !before.has(id))
    const removed = [...before].filter((id) => !after.has(id))
    if (added.length || removed.length) {
      const tagIds = [
        ...cur.tagIds.filter((id) => !removed.includes(id)),
        ...added.filter((id) => !cur.tagIds.includes(id)),
      ]
      plans.push({
        change: {
          id: `tags:${e.id}`,
          kind: 'changed',
          subject: 'tags',
          label: `Tags of ${quote(cur)}`,
          detail: [...added.map((id) => `+ ${tagName(id)}`), ...removed.map((id) => `− ${tagName(id)}`)].join(
            ', ',
          ),
          applicable: true,
        },
        needs: { tags: e.tagIds.map(tagFor).filter((t) => !curTags.has(t.id)) },
        ops: [{ type: 'updateAnnotation', id: e.id, patch: { tagIds } }],
        phase: 2,
      })
    }
    // Grade and dates, edited in the front matter's glossa.passages.
    plans.push(
      ...comparePassageFields(
        b,
        e,
        current.sources.find((s) => s.id === cur.sourceId),
        quote(cur),
      ),
    )
  }
  for (const b of base.annotations)
    if (!editedPassages.has(b.id) && editedSources.has(b.sourceId) && curPassages.has(b.id))
      plans.push({
        change: {
          id: `passage-${b.id}`,
          kind: 'removed',
          subject: 'passage',
          label: `Passage ${quote(b)}`,
          applicable: true,
        },
        ops: [{ type: 'deleteAnnotation', id: b.id }],
        phase: 5,
      })

  // Note pages.
  const baseNotes = new Map(base.notes.map((n) => [n.id, n]))
  const editedNotes = new Map(edited.notes.map((n) => [n.id, n]))
  for (const e of edited.notes) {
    const b = baseNotes.get(e.id)
    if (!b) {
      plans.push({
        change: {
          id: `page+${e.id}`,
          kind: 'added',
          subject: 'note page',
          label: `Note page “${e.title}”`,
          applicable: true,
        },
        ops: [{ type: 'addNote', note: { ...e, createdAt: now, updatedAt: now } as NotePage }],
        phase: 1,
      })
      continue
    }
    if (b.title !== e.title || !sameDoc(b.doc, e.doc))
      plans.push({
        change: {
          id: `page:${e.id}`,
          kind: 'changed',
          subject: 'note page',
          label: `Note page “${b.title}”`,
          detail: b.title !== e.title ? `Title: “${e.title}”` : undefined,
          applicable: true,
        },
        ops: [{ type: 'updateNote', id: e.id, patch: { title: e.title, doc: e.doc } }],
        phase: 2,
      })
  }
  for (const b of base.notes)
    if (!editedNotes.has(b.id) && current.notes.some((n) => n.id === b.id))
      plans.push({
        change: {
          id: `page-${b.id}`,
          kind: 'removed',
          subject: 'note page',
          label: `Note page “${b.title}”`,
          applicable: true,
        },
        ops: [{ type: 'deleteNote', id: b.id }],
        phase: 6,
      })

  // Links, by their two ends and relation; a changed comment is a removal and an addition.
  const curRelations = new Map(current.relations.map((r) => [r.id, r]))
  const curRelationByName = new Map(current.relations.map((r) => [r.name, r]))
  const editedRelations = new Map(edited.relations.map((r) => [r.id, r]))
  const relationFor = (id: string): Relation => {
    const known = curRelations.get(id)
    if (known) return known
    const r = editedRelations.get(id)!
    return curRelationByName.get(r.name) ?? r
  }
  const describe = (l: Link): string => {
    const end = (e: Link['from']): string => {
      if (e.kind === 'note')
        return `note page “${(editedNotes.get(e.id) ?? baseNotes.get(e.id))?.title ?? e.id}”`
      const a = editedPassages.get(e.id) ?? basePassages.get(e.id)
      return a ? quote(a) : e.id
    }
    return `${end(l.from)} ${relationFor(l.relationId).name} ${end(l.to)}`
  }
  const baseLinks = new Map(base.links.map((l) => [linkKey(l), l]))
  const curLinks = new Map(current.links.map((l) => [linkKey(l), l]))
  const editedLinks = new Map(
    edited.links.map((l) => [linkKey({ ...l, relationId: relationFor(l.relationId).id }), l]),
  )
  for (const [key, e] of editedLinks) {
    const b = baseLinks.get(key)
    if (b && b.comment === e.comment) continue
    const relation = relationFor(e.relationId)
    const old = curLinks.get(key)
    plans.push({
      change: {
        id: `link+${key}`,
        kind: b ? 'changed' : 'added',
        subject: 'link',
        label: `Link: ${describe(e)}`,
        detail: e.comment ? `Comment: ${e.comment}` : undefined,
        applicable: true,
      },
      needs: { relations: curRelations.has(relation.id) ? [] : [relation] },
      ops: [
        ...(b && old ? [{ type: 'deleteLink', id: old.id } as Op] : []),
        { type: 'addLink', link: { ...e, id: `${e.id}`, relationId: relation.id, createdAt: now } },
      ],
      phase: 3,
    })
  }
  for (const [key, b] of baseLinks) {
    const old = curLinks.get(key)
    if (editedLinks.has(key) || !old) continue
    plans.push({
      change: {
        id: `link-${key}`,
        kind: 'removed',
        subject: 'link',
        label: `Link: ${describe(b)}`,
        applicable: true,
      },
      ops: [{ type: 'deleteLink', id: old.id }],
      phase: 4,
    })
  }

  // The sources' publication dates and grades, and the notebook's entities.
  plans.push(...compareSourceFields(base, edited), ...compareEntities(current, base, edited))

  // Sources: text edited in Obsidian is reported, never applied (passages are anchored to it).
  const baseSources = new Map(base.sources.map((s) => [s.id, s]))
  for (const e of edited.sources) {
    const b = baseSources.get(e.id)
    if (b && !sameDoc(b.doc, e.doc))
      plans.push({
        change: {
          id: `source:${e.id}`,
          kind: 'changed',
          subject: 'source',
          label: `Text of “${b.title}”`,
          detail: 'Edit a source’s text in Glossa (Edit source); it is not brought back from Markdown.',
          applicable: false,
        },
        ops: [],
        phase: 9,
      })
  }
  return plans
}
