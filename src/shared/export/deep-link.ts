// Links that open Glossa at a passage, note page or source: `glossa://open/<notebook>/<kind>/<id>`.
// The desktop app registers the `glossa:` scheme (src/main/deep-link.ts); the browser host
// understands the same path as a hash route, `#/open/<notebook>/<kind>/<id>`
// (renderer/src/state/route.ts). Ids are [A-Za-z0-9_-] (schema.ts), so nothing is encoded.

export type DeepLinkKind = 'passage' | 'note' | 'source'
export interface DeepLink {
  notebookId: string
  kind: DeepLinkKind
  id: string
}

const ID = '[A-Za-z0-9_-]{1,64}'
const PATH = new RegExp(`^open/(${ID})/(passage|note|source)/(${ID})/?$`)

export function deepLink(notebookId: string, kind: DeepLinkKind, id: string): string {
  return `glossa://open/${notebookId}/${kind}/${id}`
}

/** The parts of a `glossa://open/…` URL, or null for anything else (checked strictly: it comes from outside). */
export function parseDeepLink(url: string): DeepLink | null {
  if (typeof url !== 'string' || url.length > 300 || !url.toLowerCase().startsWith('glossa://')) return null
  return parseDeepLinkPath(url.slice('glossa://'.length))
}

/** `open/<notebook>/<kind>/<id>`, the part after `glossa://` (or after `#/` in the browser host). */
export function parseDeepLinkPath(path: string): DeepLink | null {
  const m = PATH.exec(path)
  return m ? { notebookId: m[1], kind: m[2] as DeepLinkKind, id: m[3] } : null
}
