// Typing `[[` in a note page opens a passage search (@tiptap/suggestion); choosing a result
// replaces `[[query` with a passageRef node. The popup is plain DOM: a listbox that the
// arrow keys, Enter and Tab drive while the caret stays in the editor.
import { Extension } from '@tiptap/core'
import { PluginKey } from '@tiptap/pm/state'
import Suggestion, { type SuggestionProps } from '@tiptap/suggestion'

export interface RefCandidate {
  id: string
  title: string
  detail: string
}
export interface PassageRefSuggestOptions {
  find: (query: string) => RefCandidate[]
}

const key = new PluginKey('passageRefSuggest')

export const PassageRefSuggest = Extension.create<PassageRefSuggestOptions>({
  name: 'passageRefSuggest',
  addOptions() {
    return { find: () => [] }
  },
  addProseMirrorPlugins() {
    return [
      Suggestion<RefCandidate, RefCandidate>({
        editor: this.editor,
        pluginKey: key,
        char: '[[',
        allowSpaces: true,
        allowedPrefixes: null,
        items: ({ query }) => this.options.find(query.replace(/\]+$/, '')),
        command: ({ editor, range, props }) => editor.chain().focus().insertPassageRef(props.id, range).run(),
        render: popupRenderer,
      }),
    ]
  },
})

function popupRenderer() {
  let props: SuggestionProps<RefCandidate, RefCandidate> | null = null
  let active = 0
  let unmount: (() => void) | null = null
  const el = document.createElement('div')
  el.className = 'ref-popup'
  el.setAttribute('role', 'listbox')
  el.setAttribute('aria-label', 'Passages to reference')

  const paint = () => {
    const items = props?.items ?? []
    active = Math.min(active, Math.max(items.length - 1, 0))
    el.replaceChildren()
    if (items.length === 0) {
      const empty = document.createElement('div')
      empty.className = 'ref-empty'
      empty.textContent = props?.query ? 'No passage matches' : 'No passages yet'
      el.append(empty)
      return
    }
    items.forEach((item, i) => {
      const option = document.createElement('div')
      option.className = 'ref-option'
      option.setAttribute('role', 'option')
      option.setAttribute('aria-selected', String(i === active))
      const title = document.createElement('span')
      title.className = 'ref-title'
      title.textContent = item.title
      const detail = document.createElement('span')
      detail.className = 'ref-detail'
      detail.textContent = item.detail
      option.append(title, detail)
      // mousedown, not click: keep the caret in the editor.
      option.addEventListener('mousedown', (event) => {
        event.preventDefault()
        props?.command(item)
      })
      el.append(option)
    })
    el.children[active]?.scrollIntoView({ block: 'nearest' })
  }

  return {
    onStart(p: SuggestionProps<RefCandidate, RefCandidate>) {
      props = p
      active = 0
      paint()
      unmount = p.mount(el)
    },
    onUpdate(p: SuggestionProps<RefCandidate, RefCandidate>) {
      if (p.query !== props?.query) active = 0
      props = p
      paint()
    },
    onKeyDown({ event }: { event: KeyboardEvent }): boolean {
      const items = props?.items ?? []
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (items.length === 0) return false
        active = (active + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length
        paint()
        return true
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && items[active]) {
        props?.command(items[active])
        return true
      }
      return false
    },
    onExit() {
      unmount?.()
      unmount = null
      props = null
    },
  }
}
