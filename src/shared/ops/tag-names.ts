// Tag names are paths ("phase/1"); the first segment is the facet. Names are compared
// case-insensitively so "Base/Harir" and "base/harir" cannot both exist.
import { GlossaError } from '../errors'
import { LIMITS, type Tag } from '../schema'

export function normalizeTagName(raw: string): string {
  const segments = raw
    .split('/')
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter((s) => s.length > 0)
  if (segments.length === 0)
    throw new GlossaError(
      'tag/empty',
      'A tag name needs at least one letter or digit (not only spaces or slashes).',
    )
  const name = segments.join('/')
  if (name.length > LIMITS.tagNameLength) {
    throw new GlossaError(
      'tag/too-long',
      `A tag name can be at most ${LIMITS.tagNameLength} characters (this one has ${name.length}).`,
    )
  }
  return name
}

export function assertUniqueTagName(tags: readonly Tag[], name: string, exceptId?: string): void {
  const lower = name.toLowerCase()
  const clash = tags.find((t) => t.id !== exceptId && t.name.toLowerCase() === lower)
  if (clash) throw new GlossaError('tag/duplicate', `A tag named “${clash.name}” already exists.`)
}
