// A passage's note: a small TipTap editor (bold, italic, lists, links), saved as you type.
// The editor owns its content after mount, so saves never move the caret. In a live notebook
// it is bound to the note's fragment instead (use-live-fragment.ts): typing goes to the core
// as Yjs updates and merges by character with others'.
import Collaboration, { isChangeOrigin } from '@tiptap/extension-collaboration'
import Placeholder from '@tiptap/extension-placeholder'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useRef, useState } from 'react'
import { LINK_PROTOCOLS } from '@shared/urls'
import type { DocNode } from '@shared/schema'
import { useBindWhenIdle } from './bind-when-idle'
import { useCarriedCaret, useCaretCarry, type CaretCarry } from './carry-caret'
import { useDebouncedSave } from './use-debounced-save'
import { Icon } from '../components/Icon'
import { LinkAddressDialog } from '../components/notes/LinkAddressDialog'
import { applyLink } from './apply-link'
import { useLiveNote, useNoteSave, type LiveNote } from './use-live-fragment'
import { useReadOnly } from '../state/use-session'

interface NoteEditorProps {
  initial: DocNode | null
  label: string
  autoFocus?: boolean
  onSave: (doc: DocNode | null) => void
  onDirty?: () => void
  /** The passage whose note this is: in a live notebook the editor binds to its fragment. */
  passageId?: string
}

export function NoteEditor(props: NoteEditorProps) {
  const readOnly = useReadOnly()
  const onSave = useNoteSave('annotations', props.passageId, props.onSave)
  const carry = useCaretCarry()
  // Bound once nobody types in it: a new editor made mid-word could lose a key.
  const { live } = useBindWhenIdle(useLiveNote('annotations', props.passageId), carry)
  // Starting or stopping to follow the live doc makes a new editor (the old one saves first
  // and hands over the focus: carry-caret.ts).
  return (
    <NoteEditorBody
      carry={carry}
      key={`${live ? 'live' : 'local'}-${readOnly}`}
      {...props}
      onSave={onSave}
      live={live}
      readOnly={readOnly}
    />
  )
}

function NoteEditorBody({
  initial,
  label,
  autoFocus,
  onSave,
  onDirty,
  live,
  readOnly,
  carry,
}: NoteEditorProps & { live: LiveNote | null; readOnly: boolean; carry: CaretCarry }) {
  const { schedule, flush } = useDebouncedSave()
  const save = useRef(onSave)
  save.current = onSave
  const [askingLink, setAskingLink] = useState(false)
  const hadNothing = useRef(initial === null)

  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: false,
        codeBlock: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: true, protocols: [...LINK_PROTOCOLS] },
        // Bound to a fragment, undo is Collaboration's: it undoes only this editor's typing.
        ...(live ? { undoRedo: false as const } : {}),
      }),
      // A read-only copy says there is no note rather than showing an empty box.
      Placeholder.configure({
        placeholder: readOnly ? 'No note.' : 'Write a note…',
        showOnlyWhenEditable: !readOnly,
      }),
      ...(live ? [Collaboration.configure({ fragment: live.fragment })] : []),
    ],
    content: live ? undefined : (initial ?? undefined),
    autofocus: autoFocus && !readOnly ? 'end' : false,
    editable: !readOnly,
    editorProps: {
      attributes: {
        'aria-label': label,
        class: 'note-editor-content',
        ...(readOnly ? { 'aria-readonly': 'true' } : {}),
      },
    },
    onUpdate: ({ editor, transaction }) => {
      if (live) {
        // Others' typing arrives as updates too; only this window's is touched.
        if (isChangeOrigin(transaction)) return
        // A first word (or the last one deleted) says at once whether the passage has a note.
        if (editor.isEmpty !== hadNothing.current) live.touch((hadNothing.current = editor.isEmpty))
        else schedule(() => live.touch(editor.isEmpty))
        return
      }
      onDirty?.()
      schedule(() => save.current(editor.isEmpty ? null : (editor.getJSON() as DocNode)))
    },
    onBlur: () => flush(),
  })

  useCarriedCaret(editor, carry, flush)

  return (
    <div className="note-editor" onKeyDown={(e) => e.stopPropagation()}>
      {!readOnly && (
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
      )}
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
