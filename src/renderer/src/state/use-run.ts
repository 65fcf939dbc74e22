// Running operations from a form: a refusal (a GlossaError from the reducer) becomes the
// form's error message instead of an exception.
import { useState } from 'react'
import { errorMessage } from '../api/client'
import type { Op } from '@shared/ops'
import { useSession } from './use-session'

export function useRun(): {
  error: string | null
  setError: (e: string | null) => void
  /** Runs undoable ops; returns the history entry (for a toast's Undo), or null when refused. */
  run: (ops: Op[], label: string) => { entry: number | null } | null
} {
  const session = useSession()
  const [error, setError] = useState<string | null>(null)
  const run = (ops: Op[], label: string): { entry: number | null } | null => {
    try {
      const entry = session.run(ops, { label })
      setError(null)
      return { entry }
    } catch (e) {
      setError(errorMessage(e))
      return null
    }
  }
  return { error, setError, run }
}
