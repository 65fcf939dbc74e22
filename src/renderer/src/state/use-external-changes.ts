// Notices when another program changes the open notebook's file (checked on window focus and
// every 5 s). With nothing pending it reloads quietly and says so; with edits pending or
// unsaved it asks "Keep mine (overwrite)" or "Load theirs" — it never overwrites silently.
import { createElement, useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { api, ApiCallError, errorMessage } from '../api/client'
import { ExternalChangeDialog } from '../components/ExternalChangeDialog'
import type { NotebookSession } from './session'
import { showError, toastStore } from './toasts'

export const EXTERNAL_CHECK_MS = 5_000

/** Returns the dialog to render (or null); call it once in the notebook layout. */
export function useExternalChanges(session: NotebookSession): ReactNode {
  const [asking, setAsking] = useState<string | null>(null)
  const checking = useRef(false)
  const askingRef = useRef(false)
  askingRef.current = asking !== null

  /** Takes the core's copy (now the file's) into the session; the save state is settled. */
  const adopt = useCallback(async () => {
    // The session has no setter for this: the re-render that closes the dialog shows it.
    session.save = { kind: 'saved' }
    await session.reload()
  }, [session])

  const check = useCallback(async () => {
    if (checking.current || askingRef.current) return
    checking.current = true
    try {
      const id = session.notebook.id
      const { changed } = await api.checkExternalChange({ id })
      if (!changed) return
      if (session.busy || session.save.kind === 'error')
        return setAsking('You have edits that are not saved yet.')
      try {
        await api.reloadNotebook({ id })
      } catch (error) {
        // The core holds edits the page had not noticed (or the new file cannot be read): ask.
        const unsaved = error instanceof ApiCallError && error.code === 'store/unsaved-edits'
        return setAsking(
          unsaved
            ? 'You have edits that are not saved yet.'
            : `The file on disk cannot be loaded: ${errorMessage(error)}`,
        )
      }
      await adopt()
      toastStore.show('Reloaded: the notebook changed on disk.')
    } catch (error) {
      showError(error)
    } finally {
      checking.current = false
    }
  }, [session, adopt])

  useEffect(() => {
    const onFocus = () => void check()
    window.addEventListener('focus', onFocus)
    const timer = setInterval(onFocus, EXTERNAL_CHECK_MS)
    return () => {
      window.removeEventListener('focus', onFocus)
      clearInterval(timer)
    }
  }, [check])

  const resolve = useCallback(
    async (choice: 'mine' | 'theirs') => {
      const id = session.notebook.id
      await session.settled() // every edit made so far has reached the core
      try {
        if (choice === 'mine') {
          const outcome = await api.forceSave({ id })
          if (!outcome.saved) throw new Error(outcome.saveError ?? 'The notebook could not be saved.')
          session.save = { kind: 'saved' }
          toastStore.show('Saved your version over the file on disk.')
        } else {
          await api.reloadNotebook({ id, discardUnsaved: true })
          await adopt()
          toastStore.show('Loaded the version on disk; your unsaved edits were discarded.')
        }
        setAsking(null)
      } catch (error) {
        showError(error)
      }
    },
    [session, adopt],
  )

  if (asking === null) return null
  return createElement(ExternalChangeDialog, {
    detail: asking,
    onKeepMine: () => resolve('mine'),
    onLoadTheirs: () => resolve('theirs'),
    // Deciding later closes the dialog; the next check asks again.
    onLater: () => setAsking(null),
  })
}
