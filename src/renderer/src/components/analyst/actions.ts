// What the analyst's views do to the notebook and the reader: mark found words as a dated
// passage, open a source at a range of its text, open an entity's page.
import { nanoid } from 'nanoid'
import type { DateRange } from '@shared/views/dates/partial-date'
import type { Span } from '@shared/views/dates/context'
import { newAnnotation } from '../../state/passage-actions'
import { navigate } from '../../state/route'
import type { NotebookSession } from '../../state/session'
import { ui } from '../../state/ui-store'
import { sourceTexts } from './source-texts'

/** Makes `span` of a source a passage; with `date`, dated (the words the date was found in). */
export function markAsPassage(
  session: NotebookSession,
  sourceId: string,
  span: Span,
  date?: { value: DateRange; text: string },
): string {
  const source = session.notebook.sources.find((s) => s.id === sourceId)!
  const text = sourceTexts(session.notebook).get(sourceId)!
  const annotation = newAnnotation(source, text, span, ui.get().color)
  session.run(
    [
      { type: 'addAnnotation', annotation },
      ...(date
        ? [
            {
              type: 'putPassageDate' as const,
              passageId: annotation.id,
              date: { id: nanoid(10), value: date.value, text: date.text, status: 'accepted' as const },
            },
          ]
        : []),
    ],
    { label: 'Mark passage' },
  )
  return annotation.id
}

/** Opens the passage's source (leaving the view), then scrolls to it and flashes it. */
export function showPassage(session: NotebookSession, id: string): void {
  const passage = session.notebook.annotations.find((a) => a.id === id)
  if (!passage) return
  navigate({ screen: 'notebook', notebookId: session.notebook.id, sourceId: passage.sourceId })
  ui.reveal(id)
}

/** Opens the source and shows the range, as a search result does. */
export function showText(session: NotebookSession, sourceId: string, start: number, end: number): void {
  navigate({ screen: 'notebook', notebookId: session.notebook.id, sourceId })
  ui.set({ flashRange: { sourceId, start, end, at: Date.now() } })
}

export function openEntity(session: NotebookSession, entityId: string): void {
  navigate({ screen: 'notebook', notebookId: session.notebook.id, entityId })
}
