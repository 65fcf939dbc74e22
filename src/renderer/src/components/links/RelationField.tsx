// Choosing a link's relation: one of the notebook's, or "New relation…" with its name and how
// it reads from the other end ("explains" / "explained by").
import type { Relation } from '@shared/schema'

export const NEW_RELATION = '__new__'
export interface RelationChoice {
  id: string
  name: string
  inverse: string
}

/** Colors for user-defined relations, picked in turn. */
export const RELATION_COLORS = [
  '#00838f',
  '#8e24aa',
  '#c0ca33',
  '#6d4c41',
  '#d81b60',
  '#3949ab',
  '#43a047',
  '#f4511e',
] as const

export function nextRelationColor(relations: readonly Relation[]): string {
  const used = new Set(relations.map((r) => r.color.toLowerCase()))
  return (
    RELATION_COLORS.find((c) => !used.has(c)) ?? RELATION_COLORS[relations.length % RELATION_COLORS.length]
  )
}

export function RelationField({
  relations,
  value,
  onChange,
}: {
  relations: readonly Relation[]
  value: RelationChoice
  onChange: (v: RelationChoice) => void
}) {
  const chosen = relations.find((r) => r.id === value.id)
  return (
    <>
      <label className="field">
        <span>Relation</span>
        <select value={value.id} onChange={(e) => onChange({ ...value, id: e.target.value })}>
          {relations.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
          <option value={NEW_RELATION}>New relation…</option>
        </select>
      </label>
      {chosen && <p className="field-hint">The other end reads “{chosen.inverse}”.</p>}
      {value.id === NEW_RELATION && (
        <div className="field-row">
          <label className="field">
            <span>Name of the new relation</span>
            <input
              value={value.name}
              maxLength={60}
              placeholder="explains"
              onChange={(e) => onChange({ ...value, name: e.target.value })}
            />
          </label>
          <label className="field">
            <span>Read from the other end</span>
            <input
              value={value.inverse}
              maxLength={60}
              placeholder="explained by"
              onChange={(e) => onChange({ ...value, inverse: e.target.value })}
            />
          </label>
        </div>
      )}
    </>
  )
}
