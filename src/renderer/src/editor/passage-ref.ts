// `passageRef`: an inline, atomic reference to a passage inside a note page, stored as
// `{ type: 'passageRef', attrs: { annotationId } }` (the Markdown export reads the same).
// It shows the passage's short quote, live: the node view asks `describe` again whenever the
// notebook changes, so a deleted passage turns into a "missing passage" chip, never an error.
import { mergeAttributes, Node } from '@tiptap/core'

export interface PassageRefInfo {
  label: string
  missing: boolean
}
export interface PassageRefOptions {
  describe: (annotationId: string) => PassageRefInfo
  /** Calls back when what `describe` answers may have changed; returns an unsubscribe. */
  subscribe: (onChange: () => void) => () => void
  open: (annotationId: string) => void
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    passageRef: {
      /** Inserts a reference to the passage at the selection (or in place of `range`). */
      insertPassageRef: (annotationId: string, range?: { from: number; to: number }) => ReturnType
    }
  }
}

export const PassageRef = Node.create<PassageRefOptions>({
  name: 'passageRef',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return {
      describe: () => ({ label: 'passage', missing: false }),
      subscribe: () => () => {},
      open: () => {},
    }
  },

  addAttributes() {
    return {
      annotationId: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-passage-ref'),
        renderHTML: (attrs) => ({ 'data-passage-ref': attrs.annotationId as string }),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-passage-ref]' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'span',
      mergeAttributes({ class: 'passage-ref' }, HTMLAttributes),
      this.options.describe(String(node.attrs.annotationId)).label,
    ]
  },

  renderText({ node }) {
    return `[[${this.options.describe(String(node.attrs.annotationId)).label}]]`
  },

  addCommands() {
    return {
      insertPassageRef:
        (annotationId, range) =>
        ({ chain, state }) =>
          chain()
            .insertContentAt(range ?? { from: state.selection.from, to: state.selection.to }, [
              { type: this.name, attrs: { annotationId } },
              { type: 'text', text: ' ' },
            ])
            .run(),
    }
  },

  addNodeView() {
    const { describe, subscribe, open } = this.options
    return ({ node }) => {
      let id = String(node.attrs.annotationId)
      const dom = document.createElement('span')
      dom.className = 'passage-ref'
      dom.contentEditable = 'false'
      dom.setAttribute('role', 'link')
      dom.tabIndex = -1
      let painted = ''
      const paint = () => {
        const info = describe(id)
        // Called on every notebook change: touch the DOM only when what it shows changed.
        const key = `${id}\n${info.label}\n${info.missing}`
        if (key === painted) return
        painted = key
        dom.dataset.passageRef = id
        dom.textContent = info.label
        dom.classList.toggle('is-missing', info.missing)
        dom.setAttribute(
          'aria-label',
          info.missing ? 'Missing passage (it was deleted)' : `Passage ${info.label}`,
        )
        dom.title = info.missing ? 'The passage this referred to was deleted' : 'Go to the passage'
      }
      paint()
      dom.addEventListener('click', (event) => {
        event.preventDefault()
        if (!describe(id).missing) open(id)
      })
      const unsubscribe = subscribe(paint)
      return {
        dom,
        update: (next) => {
          if (next.type.name !== this.name) return false
          id = String(next.attrs.annotationId)
          paint()
          return true
        },
        destroy: unsubscribe,
      }
    }
  },
})
