// A selected facet (or a branch of tags) in the codebook: its counts, a new tag in it, and one
// step that gives its tags distinct colors when some look alike.
import type { CodeGroup, CodeNode } from '@shared/codebook'
import { count } from '@shared/plural'
import type { Facet, Tag } from '@shared/schema'
import { someAlike, spreadColors } from '@shared/tag-colors'
import { useRun } from '../../state/use-run'
import { FacetFields } from './FacetFields'
import { FieldError } from '../FieldError'

const tagsBelow = (nodes: CodeNode[]): Tag[] =>
  nodes.flatMap((n) => [...(n.tag ? [n.tag] : []), ...tagsBelow(n.children)])

export function FacetDetails({
  title,
  prefix,
  node,
  facet,
  onNewTag,
}: {
  title: string
  /** The declared facet, when a facet (not a branch or an undeclared facet) is selected. */
  facet?: Facet
  /** What a new tag's name starts with here ("phase/"), empty for tags with no facet. */
  prefix: string
  node: CodeGroup | CodeNode
  onNewTag: (prefix: string) => void
}) {
  const { error, run } = useRun()
  const tags = tagsBelow(node.children)
  const alike = someAlike(tags.map((t) => t.color))
  const spread = () => {
    const ops = spreadColors(tags)
      .filter(({ id, color }) => tags.find((t) => t.id === id)!.color.toLowerCase() !== color)
      .map(({ id, color }) => ({ type: 'updateTag' as const, id, patch: { color } }))
    if (ops.length) run(ops, 'Give distinct colors')
  }
  return (
    <section className="cb-details" aria-label={title}>
      <h3 className="cb-title">{title}</h3>
      <p className="muted small-text cb-summary">
        {count(tags.length, 'tag')} · {count(node.total, 'passage')}
        {prefix && <> · names start with “{prefix}”</>}
      </p>
      {facet && <FacetFields key={`${facet.key}:${facet.name}`} facet={facet} />}
      <div className="cb-actions">
        <button className="button small" onClick={() => onNewTag(prefix)}>
          New tag in {title}
        </button>
        {tags.length > 1 && (
          <button
            className="button small"
            onClick={spread}
            disabled={!alike}
            title={alike ? 'Some tags here have colors alike' : 'Every tag here has its own color'}
          >
            Distinct colors
          </button>
        )}
      </div>
      <FieldError error={error} />
      {tags.length === 0 && (
        <p className="muted small-text">No tags here yet. Create one, or tag a passage “{prefix}…”.</p>
      )}
    </section>
  )
}
