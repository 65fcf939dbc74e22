// The source text in TipTap: read-only with passage highlights, or editable in "Edit source"
// mode (highlights then follow the edits through position mapping).
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { useEffect } from 'react'
import type { Source } from '@shared/schema'
import { ui } from '../state/ui-store'
import { sourceExtensions } from './extensions'
import { PassageHighlights, setPassageDecorations, type PassageDecor } from './passage-highlights'
import { KeyboardReading } from './keyboard-reading'
import { readerRef } from './reader-ref'

interface ReaderProps {
  source: Source
  editable: boolean
  decorations: PassageDecor[]
  onReady?: (editor: Editor) => void
}

export function Reader({ source, editable, decorations, onReady }: ReaderProps) {
  const editor = useEditor(
    {
      extensions: [
        ...sourceExtensions(),
        PassageHighlights.configure({
          onClickPassages: (ids) => ui.set({ selectedPassageId: ids[0] ?? null }),
        }),
        // Enter on a highlight opens its card with the caret in its note, ready to type.
        KeyboardReading.configure({ onOpenPassages: (ids) => ui.open(ids[0]) }),
      ],
      content: source.doc,
      editable: false,
      immediatelyRender: true,
      editorProps: { attributes: { 'aria-label': 'Source text', role: 'document' } },
    },
    // A new editor only when another source is shown; edits of this one stay in the editor.
    [source.id],
  )

  useEffect(() => {
    if (!editor) return
    readerRef.set({ editor, source })
    onReady?.(editor)
    return () => {
      if (readerRef.get()?.editor === editor) readerRef.set(null)
    }
  }, [editor, source, onReady])

  useEffect(() => {
    editor?.setEditable(editable)
  }, [editor, editable])

  // Reload the content when the stored document changes from outside the editor (undo of an
  // edit, a reload) — never while the user is editing it.
  useEffect(() => {
    if (!editor || editable) return
    if (JSON.stringify(editor.getJSON()) !== JSON.stringify(source.doc))
      editor.commands.setContent(source.doc, { emitUpdate: false })
  }, [editor, source.doc, editable])

  useEffect(() => {
    if (editor && !editable) setPassageDecorations(editor.view, decorations)
  }, [editor, decorations, editable])

  return <EditorContent editor={editor} className={`source-text${editable ? ' is-editing' : ''}`} />
}
