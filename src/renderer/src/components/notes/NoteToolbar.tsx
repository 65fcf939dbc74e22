// Formatting for a note page: headings, bold, italic, lists, quote, link, passage reference.
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useState, type ReactNode } from 'react'
import { applyLink } from '../../editor/apply-link'
import { Icon } from '../Icon'
import { LinkAddressDialog } from './LinkAddressDialog'

export function NoteToolbar({ editor }: { editor: Editor }) {
  const [askingLink, setAskingLink] = useState(false)
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
    }),
  })
  const chain = () => editor.chain().focus()
  const tools: { label: string; text: ReactNode; pressed?: boolean; run: () => void }[] = [
    {
      label: 'Heading',
      text: 'H2',
      pressed: active.h2,
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    {
      label: 'Subheading',
      text: 'H3',
      pressed: active.h3,
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    { label: 'Bold', text: 'B', pressed: active.bold, run: () => chain().toggleBold().run() },
    { label: 'Italic', text: 'I', pressed: active.italic, run: () => chain().toggleItalic().run() },
    {
      label: 'Bulleted list',
      text: '•',
      pressed: active.bullet,
      run: () => chain().toggleBulletList().run(),
    },
    {
      label: 'Numbered list',
      text: '1.',
      pressed: active.ordered,
      run: () => chain().toggleOrderedList().run(),
    },
    { label: 'Quote', text: '❝', pressed: active.quote, run: () => chain().toggleBlockquote().run() },
    {
      label: 'Link',
      text: <Icon name="link" />,
      pressed: active.link,
      run: () => {
        if (active.link) return void chain().unsetLink().run()
        setAskingLink(true)
      },
    },
    { label: 'Reference a passage', text: '[[', run: () => chain().insertContent('[[').run() },
  ]
  return (
    <div className="note-tools note-page-tools" role="toolbar" aria-label="Note formatting">
      {tools.map((t) => (
        <button
          key={t.label}
          type="button"
          aria-label={t.label}
          title={t.label}
          aria-pressed={t.pressed}
          onMouseDown={(e) => e.preventDefault()}
          onClick={t.run}
        >
          {t.text}
        </button>
      ))}
      {askingLink && (
        <LinkAddressDialog
          onSubmit={(href) => applyLink(editor, href)}
          onClose={() => setAskingLink(false)}
        />
      )}
    </div>
  )
}
