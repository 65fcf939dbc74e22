// The reading view of one source: the text with its highlights, the selection toolbar, the
// "Edit source" mode, and the passages in the margin.
import type { Editor } from '@tiptap/core'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { Source } from '@shared/schema'
import { buildDecorations } from '../editor/decorations'
import { dimRule } from '../editor/filter-dim'
import { Reader } from '../editor/Reader'
import { commitSourceEdit } from '../editor/source-edits'
import { showError } from '../state/toasts'
import { ui, useUi } from '../state/ui-store'
import { useNotebook, useSession } from '../state/use-session'
import { Margin } from './Margin'
import { SelectionToolbar } from './SelectionToolbar'
import { SourceGrade } from './grades/SourceGrade'
import { useFlash } from './use-flash'
import { Editable } from './Editable'

export function SourceView({ source }: { source: Source }) {
  const session = useSession()
  const notebook = useNotebook()
  const editing = useUi((s) => s.editingSource)
  const selectedId = useUi((s) => s.selectedPassageId)
  const [editor, setEditor] = useState<Editor | null>(null)
  const scroller = useRef<HTMLElement>(null)

  const filter = useUi((s) => s.filter)
  const decorations = useMemo(
    () => (editor ? buildDecorations(editor, notebook, source.id, { selectedId }) : []),
    [editor, notebook, source.id, selectedId],
  )
  // Highlights that do not match the active tag filter are dimmed, not hidden: by one style
  // rule over the tags each highlight carries, so a filter change leaves the editor alone.
  const dim = useMemo(() => dimRule(filter), [filter])
  useFlash(editor, source.id)
  const onReady = useCallback((e: Editor) => setEditor(e), [])

  const finishEditing = (save: boolean) => {
    if (editor && save) {
      try {
        const ops = commitSourceEdit(editor, session.notebook, source)
        if (ops.length > 0) session.run(ops, { label: 'Edit source' })
      } catch (error) {
        showError(error)
        return
      }
    } else if (editor) editor.commands.setContent(source.doc, { emitUpdate: false })
    ui.set({ editingSource: false })
  }

  return (
    <>
      <main className="reader" aria-label="Source" ref={scroller}>
        <div className="reader-toolbar">
          {editing ? (
            <>
              <span className="editing-badge">Editing source — passages follow your edits</span>
              <button className="button" onClick={() => finishEditing(false)}>
                Cancel
              </button>
              <button className="button primary" onClick={() => finishEditing(true)}>
                Done
              </button>
            </>
          ) : (
            <Editable>
              <button className="button ghost" onClick={() => ui.set({ editingSource: true })}>
                Edit source
              </button>
            </Editable>
          )}
        </div>
        <article className="reader-page">
          <header className="source-header">
            <p className="source-origin">{source.origin}</p>
            <h1 className="source-title">{source.title}</h1>
            {source.summary && <p className="source-summary">{source.summary}</p>}
            <SourceGrade source={source} />
          </header>
          {dim && <style>{dim}</style>}
          <Reader source={source} editable={editing} decorations={decorations} onReady={onReady} />
        </article>
        {editor && <SelectionToolbar editor={editor} container={scroller.current} />}
      </main>
      <Margin source={source} />
    </>
  )
}
