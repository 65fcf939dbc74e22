// Importing Markdown as a new notebook: the files are checked here first (sizes, UTF-8, paths
// inside a zip), then the core reads them — a Glossa Markdown export comes back whole (sources,
// passages, notes, tags, links), other notes each become a source with their front matter as
// its properties. The dialog says what it is doing, and on a refusal why; nothing is added then.
import type { NotebookSummary } from '@shared/schema'
import { api, errorMessage } from '../../api/client'
import { navigate } from '../../state/route'
import { Dialog } from '../Dialog'
import { importName, readImportFiles } from '../export/read-files'

export type ImportStep =
  | { kind: 'working'; text: string }
  | { kind: 'done'; notebook: NotebookSummary; glossa: boolean; warnings: string[] }
  | { kind: 'failed'; message: string }

/** Runs the import, reporting each step (called from the pick's event handler: once per pick). */
export async function importMarkdownFiles(
  files: File[],
  reload: () => Promise<void>,
  report: (step: ImportStep) => void,
): Promise<void> {
  report({ kind: 'working', text: 'Reading the files…' })
  try {
    const input = await readImportFiles(files)
    report({
      kind: 'working',
      text: `Importing ${input.length} Markdown file${input.length === 1 ? '' : 's'}…`,
    })
    const result = await api.importMarkdown({ files: input, name: importName(files) })
    await reload()
    report({
      kind: 'done',
      notebook: result.notebook,
      glossa: result.kind === 'glossa',
      warnings: result.warnings,
    })
  } catch (e) {
    report({ kind: 'failed', message: errorMessage(e) })
  }
}

export function ImportMarkdownDialog({ step, onClose }: { step: ImportStep; onClose: () => void }) {
  return (
    <Dialog
      title="Import Markdown"
      onClose={onClose}
      footer={
        <>
          <button className="button" onClick={onClose}>
            Close
          </button>
          {step.kind === 'done' && (
            <button
              className="button primary"
              onClick={() => {
                onClose()
                navigate({ screen: 'notebook', notebookId: step.notebook.id })
              }}
            >
              Open “{step.notebook.title}”
            </button>
          )}
        </>
      }
    >
      {step.kind === 'working' && <p role="status">{step.text}</p>}
      {step.kind === 'failed' && (
        <p role="alert" className="error-box">
          {step.message}
        </p>
      )}
      {step.kind === 'done' && (
        <div role="status">
          <p>
            Imported “{step.notebook.title}”{' '}
            {step.glossa ? 'from its Markdown export' : 'from Markdown notes'}: {step.notebook.sourceCount}{' '}
            {step.notebook.sourceCount === 1 ? 'source' : 'sources'}, {step.notebook.annotationCount}{' '}
            {step.notebook.annotationCount === 1 ? 'passage' : 'passages'}.
          </p>
          {step.warnings.length > 0 && (
            <ul className="reimport-reported">
              {step.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Dialog>
  )
}
