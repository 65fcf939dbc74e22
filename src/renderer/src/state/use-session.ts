import { createContext, useContext, useSyncExternalStore } from 'react'
import type { Notebook } from '@shared/schema'
import type { NotebookSession, SaveState } from './session'

export const SessionContext = createContext<NotebookSession | null>(null)

export function useSession(): NotebookSession {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside a notebook')
  return session
}

/** The current notebook; re-renders on every change. */
export function useNotebook(): Notebook {
  const session = useSession()
  return useSyncExternalStore(session.subscribe, () => session.notebook)
}

export function useSaveState(): SaveState {
  const session = useSession()
  return useSyncExternalStore(session.subscribe, () => session.save)
}

/** True when the notebook is a copy joined with a read-only key: editors do not edit. */
export function useReadOnly(): boolean {
  const session = useSession()
  return useSyncExternalStore(session.subscribe, () => session.readOnly)
}
