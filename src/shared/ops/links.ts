// Typed links between passages (or a passage and a note page), shown at both ends.
import { GlossaError } from '../errors'
import type { Endpoint, Link, Notebook } from '../schema'
import { assertNew, mustFind, removeWhere, replaceAt, type Applied } from './apply'
import type { OpOf } from './schema'
import { definedOnly } from './sources'

type LinkOp =
  OpOf<'addRelation'> | OpOf<'updateRelation'> | OpOf<'deleteRelation'> | OpOf<'addLink'> | OpOf<'deleteLink'>

export function applyLinkOp(nb: Notebook, op: LinkOp): Applied {
  switch (op.type) {
    case 'addRelation': {
      assertNew(nb.relations, op.relation.id, 'relation')
      assertUniqueRelationName(nb, op.relation.name)
      return {
        notebook: { ...nb, relations: [...nb.relations, op.relation] },
        inverse: [{ type: 'deleteRelation', id: op.relation.id }],
      }
    }
    case 'updateRelation': {
      const { item, index } = mustFind(nb.relations, op.id, 'relation')
      const patch = definedOnly(op.patch)
      if (patch.name !== undefined) assertUniqueRelationName(nb, patch.name, op.id)
      const previous = Object.fromEntries(Object.keys(patch).map((k) => [k, item[k as keyof typeof item]]))
      return {
        notebook: { ...nb, relations: replaceAt(nb.relations, index, { ...item, ...patch }) },
        inverse: [{ type: 'updateRelation', id: op.id, patch: previous }],
      }
    }
    case 'deleteRelation': {
      const { item, index } = mustFind(nb.relations, op.id, 'relation')
      const links = removeWhere(nb.links, (l) => l.relationId === op.id)
      return {
        notebook: { ...nb, relations: nb.relations.filter((r) => r.id !== op.id), links: links.kept },
        inverse: [
          {
            type: 'restore',
            relations: [{ relation: item, index }],
            links: links.removed.map(({ item: link, index: at }) => ({ link, index: at })),
          },
        ],
      }
    }
    case 'addLink': {
      assertNew(nb.links, op.link.id, 'link')
      assertLinkAllowed(nb, op.link)
      return {
        notebook: { ...nb, links: [...nb.links, op.link] },
        inverse: [{ type: 'deleteLink', id: op.link.id }],
      }
    }
    case 'deleteLink': {
      const { item, index } = mustFind(nb.links, op.id, 'link')
      return {
        notebook: { ...nb, links: nb.links.filter((l) => l.id !== op.id) },
        inverse: [{ type: 'restore', links: [{ link: item, index }] }],
      }
    }
  }
}

export function assertLinkAllowed(nb: Notebook, link: Link): void {
  assertEndpoint(nb, link.from)
  assertEndpoint(nb, link.to)
  mustFind(nb.relations, link.relationId, 'relation')
  if (link.from.kind === link.to.kind && link.from.id === link.to.id) {
    throw new GlossaError('link/self', 'A passage cannot be linked to itself.')
  }
  const same = (a: Endpoint, b: Endpoint) => a.kind === b.kind && a.id === b.id
  if (
    nb.links.some((l) => same(l.from, link.from) && same(l.to, link.to) && l.relationId === link.relationId)
  ) {
    throw new GlossaError('link/duplicate', 'These passages are already linked with this relation.')
  }
}

function assertEndpoint(nb: Notebook, end: Endpoint): void {
  if (end.kind === 'annotation') mustFind(nb.annotations, end.id, 'passage')
  else mustFind(nb.notes, end.id, 'note')
}

function assertUniqueRelationName(nb: Notebook, name: string, exceptId?: string): void {
  const lower = name.trim().toLowerCase()
  if (nb.relations.some((r) => r.id !== exceptId && r.name.toLowerCase() === lower)) {
    throw new GlossaError('relation/duplicate', `A relation named “${name.trim()}” already exists.`)
  }
}
