// The library's first listing, asked for before React is even evaluated (main.tsx imports this
// module first): on a cold start the host lists the notebooks while the page evaluates React
// and renders, instead of after (#16's first paint). Taken once by the library screen; a start
// on another route asks for nothing. It usually arrives before React's first render, which
// then shows it at once (arrivedFirstListing).
import { api, captureToken } from '../../api/client'
import type { LibraryData } from './use-library'

captureToken() // the request needs the token, which this takes out of the address first

let first: Promise<LibraryData> | null = /^#?\/?$/.test(location.hash)
  ? Promise.all([api.listNotebooks({}), api.listTrash({})]).then(([list, trash]) => ({
      ...list,
      trash: trash.items,
    }))
  : null
let arrived: LibraryData | null = null
// Taken by the screen, which handles a failure; never an unhandled rejection meanwhile.
first?.then(
  (data) => (arrived = data),
  () => {},
)

/**
 * The first listing if it has arrived and was not taken yet: the library screen's first render
 * shows it, instead of "Loading…" and a second render, layout and paint once it is taken.
 */
export function arrivedFirstListing(): LibraryData | null {
  return first ? arrived : null
}

/** The listing asked for at start, once (null afterwards, or when none was asked for). */
export function takeFirstListing(): Promise<LibraryData> | null {
  const taken = first
  first = null
  return taken
}
