// A passage's tags on its card. (Issue 4 fills this in.)
import type { Annotation, Tag } from '../../../shared/schema'

export function PassageTags(_props: { annotation: Annotation; tagsById: Map<string, Tag> }) {
  return null
}
