// The pencil and bin beside a source or note page in the nav. A read-only copy shows neither.
import { Editable } from './Editable'
import { Icon } from './Icon'

export function RenameDeleteButtons({
  what,
  onRename,
  onDelete,
}: {
  /** How the thing is named for assistive technology, e.g. `source “Field memo”`. */
  what: string
  onRename: () => void
  onDelete: () => void
}) {
  return (
    <Editable>
      <button className="icon-button" aria-label={`Rename ${what}`} title="Rename" onClick={onRename}>
        <Icon name="edit" />
      </button>
      <button className="icon-button" aria-label={`Delete ${what}`} title="Delete" onClick={onDelete}>
        <Icon name="trash" />
      </button>
    </Editable>
  )
}
