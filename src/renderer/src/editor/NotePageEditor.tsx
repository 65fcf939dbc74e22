// The body of a note page: a TipTap editor (headings, lists, quotes, links, and `[[` passage
// references), saved as you type after a short pause. Like a passage's note, the editor owns
// its content after mount; the stored document is loaded again only when it changed from
// elsewhere (undo, a reload). In a live notebook it is bound to the page's fragment instead
// (use-live-fragment.ts): typing merges by character with other windows' and teammates'.
import Collaboration, { isChangeOrigin } from '@tiptap/extension-collaboration'
import Placeholder from '@tiptap/extension-placeholder'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useEffect, useRef } from 'react'
import { shortQuote } from '@shared/links'
import type { DocNode, NotePage } from '@shared/schema'
import { findTargets } from '../components/links/find-targets'
import { goToEndpoint } from '../components/links/go-to'
import { NoteToolbar } from '../components/notes/NoteToolbar'
import type { NotebookSession } from '../state/session'
import { useUi } from '../state/ui-store'
import { useReadOnly, useSession } from '../state/use-session'
import { PassageRef, type PassageRefInfo } from './passage-ref'
import { PassageRefSuggest } from './passage-ref-suggest'
import { flashElements } from './flash'
import { useBindWhenIdle } from './bind-when-idle'
import { useCarriedCaret, useCaretCarry, type CaretCarry } from './carry-caret'
import { useDebouncedSave } from './use-debounced-save'
import { useLiveNote, useNoteSave, type LiveNote } from './use-live-fragment'

export function describePassage(session: NotebookSession, id: string): PassageRefInfo {
  const passage = session.notebook.annotations.find((a) => a.id === id)
  return passage
    ? { label: `“${shortQuote(passage.target.quote.exact, 60)}”`, missing: false }
    : { label: 'missing passage', missing: true }
}

export function NotePageEditor({ note }: { note: NotePage }) {
  const readOnly = useReadOnly()
  const carry = useCaretCarry()
  // Bound once nobody types in it: a new editor made mid-word could lose a key.
  const { live, waiting } = useBindWhenIdle(useLiveNote('notes', note.id), carry)
  // Starting or stopping to follow the live doc makes a new editor (the old one saves first
  // and hands over the focus: carry-caret.ts).
  return (
    <NotePageEditorBody
      carry={carry}
      key={`${live ? 'live' : 'local'}-${readOnly}`}
      note={note}
      live={live}
      waiting={waiting}
      readOnly={readOnly}
    />
  )
}

function NotePageEditorBody({
  note,
  live,
  waiting,
  readOnly,
  carry,
}: {
  note: NotePage
  live: LiveNote | null
  waiting: boolean
  readOnly: boolean
  carry: CaretCarry
}) {
  const session = useSession()
  const { schedule, flush } = useDebouncedSave()
  const lastSaved = useRef<DocNode>(note.doc)
  const saveLocal = useNoteSave('notes', note.id, (doc) =>
    session.run([{ type: 'updateNote', id: note.id, patch: { doc: doc! } }], { undoable: false }),
  )

  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          heading: { levels: [1, 2, 3] },
          link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
          // Bound to a fragment, undo is Collaboration's: it undoes only this editor's typing.
          ...(live ? { undoRedo: false as const } : {}),
        }),
        ...(live ? [Collaboration.configure({ fragment: live.fragment })] : []),
        Placeholder.configure({
          placeholder: readOnly ? 'This page is empty.' : 'Write your notes… Type [[ to reference a passage.',
          showOnlyWhenEditable: !readOnly,
        }),
        PassageRef.configure({
          describe: (id) => describePassage(session, id),
          subscribe: session.subscribe,
          open: (id) => goToEndpoint(session, { kind: 'annotation', id }),
        }),
        PassageRefSuggest.configure({
          find: (query) =>
            findTargets(session.notebook, query, { notes: false, limit: 8 }).map((t) => ({
              id: t.endpoint.id,
              title: t.title,
              detail: t.detail,
            })),
        }),
      ],
      content: live ? undefined : note.doc,
      editable: !readOnly,
      editorProps: {
        attributes: {
          'aria-label': 'Note page text',
          class: 'note-page-content',
          ...(readOnly ? { 'aria-readonly': 'true' } : {}),
        },
      },
      onUpdate: ({ editor, transaction }) => {
        if (live) {
          // Others' typing arrives as updates too; only this window's is touched.
          if (!isChangeOrigin(transaction)) schedule(() => live.touch(editor.isEmpty))
          return
        }
        session.markDirty()
        schedule(() => {
          // The page may have been deleted while the last words were waiting to be saved.
          if (!session.notebook.notes.some((n) => n.id === note.id)) return
          const doc = editor.getJSON() as DocNode
          lastSaved.current = doc
          saveLocal(doc)
        })
      },
      onBlur: () => flush(),
    },
    [note.id],
  )

  useEffect(() => {
    // Bound to the fragment, the editor shows every change made elsewhere by itself. Waiting to
    // be bound, its own saves come back from the fragment as new objects: setting them would
    // move the caret mid-word, and the bound editor soon shows the fragment anyway.
    if (!editor || live || waiting || note.doc === lastSaved.current) return
    lastSaved.current = note.doc
    editor.commands.setContent(note.doc, { emitUpdate: false })
  }, [editor, note.doc, live, waiting])

  useRefFlash(editor)
  useCarriedCaret(editor, carry, flush)

  return (
    <div className="note-page-editor" onKeyDown={(e) => e.stopPropagation()}>
      {editor && !readOnly && <NoteToolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  )
}

/** Arriving from a passage's "referenced in" backlink: scroll to its reference and flash it. */
function useRefFlash(editor: Editor | null): void {
  const flash = useUi((s) => s.flash)
  useEffect(() => {
    if (!editor || !flash) return
    const frame = requestAnimationFrame(() => {
      flashElements(
        editor.view.dom.querySelectorAll<HTMLElement>(`[data-passage-ref="${CSS.escape(flash.id)}"]`),
        'ref-flash',
      )
    })
    return () => cancelAnimationFrame(frame)
  }, [editor, flash])
}
