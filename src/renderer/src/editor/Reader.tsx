// The source text in a read-only TipTap editor.
import { EditorContent, useEditor } from '@tiptap/react'
import type { DocNode } from '../../../shared/schema'
import { sourceExtensions } from './extensions'

export function Reader({ doc }: { doc: DocNode }) {
  const editor = useEditor({ extensions: sourceExtensions(), content: doc, editable: false, immediatelyRender: true }, [doc])
  return <EditorContent editor={editor} className="source-text" />
}
