// The library's data: notebooks, damaged files and the trash, reloaded together after every
// change so the three lists never disagree.
import { useCallback, useEffect, useState } from 'react'
import type { ResultOf } from '@shared/contract'
import { api, errorMessage } from '../../api/client'
import { arrivedFirstListing, takeFirstListing } from './first-listing'

export type LibraryData = ResultOf<'listNotebooks'> & { trash: ResultOf<'listTrash'>['items'] }

export function useLibrary(): {
  data: LibraryData | null
  error: string | null
  reload: () => Promise<void>
} {
  // The first listing, if it is here already; taking it below sets the same object (no render).
  const [data, setData] = useState<LibraryData | null>(arrivedFirstListing)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(async () => {
    try {
      const listing = takeFirstListing()
      if (listing) setData(await listing)
      else {
        const [list, trash] = await Promise.all([api.listNotebooks({}), api.listTrash({})])
        setData({ ...list, trash: trash.items })
      }
      setError(null)
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [])
  useEffect(() => {
    void reload()
  }, [reload])
  return { data, error, reload }
}
