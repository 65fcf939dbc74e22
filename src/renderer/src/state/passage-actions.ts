// What the reader's toolbar, shortcuts and cards do with passages.
import { nanoid } from 'nanoid'
import { describeRange } from '@shared/anchoring'
import { linksOf } from '@shared/links'
import type { Annotation, Source } from '@shared/schema'
import { readerRef, selectedRange, textMapOf } from '../editor/reader-ref'
import type { NotebookSession } from './session'
import { count } from '@shared/plural'
import { showError, toastStore } from './toasts'
import { undoAction } from './undo-action'
import { navigate } from './route'
import { ui } from './ui-store'

/** Creates a passage from the reader's selection; returns it, or null if nothing is selected. */
export function markSelection(
  session: NotebookSession,
  options: { withNote?: boolean } = {},
): Annotation | null {
  return mark(session, options)?.annotation ?? null
}

function mark(
  session: NotebookSession,
  options: { withNote?: boolean },
): { annotation: Annotation; entry: number | null } | null {
  const reader = readerRef.get()
  if (!reader || reader.editor.isEditable) return null
  const range = selectedRange(reader.editor)
  if (!range) return null
  const annotation = newAnnotation(reader.source, textMapOf(reader.editor).text, range, ui.get().color)
  let entry: number | null
  try {
    entry = session.run([{ type: 'addAnnotation', annotation }], { label: 'Mark passage' })
  } catch (error) {
    showError(error)
    return null
  }
  reader.editor.commands.setTextSelection(reader.editor.state.selection.to)
  ui.set({ selectedPassageId: annotation.id, focusNoteOf: options.withNote ? annotation.id : null })
  return { annotation, entry }
}

/**
 * The passage the reader's selection stands for, for the Add tag or Link dialog about to open:
 * with `reuse`, an anchored passage of this source with exactly that range (so linking what is
 * already marked does not mark it twice), else a new one, which closing the dialog without
 * doing anything unmarks again (closePassageDialog).
 */
export function passageForDialog(session: NotebookSession, { reuse }: { reuse: boolean }): Annotation | null {
  const reader = readerRef.get()
  const range = reader && !reader.editor.isEditable ? selectedRange(reader.editor) : null
  if (!reader || !range) return null
  const existing = reuse
    ? session.notebook.annotations.find(
        (a) =>
          a.sourceId === reader.source.id &&
          a.status === 'anchored' &&
          a.target.position.start === range.start &&
          a.target.position.end === range.end,
      )
    : undefined
  if (existing) {
    reader.editor.commands.setTextSelection(reader.editor.state.selection.to)
    ui.set({ selectedPassageId: existing.id, markedFor: null })
    return existing
  }
  const marked = mark(session, {})
  if (!marked) return null
  const { annotation, entry } = marked
  ui.set({ markedFor: entry === null ? null : { passageId: annotation.id, entry } })
  return annotation
}

/**
 * Closes the Add tag or Link dialog (`patch` clears its state). A passage marked only for it
 * is unmarked if nothing was done since (no tag added, no link made): cancelling leaves the
 * notebook as it was. The unmarking is an undo of the mark, so Redo marks it again.
 */
export function closePassageDialog(
  session: NotebookSession,
  patch: { tagPickerFor: null } | { linkFrom: null },
): void {
  const marked = ui.get().markedFor
  ui.set({ ...patch, markedFor: null })
  if (!marked || !session.isLatestEntry(marked.entry)) return
  if (!session.notebook.annotations.some((a) => a.id === marked.passageId)) return
  try {
    session.undoEntry(marked.entry)
  } catch {
    // A teammate tagged or linked the passage meanwhile (the undo is refused): it stays marked,
    // which is what their change needs; nothing to tell about a cancel.
    return
  }
  if (ui.get().selectedPassageId === marked.passageId) ui.set({ selectedPassageId: null })
}

export function newAnnotation(
  source: Source,
  text: string,
  range: { start: number; end: number },
  color: string | null,
): Annotation {
  const now = new Date().toISOString()
  return {
    id: nanoid(12),
    sourceId: source.id,
    target: describeRange(text, range.start, range.end),
    anchoredHash: source.textHash,
    note: null,
    tagIds: [],
    color,
    status: 'anchored',
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * Deletes a passage, with an undo toast. A passage with links or note-page references is only
 * deleted after the in-app confirmation says what goes with it.
 */
export function deletePassage(session: NotebookSession, id: string): void {
  const { outgoing, incoming, references } = linksOf(session.notebook, { kind: 'annotation', id })
  const links = outgoing.length + incoming.length
  const remove = () => {
    const entry = session.run([{ type: 'deleteAnnotation', id }], { label: 'Delete passage' })
    if (ui.get().selectedPassageId === id) ui.set({ selectedPassageId: null })
    toastStore.show('Passage deleted.', { action: undoAction(session, entry) })
  }
  if (links === 0 && references.length === 0) return remove()
  const message = [
    links > 0 ? `This passage has ${count(links, 'link')}; they are deleted with it.` : '',
    // References are part of the note's text, so they stay, shown as "missing passage".
    references.length > 0
      ? `${count(references.length, 'note page')} ${references.length === 1 ? 'refers' : 'refer'} to it and will show it as missing.`
      : '',
  ]
    .join(' ')
    .trim()
  const confirmLabel = links > 0 ? `Delete passage and ${count(links, 'link')}` : 'Delete passage'
  ui.set({ confirm: { title: 'Delete passage?', message, confirmLabel, onConfirm: remove } })
}

/** Re-attaches an orphaned passage to the reader's current selection. */
export function reattachToSelection(session: NotebookSession, id: string): boolean {
  const reader = readerRef.get()
  const range = reader && selectedRange(reader.editor)
  if (!reader || !range) {
    toastStore.show('Select the text this passage should be attached to, then choose “Re-attach”.')
    return false
  }
  const text = textMapOf(reader.editor).text
  session.run(
    [
      {
        type: 'updateAnnotation',
        id,
        patch: {
          target: describeRange(text, range.start, range.end),
          anchoredHash: reader.source.textHash,
          status: 'anchored',
        },
      },
    ],
    { label: 'Re-attach passage' },
  )
  ui.reveal(id)
  return true
}

/**
 * Opens the passage's source (if another one is shown), then scrolls to and flashes it; with
 * `focus`, its card takes the keyboard focus (ui.open).
 */
export function revealPassage(session: NotebookSession, id: string, options: { focus?: boolean } = {}): void {
  const passage = session.notebook.annotations.find((a) => a.id === id)
  if (!passage) return
  if (readerRef.get()?.source.id !== passage.sourceId) {
    navigate({ screen: 'notebook', notebookId: session.notebook.id, sourceId: passage.sourceId })
  }
  if (options.focus) ui.open(id)
  else ui.reveal(id)
}
