// Rename and delete a note page. Deleting says how many links go with it, and can be undone.
import { useState } from 'react'
import { count } from '@shared/plural'
import type { NotePage } from '@shared/schema'
import { toastStore } from '../../state/toasts'
import { useSession } from '../../state/use-session'
import { ConfirmDialog } from '../ConfirmDialog'
import { TitleDialog } from '../TitleDialog'
import { undoAction } from '../../state/undo-action'
import { RenameDeleteButtons } from '../RenameDeleteButtons'

export function NoteMenu({ note }: { note: NotePage }) {
  const session = useSession()
  const [dialog, setDialog] = useState<null | 'rename' | 'delete'>(null)
  // Counted only while the delete dialog is open (every note page in the nav has this menu).
  const links =
    dialog === 'delete'
      ? session.notebook.links.filter(
          (l) =>
            (l.from.kind === 'note' && l.from.id === note.id) ||
            (l.to.kind === 'note' && l.to.id === note.id),
        ).length
      : 0

  const remove = () => {
    const entry = session.run([{ type: 'deleteNote', id: note.id }], { label: 'Delete note' })
    setDialog(null)
    toastStore.show(`Deleted “${note.title}”.`, {
      action: undoAction(session, entry),
    })
  }

  return (
    <span className="source-menu">
      <RenameDeleteButtons
        what={`note “${note.title}”`}
        onRename={() => setDialog('rename')}
        onDelete={() => setDialog('delete')}
      />
      {dialog === 'rename' && (
        <TitleDialog
          title="Rename note"
          initial={note.title}
          submitLabel="Rename"
          onSubmit={(title) => {
            session.run([{ type: 'updateNote', id: note.id, patch: { title } }], { label: 'Rename note' })
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title="Delete note?"
          confirmLabel="Delete note"
          onConfirm={remove}
          onClose={() => setDialog(null)}
        >
          “{note.title}” will be deleted{links > 0 ? `, with its ${count(links, 'link')}` : ''}. Its
          references to passages go with it; the passages stay. You can undo this.
        </ConfirmDialog>
      )}
    </span>
  )
}
