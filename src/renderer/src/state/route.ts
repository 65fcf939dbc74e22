// Hash routes, so a reload comes back to the same place: #/ (library), #/nb/<id>,
// #/nb/<id>/s/<sourceId>, #/nb/<id>/n/<noteId>, and the analyst's views: #/nb/<id>/v/<view>
// (timeline, places, entities), #/nb/<id>/e/<entityId> (an entity's page); and the Markdown
// export's deep links, glossa://open/<id>/passage/<passageId> (…/note/…, …/source/…), as #/open/….
import { useSyncExternalStore } from 'react'
import { parseDeepLinkPath } from '@shared/export/deep-link'

export type Route =
  | { screen: 'library' }
  | {
      screen: 'notebook'
      notebookId: string
      sourceId?: string
      noteId?: string
      view?: AnalystView
      entityId?: string
      /** A deep link to a passage: open its source and reveal it. */
      passageId?: string
    }
export type AnalystView = 'timeline' | 'places' | 'entities'
const VIEWS: readonly string[] = ['timeline', 'places', 'entities'] satisfies AnalystView[]

export function parseRoute(hash: string): Route {
  const link = parseDeepLinkPath(hash.replace(/^#\/?/, ''))
  if (link) {
    const key = link.kind === 'passage' ? 'passageId' : link.kind === 'note' ? 'noteId' : 'sourceId'
    return { screen: 'notebook', notebookId: link.notebookId, [key]: link.id }
  }
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  if (parts[0] === 'nb' && parts[1]) {
    if (parts[2] === 's' && parts[3]) return { screen: 'notebook', notebookId: parts[1], sourceId: parts[3] }
    if (parts[2] === 'n' && parts[3]) return { screen: 'notebook', notebookId: parts[1], noteId: parts[3] }
    if (parts[2] === 'v' && VIEWS.includes(parts[3]))
      return { screen: 'notebook', notebookId: parts[1], view: parts[3] as AnalystView }
    if (parts[2] === 'e' && parts[3]) return { screen: 'notebook', notebookId: parts[1], entityId: parts[3] }
    return { screen: 'notebook', notebookId: parts[1] }
  }
  return { screen: 'library' }
}

export function routeHash(route: Route): string {
  if (route.screen === 'library') return '#/'
  const base = `#/nb/${encodeURIComponent(route.notebookId)}`
  if (route.sourceId) return `${base}/s/${encodeURIComponent(route.sourceId)}`
  if (route.noteId) return `${base}/n/${encodeURIComponent(route.noteId)}`
  if (route.view) return `${base}/v/${route.view}`
  if (route.entityId) return `${base}/e/${encodeURIComponent(route.entityId)}`
  return base
}

export function navigate(route: Route, replace = false): void {
  const hash = routeHash(route)
  if (location.hash === hash) return
  if (replace) history.replaceState(null, '', hash)
  else history.pushState(null, '', hash)
  window.dispatchEvent(new HashChangeEvent('hashchange'))
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb)
  return () => window.removeEventListener('hashchange', cb)
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash)
  return parseRoute(hash)
}
