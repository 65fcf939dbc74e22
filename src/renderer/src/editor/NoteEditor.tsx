// A passage's note: a small TipTap editor (bold, italic, lists, links), saved as you type.
// The editor owns its content after mount, so saves never move the caret.
import Placeholder from '@tiptap/extension-placeholder'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useRef } from 'react'
import type { DocNode } from '@shared/schema'
import { useDebouncedSave } from './use-debounced-save'
import { Icon } from '../components/Icon'

interface NoteEditorProps {
  initial: DocNode | null
  label: string
  autoFocus?: boolean
  onSave: (doc: DocNode | null) => void
  onDirty?: () => void
}

export function NoteEditor({ initial, label, autoFocus, onSave, onDirty }: NoteEditorProps) {
  const { schedule, flush } = useDebouncedSave()
  const save = useRef(onSave)
  save.current = onSave

  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: false,
        codeBlock: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
      }),
      Placeholder.configure({ placeholder: 'Write a note…' }),
    ],
    content: initial ?? undefined,
    autofocus: autoFocus ? 'end' : false,
    editorProps: { attributes: { 'aria-label': label, class: 'note-editor-content' } },
    onUpdate: ({ editor }) => {
      onDirty?.()
      schedule(() => save.current(editor.isEmpty ? null : (editor.getJSON() as DocNode)))
    },
    onBlur: () => flush(),
  })

  return (
    <div className="note-editor" onKeyDown={(e) => e.stopPropagation()}>
      <div className="note-tools" role="toolbar" aria-label="Note formatting">
        <button
          type="button"
          aria-label="Bold"
          title="Bold (Ctrl+B)"
          aria-pressed={editor?.isActive('bold')}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor?.chain().focus().toggleBold().run()}
        >
          <b>B</b>
        </button>
        <button
          type="button"
          aria-label="Italic"
          title="Italic (Ctrl+I)"
          aria-pressed={editor?.isActive('italic')}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor?.chain().focus().toggleItalic().run()}
        >
          <i>I</i>
        </button>
        <button
          type="button"
          aria-label="Bulleted list"
          title="Bulleted list"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor?.chain().focus().toggleBulletList().run()}
        >
          •
        </button>
        <button
          type="button"
          aria-label="Numbered list"
          title="Numbered list"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor?.chain().focus().toggleOrderedList().run()}
        >
          1.
        </button>
        <button
          type="button"
          aria-label="Link"
          title="Link"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            const href = window.prompt('Link address (https://…)')?.trim()
            if (href && /^(https?:|mailto:)/i.test(href)) editor?.chain().focus().setLink({ href }).run()
          }}
        >
          <Icon name="link" />
        </button>
      </div>
      <EditorContent editor={editor} />
    </div>
  )
}
