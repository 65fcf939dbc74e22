// A passage's links and backlinks on its card. (Issue 5 fills this in.)
import type { Annotation } from '../../../shared/schema'

export function PassageLinks(_props: { annotation: Annotation }) {
  return null
}
