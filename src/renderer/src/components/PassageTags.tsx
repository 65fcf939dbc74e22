// A passage's tags on its card: colored chips, removable with a click. ("Add tag" is in the
// card's footer.)
import type { Annotation, Tag } from '@shared/schema'
import { removeTagFromPassage } from '../state/tag-actions'
import { useSession } from '../state/use-session'
import { TagChip } from './tags/TagChip'
import { useReadOnly } from '../state/use-session'

export function PassageTags({
  annotation,
  tagsById,
}: {
  annotation: Annotation
  tagsById: Map<string, Tag>
}) {
  const session = useSession()
  const readOnly = useReadOnly()
  const tags = annotation.tagIds.map((id) => tagsById.get(id)).filter((t): t is Tag => Boolean(t))
  if (tags.length === 0) return null
  return (
    <div className="passage-tags">
      {tags.map((t) => (
        <TagChip
          key={t.id}
          tag={t}
          onRemove={readOnly ? undefined : () => removeTagFromPassage(session, annotation.id, t.id)}
        />
      ))}
    </div>
  )
}
