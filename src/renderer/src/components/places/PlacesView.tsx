// Places: the notebook's places on an offline map, with the moves its passages describe as
// arrows (a typed link from a passage about one place to one about another). Beside it, the
// places in words, with their aliases and how often the sources name them.
import { useMemo } from 'react'
import { mentionsByEntity } from '@shared/views/entities'
import { movesOf, placesOf, projectMap } from '@shared/views/map'
import { navigate } from '../../state/route'
import { useNotebook, useSession } from '../../state/use-session'
import { openEntity } from '../analyst/actions'
import { sourceTexts } from '../analyst/source-texts'
import { useSize } from '../analyst/use-size'
import { countryOutlines } from './atlas'
import { PlacesMap } from './PlacesMap'
import './places.css'

export function PlacesView() {
  const session = useSession()
  const nb = useNotebook()
  const [ref, { width, height }] = useSize<HTMLDivElement>()
  const places = useMemo(() => placesOf(nb), [nb])
  const moves = useMemo(() => movesOf(nb), [nb])
  const mentions = useMemo(() => mentionsByEntity(nb, sourceTexts(nb)), [nb])
  const map = useMemo(() => projectMap(places, countryOutlines(), width, height), [places, width, height])
  const names = new Map(places.map((p) => [p.id, p.name]))
  const unplaced = (nb.entities ?? []).filter((e) => e.type === 'place' && !e.coordinates)
  const open = (id: string) => openEntity(session, id)

  return (
    <>
      <main className="reader analyst-view places-view" aria-label="Places">
        <div className="reader-toolbar av-toolbar">
          <h2 className="av-title">Places</h2>
          <span className="muted small-text">
            {places.length} on the map · {moves.length} {moves.length === 1 ? 'move' : 'moves'} from linked
            passages
          </span>
          <button
            className="button small av-push"
            onClick={() => navigate({ screen: 'notebook', notebookId: nb.id, view: 'entities' })}
          >
            All entities
          </button>
          <button
            className="button small"
            onClick={() => navigate({ screen: 'notebook', notebookId: nb.id })}
          >
            Close
          </button>
        </div>
        <div className="map-frame" ref={ref}>
          {places.length === 0 ? (
            <div className="empty-state">
              <h2>No places yet</h2>
              <p>Add a place with its coordinates under Entities to see it here.</p>
            </div>
          ) : (
            <PlacesMap
              width={width}
              height={height}
              outlines={map.outlines}
              places={map.places}
              moves={moves}
              onOpen={open}
            />
          )}
        </div>
        <p className="map-credit muted small-text">Outlines: Natural Earth (public domain), drawn offline.</p>
      </main>
      <aside className="margin av-side" aria-label="Places in words">
        <h2 className="margin-heading">
          On the map <span className="count">{places.length}</span>
        </h2>
        <ul className="av-list" aria-label="Places on the map">
          {places.map((p) => (
            <li key={p.id} className="av-card">
              <button className="av-link" onClick={() => open(p.id)}>
                <span className="av-name">{p.name}</span>
              </button>
              {p.aliases.length > 0 && <span className="small-text">also {p.aliases.join(', ')}</span>}
              <span className="muted small-text">
                {p.coordinates.lat.toFixed(3)}°, {p.coordinates.lon.toFixed(3)}° · named{' '}
                {mentions.get(p.id)?.length ?? 0}× in the sources
              </span>
            </li>
          ))}
        </ul>
        {moves.length > 0 && (
          <>
            <h2 className="margin-heading">Moves</h2>
            <ul className="av-list" aria-label="Moves">
              {moves.map((m) => (
                <li key={`${m.from}>${m.to}`} className="small-text">
                  {names.get(m.from)} → {names.get(m.to)} <span className="muted">({m.relation})</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {unplaced.length > 0 && (
          <>
            <h2 className="margin-heading">Without coordinates</h2>
            <ul className="av-list">
              {unplaced.map((e) => (
                <li key={e.id}>
                  <button className="av-link" onClick={() => open(e.id)}>
                    {e.name}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
    </>
  )
}
