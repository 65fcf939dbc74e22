// Shows the confirmation an action asked for through ui.confirm (actions outside components,
// such as deleting a passage from the keyboard, cannot render a dialog themselves).
import { ui, useUi } from '../state/ui-store'
import { ConfirmDialog } from './ConfirmDialog'

export function ConfirmHost() {
  const request = useUi((s) => s.confirm)
  if (!request) return null
  const close = () => ui.set({ confirm: null })
  return (
    <ConfirmDialog
      title={request.title}
      confirmLabel={request.confirmLabel}
      onConfirm={() => {
        close()
        request.onConfirm()
      }}
      onClose={close}
    >
      {request.message}
    </ConfirmDialog>
  )
}
