// Rename and delete a source. Deleting says how many passages go with it, and can be undone.
import { useState } from 'react'
import { count } from '@shared/plural'
import type { Source } from '@shared/schema'
import { navigate } from '../state/route'
import { toastStore } from '../state/toasts'
import { useSession } from '../state/use-session'
import { ConfirmDialog } from './ConfirmDialog'
import { TitleDialog } from './TitleDialog'
import { undoAction } from '../state/undo-action'
import { RenameDeleteButtons } from './RenameDeleteButtons'

export function SourceMenu({ source }: { source: Source }) {
  const session = useSession()
  const [dialog, setDialog] = useState<null | 'rename' | 'delete'>(null)
  // Counted only while the delete dialog is open: every source in the nav has this menu, and the
  // nav is drawn again on each change (at 200 sources × 20,000 passages it was most of the window’s time while typing).
  const passages =
    dialog === 'delete' ? session.notebook.annotations.filter((a) => a.sourceId === source.id).length : 0

  const remove = () => {
    const entry = session.run([{ type: 'deleteSource', id: source.id }], { label: 'Delete source' })
    setDialog(null)
    navigate({ screen: 'notebook', notebookId: session.notebook.id }, true)
    toastStore.show(`Deleted “${source.title}”.`, {
      action: undoAction(session, entry),
    })
  }

  return (
    <span className="source-menu">
      <RenameDeleteButtons
        what={`source “${source.title}”`}
        onRename={() => setDialog('rename')}
        onDelete={() => setDialog('delete')}
      />
      {dialog === 'rename' && (
        <TitleDialog
          title="Rename source"
          initial={source.title}
          submitLabel="Rename"
          onSubmit={(title) => {
            session.run([{ type: 'updateSource', id: source.id, patch: { title } }], {
              label: 'Rename source',
            })
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title="Delete source?"
          confirmLabel={passages > 0 ? `Delete source and ${count(passages, 'passage')}` : 'Delete source'}
          onConfirm={remove}
          onClose={() => setDialog(null)}
        >
          {passages > 0
            ? `“${source.title}” and its ${count(passages, 'passage')} will be deleted, with their links.`
            : `“${source.title}” will be deleted. It has no passages.`}{' '}
          You can undo this.
        </ConfirmDialog>
      )}
    </span>
  )
}
