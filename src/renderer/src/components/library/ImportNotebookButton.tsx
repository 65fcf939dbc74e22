// "Import notebook…": picks a notebook .json file; the core validates it (a newer schema
// version is refused with its message) and adds it to the library.
import { useRef } from 'react'
import { importFile } from './library-actions'

export function ImportNotebookButton({ reload }: { reload: () => Promise<void> }) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <button className="button" onClick={() => input.current?.click()}>
        Import notebook…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Notebook file to import"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = '' // the same file can be picked again
          if (file) void importFile(file, reload)
        }}
      />
    </>
  )
}
