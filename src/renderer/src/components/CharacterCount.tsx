// How much of a field's limit is used, under the field, once it is nearly full: a field with a
// limit is never cut silently (an input's maxLength drops the end of a long paste without a
// word), so the user sees the count and how much is over instead, and the form refuses it.
import { codePoints } from '@shared/text-length'

const NEAR = 0.8
const fmt = (n: number) => n.toLocaleString('en')

/** Characters as the schema counts them, trimmed as the value will be saved. */
export const charactersOver = (value: string, max: number): number => codePoints(value.trim()) - max

export function tooLongMessage(what: string, value: string, max: number): string | null {
  const over = charactersOver(value, max)
  return over > 0
    ? `${what} can be at most ${fmt(max)} characters; this one has ${fmt(max + over)}. Shorten it by ${fmt(over)}.`
    : null
}

export function CharacterCount({ value, max, id }: { value: string; max: number; id: string }) {
  const n = codePoints(value.trim())
  if (n < max * NEAR) return null
  return (
    <p id={id} className={n > max ? 'field-count over' : 'field-count'}>
      {fmt(n)} / {fmt(max)} characters{n > max ? ` (${fmt(n - max)} too many)` : ''}
    </p>
  )
}
