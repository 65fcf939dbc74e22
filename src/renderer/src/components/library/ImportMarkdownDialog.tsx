// Importing Markdown as a new notebook: the files are checked here first (sizes, UTF-8, paths
// inside a zip), then the core reads them — a Glossa Markdown export comes back whole (sources,
// passages, notes, tags, links), other notes each become a source with their front matter as
// its properties. The dialog says what it is doing and how far it is (markdown-import-run.ts),
// can cancel it, and on a refusal says why; nothing is added then.
import { api, errorMessage } from '../../api/client'
import { navigate } from '../../state/route'
import { Dialog } from '../Dialog'
import { importName, readImportFiles } from '../export/read-files'
import { runMarkdownImport, type ImportStep, type MarkdownImportRun } from './markdown-import-run'

export type { ImportStep } from './markdown-import-run'

/** Starts the import, reporting each step (called from the pick's event handler: once per pick). */
export function importMarkdownFiles(
  files: File[],
  reload: () => Promise<void>,
  report: (step: ImportStep) => void,
): MarkdownImportRun {
  return runMarkdownImport({
    api,
    read: async () => ({ files: await readImportFiles(files), name: importName(files) }),
    reload,
    report,
    errorMessage,
  })
}

export function ImportMarkdownDialog({
  step,
  onCancel,
  onClose,
}: {
  step: ImportStep
  /** Cancels the running import (the dialog stays to say so). */
  onCancel: () => void
  onClose: () => void
}) {
  const working = step.kind === 'working'
  return (
    <Dialog
      title="Import Markdown"
      // Escape while it runs cancels it: closing must not leave an import running unseen.
      onClose={working ? onCancel : onClose}
      footer={
        <>
          {working ? (
            <button className="button" onClick={onCancel} disabled={step.cancelling}>
              Cancel import
            </button>
          ) : (
            <button className="button" onClick={onClose}>
              Close
            </button>
          )}
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
      {working && (
        <>
          <p role="status">{step.text}</p>
          <ImportProgressBar progress={step.progress} />
        </>
      )}
      {step.kind === 'cancelled' && <p role="status">Import cancelled. Nothing was added.</p>}
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

/** How far the import is: a bar (indeterminate until the core has counted) and its percentage. */
function ImportProgressBar({
  progress,
}: {
  progress?: Extract<ImportStep, { kind: 'working' }>['progress']
}) {
  const counted = progress !== undefined && progress.total > 0
  const percent = counted ? Math.floor((progress.done / progress.total) * 100) : null
  return (
    <div className="import-progress">
      {counted ? (
        <progress aria-label="Import progress" max={progress.total} value={progress.done} />
      ) : (
        <progress aria-label="Import progress" />
      )}
      {/* The bar's value is what a screen reader reads; the figure is for the eye. */}
      {percent !== null && <span aria-hidden="true">{percent} %</span>}
    </div>
  )
}
