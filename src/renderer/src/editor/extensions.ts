import StarterKit from '@tiptap/starter-kit'
import type { Extensions } from '@tiptap/react'

/** The node and mark types a source may hold (the same set import produces). */
export function sourceExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      link: { openOnClick: false, autolink: false, protocols: ['http', 'https', 'mailto'] },
      underline: false,
    }),
  ]
}
