// One notebook in the library: opens on click; Rename, Duplicate and Move to trash beside it.
// The action buttons' names do not repeat the title (the list item gives the context), so
// "the button named <title>" stays the card itself.
import type { ResultOf } from '@shared/contract'
import { count } from '@shared/plural'
import { navigate } from '../../state/route'
import { relativeTime } from '../relative-time'
import { duplicate, moveToTrash } from './library-actions'

type Summary = ResultOf<'listNotebooks'>['notebooks'][number]

export function NotebookCard({
  nb,
  onRename,
  reload,
}: {
  nb: Summary
  onRename: () => void
  reload: () => Promise<void>
}) {
  const opened = nb.openedAt && nb.openedAt > nb.updatedAt
  return (
    <li className="notebook-row">
      <button className="notebook-card" onClick={() => navigate({ screen: 'notebook', notebookId: nb.id })}>
        <span className="notebook-title">{nb.title}</span>
        <span className="notebook-meta">
          {count(nb.sourceCount, 'source')} · {count(nb.annotationCount, 'passage')} ·{' '}
          {opened ? 'opened' : 'changed'}{' '}
          <time dateTime={opened ? nb.openedAt : nb.updatedAt}>
            {relativeTime(opened ? nb.openedAt! : nb.updatedAt)}
          </time>
        </span>
      </button>
      <span className="notebook-actions">
        <button className="button small ghost" onClick={onRename}>
          Rename
        </button>
        <button className="button small ghost" onClick={() => void duplicate(nb, reload)}>
          Duplicate
        </button>
        <button className="button small ghost danger" onClick={() => void moveToTrash(nb, reload)}>
          Move to trash
        </button>
      </span>
    </li>
  )
}
