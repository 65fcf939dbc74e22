// Turns the editor's selection into a link; with nothing selected, inserts the address itself
// as the link's text (a link with no text would be invisible).
import type { Editor } from '@tiptap/core'

export function applyLink(editor: Editor, href: string): void {
  const chain = editor.chain().focus()
  if (editor.state.selection.empty)
    chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run()
  else chain.extendMarkRange('link').setLink({ href }).run()
}
