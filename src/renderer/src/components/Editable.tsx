// Controls that change the notebook. A copy joined with a read-only key shows none of them:
// offering a button only to refuse its click tells the person less than not offering it (the
// top bar's "Read-only" badge says why). Shortcuts still answer with the reason.
import type { ReactNode } from 'react'
import { useReadOnly } from '../state/use-session'

export function Editable({ children }: { children: ReactNode }) {
  return useReadOnly() ? null : <>{children}</>
}
