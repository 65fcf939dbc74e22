// Editing an entity: its type, aliases and, for a place, its coordinates. Coordinates out of
// range are refused here with the schema's message, before anything is sent.
import { useState } from 'react'
import { EntitySchema, type Entity, type EntityType } from '@shared/schema'
import { useRun } from '../../state/use-run'
import { TYPES } from './EntitiesView'
import { FieldError } from '../FieldError'

const Coordinates = EntitySchema.shape.coordinates.unwrap()

export function EntityFields({ entity }: { entity: Entity }) {
  const { error, setError, run } = useRun()
  const [alias, setAlias] = useState('')
  const [name, setName] = useState(entity.name)
  const [lat, setLat] = useState(entity.coordinates ? String(entity.coordinates.lat) : '')
  const [lon, setLon] = useState(entity.coordinates ? String(entity.coordinates.lon) : '')
  const update = (patch: Parameters<typeof updateOp>[1], label: string) =>
    run([updateOp(entity.id, patch)], label)

  const saveCoordinates = () => {
    if (lat.trim() === '' && lon.trim() === '') return update({ coordinates: null }, 'Remove coordinates')
    const parsed = Coordinates.safeParse({ lat: Number(lat), lon: Number(lon) })
    if (lat.trim() === '' || lon.trim() === '' || !parsed.success)
      return setError(
        parsed.success || lat.trim() === '' || lon.trim() === ''
          ? 'Give both a latitude and a longitude, in degrees.'
          : parsed.error.issues
              .map((i) => (i.code === 'invalid_type' ? 'Coordinates are numbers, in degrees' : i.message))
              .join('; ') + '.',
      )
    update({ coordinates: parsed.data }, 'Set coordinates')
  }

  return (
    <div className="av-form">
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim() && name.trim() !== entity.name) update({ name }, 'Rename entity')
        }}
      >
        <span>Name</span>
        <div className="av-row">
          <input
            className="av-input"
            aria-label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button className="button small" type="submit">
            Rename
          </button>
        </div>
      </form>
      <label className="field">
        <span>Type</span>
        <select
          value={entity.type}
          onChange={(e) => update({ type: e.target.value as EntityType }, 'Change entity type')}
        >
          {TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.one}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <span>Aliases</span>
        <ul className="av-row" aria-label="Aliases">
          {entity.aliases.map((a) => (
            <li key={a} className="badge">
              {a}{' '}
              <button
                className="av-link"
                aria-label={`Remove alias ${a}`}
                onClick={() => update({ aliases: entity.aliases.filter((x) => x !== a) }, 'Remove alias')}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="av-row"
          onSubmit={(e) => {
            e.preventDefault()
            if (alias.trim() && update({ aliases: [...entity.aliases, alias.trim()] }, 'Add alias'))
              setAlias('')
          }}
        >
          <input
            className="av-input"
            aria-label="New alias"
            value={alias}
            onChange={(e) => setAlias(e.target.value)}
          />
          <button className="button small" type="submit">
            Add alias
          </button>
        </form>
      </div>
      {entity.type === 'place' && (
        <form
          className="field av-coords"
          onSubmit={(e) => {
            e.preventDefault()
            saveCoordinates()
          }}
        >
          <span>Coordinates (degrees)</span>
          <div className="av-row">
            <input
              className="av-input"
              aria-label="Latitude"
              inputMode="decimal"
              value={lat}
              onChange={(e) => setLat(e.target.value)}
            />
            <input
              className="av-input"
              aria-label="Longitude"
              inputMode="decimal"
              value={lon}
              onChange={(e) => setLon(e.target.value)}
            />
            <button className="button small" type="submit">
              Save coordinates
            </button>
          </div>
        </form>
      )}
      <FieldError error={error} />
    </div>
  )
}

function updateOp(id: string, patch: Extract<import('@shared/ops').Op, { type: 'updateEntity' }>['patch']) {
  return { type: 'updateEntity' as const, id, patch }
}
