import type { Tag } from '@shared/schema'

export function TagChip({
  tag,
  onRemove,
  onClick,
  pressed,
}: {
  tag: Tag
  onRemove?: () => void
  onClick?: () => void
  pressed?: boolean
}) {
  const style = { ['--tag' as string]: tag.color }
  return (
    <span className={`chip${pressed ? ' is-pressed' : ''}`} style={style} title={tag.description || tag.name}>
      {onClick ? (
        <button className="chip-label" onClick={onClick} aria-pressed={pressed}>
          {tag.name}
        </button>
      ) : (
        <span className="chip-label">{tag.name}</span>
      )}
      {onRemove && (
        <button className="chip-remove" aria-label={`Remove tag ${tag.name}`} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  )
}
