// "Import notebook…" picks a Glossa notebook file (.json: validated by the core, a newer schema
// version refused with its message), or Markdown: a Glossa Markdown export (.md or its .zip) or
// any Markdown notes; "Import Markdown folder…" picks a folder export or a folder of notes.
// Markdown is imported in a dialog that says what it is doing and what came of it.
import { useRef, useState } from 'react'
import { HiddenFileInput } from '../HiddenFileInput'
import { importFile } from './library-actions'
import { ImportMarkdownDialog, importMarkdownFiles, type ImportStep } from './ImportMarkdownDialog'
import type { MarkdownImportRun } from './markdown-import-run'

export function ImportNotebookButton({ reload }: { reload: () => Promise<void> }) {
  const file = useRef<HTMLInputElement>(null)
  const folder = useRef<HTMLInputElement>(null)
  const [step, setStep] = useState<ImportStep | null>(null)
  const run = useRef<MarkdownImportRun | null>(null)
  const picked = (files: File[]) => {
    if (files.length === 1 && /\.json$/i.test(files[0].name)) void importFile(files[0], reload)
    else if (files.length > 0) run.current = importMarkdownFiles(files, reload, setStep)
  }
  return (
    <>
      <button className="button" onClick={() => file.current?.click()}>
        Import notebook…
      </button>
      <button className="button" onClick={() => folder.current?.click()}>
        Import Markdown folder…
      </button>
      <HiddenFileInput
        inputRef={file}
        accept=".json,application/json,.md,.markdown,text/markdown,.zip,application/zip"
        label="Notebook file to import"
        onFiles={picked}
      />
      <HiddenFileInput inputRef={folder} folder label="Markdown folder to import" onFiles={picked} />
      {step && (
        <ImportMarkdownDialog
          step={step}
          onCancel={() => run.current?.cancel()}
          onClose={() => setStep(null)}
        />
      )}
    </>
  )
}
