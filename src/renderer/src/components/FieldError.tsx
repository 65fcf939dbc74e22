// The reason a field or form refused its input, under it: an alert, so a screen reader says it
// at once. Nothing when there is no error.
export function FieldError({ error, id }: { error: string | null | undefined; id?: string }) {
  if (!error) return null
  return (
    <p id={id} role="alert" className="field-error">
      {error}
    </p>
  )
}
