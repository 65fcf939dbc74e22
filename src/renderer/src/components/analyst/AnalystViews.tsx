// The analyst's views in place of the reader: the timeline, the places map, the entities and
// an entity's page. Each is a route, so a reload or the Back button comes back to it.
import type { Route } from '../../state/route'
import { EntitiesView } from '../entities/EntitiesView'
import { EntityPage } from '../entities/EntityPage'
import { PlacesView } from '../places/PlacesView'
import { TimelineView } from '../timeline/TimelineView'
import './analyst.css'

type NotebookRoute = Extract<Route, { screen: 'notebook' }>

export function isAnalystRoute(route: NotebookRoute): boolean {
  return route.view !== undefined || route.entityId !== undefined
}

export function AnalystViews({ route }: { route: NotebookRoute }) {
  if (route.entityId) return <EntityPage key={route.entityId} entityId={route.entityId} />
  if (route.view === 'places') return <PlacesView />
  if (route.view === 'entities') return <EntitiesView />
  return <TimelineView />
}
