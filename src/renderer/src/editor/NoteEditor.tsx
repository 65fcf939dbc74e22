// A passage's note: a small TipTap editor (bold, italic, lists, links), saved as you type.
// The editor owns its content after mount, so saves never move the caret.
import Placeholder from '@tiptap/extension-placeholder'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useRef, useState } from 'react'
import { LINK_PROTOCOLS } from '@shared/urls'
import type { DocNode } from '@shared/schema'
import { useDebouncedSave } from './use-debounced-save'
import { Icon } from '../components/Icon'
import { LinkAddressDialog } from '../components/notes/LinkAddressDialog'
import { applyLink } from './apply-link'

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
  const [askingLink, setAskingLink] = useState(false)

  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: false,
        codeBlock: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: true, protocols: [...LINK_PROTOCOLS] },
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
          onClick={() => setAskingLink(true)}
        >
          <Icon name="link" />
        </button>
      </div>
      <EditorContent editor={editor} />
      {askingLink && editor && (
        <LinkAddressDialog
          onSubmit={(href) => applyLink(editor, href)}
          onClose={() => setAskingLink(false)}
        />
      )}
    </div>
  )
}
