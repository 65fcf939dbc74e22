// The one rule for which addresses a link in Glossa may hold (notes, imported documents,
// exports): web pages and e-mail addresses only. Script, data and file URLs never become links.
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const

export function isSafeLinkHref(href: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href.trim())?.[1]?.toLowerCase()
  return scheme !== undefined && (LINK_PROTOCOLS as readonly string[]).includes(scheme)
}
