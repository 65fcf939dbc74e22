// Notebooks moved to the trash, newest first, each with "Restore".
import { relativeTime } from '../relative-time'
import { restore } from './library-actions'
import type { LibraryData } from './use-library'

export function TrashSection({
  items,
  reload,
}: {
  items: LibraryData['trash']
  reload: () => Promise<void>
}) {
  if (items.length === 0) return null
  return (
    <section className="library-section" aria-labelledby="trash-heading">
      <h2 id="trash-heading">Trash</h2>
      <p className="muted">
        Deleted notebooks stay here until you remove them from the data folder’s trash by hand.
      </p>
      <ul className="trash-list">
        {items.map((item) => (
          <li key={item.trashedAs} className="trash-item">
            <span className="trash-title">{item.title}</span>
            <span className="muted">
              deleted <time dateTime={item.trashedAt}>{relativeTime(item.trashedAt)}</time>
            </span>
            {item.reason ? (
              <span className="damaged-reason">Cannot be restored: {item.reason}</span>
            ) : (
              <button className="button small" onClick={() => void restore(item.trashedAs, reload)}>
                Restore
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
