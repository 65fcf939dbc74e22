import type { NotebookSummary } from '@shared/schema'
import { TitleDialog } from '../TitleDialog'
import { rename } from './library-actions'

export function RenameNotebookDialog({
  notebook,
  onClose,
  reload,
}: {
  notebook: NotebookSummary
  onClose: () => void
  reload: () => Promise<void>
}) {
  return (
    <TitleDialog
      title="Rename notebook"
      initial={notebook.title}
      submitLabel="Rename"
      emptyMessage="Give the notebook a title."
      onSubmit={(title) => rename(notebook, title, reload)}
      onClose={onClose}
    />
  )
}
