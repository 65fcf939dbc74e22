// Running operations from a form: a refusal (a GlossaError from the reducer) becomes the
// form's error message instead of an exception.
import { useState } from 'react'
import { errorMessage } from '../api/client'
import type { Op } from '@shared/ops'
import { useSession } from './use-session'

export function useRun(): {
  error: string | null
  setError: (e: string | null) => void
  run: (ops: Op[], label: string) => boolean
} {
  const session = useSession()
  const [error, setError] = useState<string | null>(null)
  const run = (ops: Op[], label: string): boolean => {
    try {
      session.run(ops, { label })
      setError(null)
      return true
    } catch (e) {
      setError(errorMessage(e))
      return false
    }
  }
  return { error, setError, run }
}
