// Library actions with their messages: each reports in a toast and reloads the lists.
import type { NotebookSummary } from '@shared/schema'
import { api } from '../../api/client'
import { showError, toastStore } from '../../state/toasts'

type Reload = () => Promise<void>

export async function duplicate(nb: NotebookSummary, reload: Reload): Promise<void> {
  try {
    const copy = await api.duplicateNotebook({ id: nb.id })
    await reload()
    toastStore.show(`Duplicated as “${copy.title}”.`)
  } catch (e) {
    showError(e)
  }
}

export async function moveToTrash(nb: NotebookSummary, reload: Reload): Promise<void> {
  try {
    const { trashedAs } = await api.deleteNotebook({ id: nb.id })
    await reload()
    toastStore.show(`Moved “${nb.title}” to the trash.`, {
      ms: 10_000,
      action: { label: 'Undo', run: () => void restore(trashedAs, reload) },
    })
  } catch (e) {
    showError(e)
  }
}

export async function restore(trashedAs: string, reload: Reload): Promise<void> {
  try {
    const nb = await api.restoreNotebook({ trashedAs })
    await reload()
    toastStore.show(`Restored “${nb.title}”.`)
  } catch (e) {
    showError(e)
  }
}

export async function rename(nb: NotebookSummary, title: string, reload: Reload): Promise<void> {
  // The same operation the notebook applies to itself, so an open notebook and its file agree.
  const result = await api.applyOps({
    id: nb.id,
    at: new Date().toISOString(),
    ops: [{ type: 'renameNotebook', title }],
  })
  if (!result.saved) throw new Error(result.saveError ?? 'The new title could not be saved.')
  await reload()
}

export async function restoreFromBackup(file: string, reload: Reload): Promise<void> {
  try {
    const { notebook, movedAsideTo } = await api.restoreBackup({ file })
    await reload()
    toastStore.show(
      `Restored “${notebook.title}” from its backup. The damaged file was kept as ${movedAsideTo}.`,
      { ms: 12_000 },
    )
  } catch (e) {
    showError(e)
  }
}

export async function importFile(file: File, reload: Reload): Promise<void> {
  try {
    const nb = await api.importNotebook({ fileName: file.name, content: await file.text() })
    await reload()
    toastStore.show(`Imported “${nb.title}”.`)
  } catch (e) {
    showError(e)
  }
}
