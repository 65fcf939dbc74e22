// Asks for a link's address in the app (Electron has no window.prompt): web and e-mail
// addresses only, with the reason shown when another is typed.
import { isSafeLinkHref } from '@shared/urls'
import { TitleDialog } from '../TitleDialog'

interface LinkAddressDialogProps {
  onSubmit: (href: string) => void
  onClose: () => void
}

const REFUSED = 'Links can go to web pages (https://…) or e-mail (mailto:…).'

export function LinkAddressDialog({ onSubmit, onClose }: LinkAddressDialogProps) {
  return (
    <TitleDialog
      title="Add link"
      fieldLabel="Link address"
      inputType="url"
      placeholder="https://…"
      maxLength={2000}
      submitLabel="Add link"
      emptyMessage={REFUSED}
      validate={(href) => (isSafeLinkHref(href) ? null : REFUSED)}
      onSubmit={onSubmit}
      onClose={onClose}
    />
  )
}
