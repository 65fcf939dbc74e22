import type { NotebookSummary } from '@shared/schema'
import { api } from '../api/client'
import { TitleDialog } from './TitleDialog'

export function NewNotebookDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void
  onCreated: (nb: NotebookSummary) => void
}) {
  return (
    <TitleDialog
      title="New notebook"
      submitLabel="Create notebook"
      emptyMessage="Give the notebook a title."
      onSubmit={async (title) => onCreated(await api.createNotebook({ title }))}
      onClose={onClose}
    />
  )
}
