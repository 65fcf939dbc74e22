// A note editor's link to the live doc (docs/LIVE.md, "Many windows in one app"): when the
// window follows a live notebook, the note's Y.XmlFragment for TipTap's Collaboration extension
// to bind to, so typing merges by character with other windows and teammates; otherwise null,
// and the editor saves through applyOps as always. It changes when the window starts or stops
// following (a second window opened, the notebook shared) and when the note reaches the replica.
import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { DocNode } from '@shared/schema'
import type * as Y from 'yjs'
import { replicaOf, subscribeLive, type NoteCollection } from '../state/live-replica'
import { useSession } from '../state/use-session'

export interface LiveNote {
  fragment: Y.XmlFragment
  /** After local typing: the note's "changed at", and (passages) whether it has a note. */
  touch: (empty: boolean) => void
}

export function useLiveNote(collection: NoteCollection, key: string | undefined): LiveNote | null {
  const session = useSession()
  const subscribe = useCallback((listener: () => void) => subscribeLive(session, listener), [session])
  const fragment = useSyncExternalStore(subscribe, () =>
    key ? (replicaOf(session)?.fragment(collection, key) ?? null) : null,
  )
  const touch = useCallback(
    (empty: boolean) => key && replicaOf(session)?.touch(collection, key, empty),
    [session, collection, key],
  )
  return fragment ? { fragment, touch } : null
}

/**
 * A note editor's save while it is not bound: into the note's fragment once the replica holds
 * it (the editor is about to be made again, bound), else `fallback` (applyOps).
 */
export function useNoteSave(
  collection: NoteCollection,
  key: string | undefined,
  fallback: (note: DocNode | null) => void,
): (note: DocNode | null) => void {
  const session = useSession()
  const latest = useRef(fallback)
  latest.current = fallback
  return useCallback(
    (note: DocNode | null) => {
      // Into the fragment: the replica now says "Saving…" until the core has written it, so
      // the editor's own "Saving…" (markDirty) is no longer needed.
      if (key && replicaOf(session)?.writeNote(collection, key, note)) session.markClean()
      else latest.current(note)
    },
    [session, collection, key],
  )
}
