// One Markdown import from the window: the picked files are read and checked here, then the core
// imports them under a job id this window chose. The core reads an export in an import worker,
// so it keeps answering: meanwhile the window asks it how far the job is every POLL_MS, and the
// person can cancel until the notebook's file is being written (then the core says it is too
// late, and the import finishes). Nothing here touches the DOM, so it is unit-tested as is.
import type { GlossaApi } from '@shared/contract'
import type { InputFile } from '@shared/markdown-import/files'
import { phaseText, type ImportProgress } from '@shared/markdown-import/progress'
import { count } from '@shared/plural'
import type { NotebookSummary } from '@shared/schema'

export type ImportStep =
  | { kind: 'working'; text: string; progress?: ImportProgress; cancelling?: boolean }
  | { kind: 'done'; notebook: NotebookSummary; glossa: boolean; warnings: string[] }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' }

/** Often enough for a bar that moves (an L export takes ~35 s), rare enough to cost nothing. */
export const POLL_MS = 250

export interface MarkdownImportDeps {
  api: Pick<GlossaApi, 'importMarkdown' | 'markdownImportProgress' | 'cancelMarkdownImport'>
  /** The picked files, read and checked (read-files.ts), and the notebook's name. */
  read: () => Promise<{ files: InputFile[]; name?: string }>
  /** Lists the library again once the notebook is in it. */
  reload: () => Promise<void>
  report: (step: ImportStep) => void
  errorMessage: (error: unknown) => string
  /** The job's id (a fresh UUID unless a test names it). */
  job?: string
}

export interface MarkdownImportRun {
  /** Asks for the import to stop; the step becomes `cancelled` once nothing will be added. */
  cancel(): void
  /** Settles when the import has ended, whichever way. */
  readonly ended: Promise<void>
}

export function runMarkdownImport(deps: MarkdownImportDeps): MarkdownImportRun {
  const job = deps.job ?? crypto.randomUUID()
  let sent = false
  /** The core has answered the import: there is nothing left to cancel. */
  let settled = false
  let cancelling = false
  let over = false
  let working: Extract<ImportStep, { kind: 'working' }> = { kind: 'working', text: 'Reading the files…' }
  const show = (step: Partial<typeof working>): void => {
    if (!over) deps.report((working = { ...working, ...step }))
  }
  const end = (step: Exclude<ImportStep, { kind: 'working' }>): void => {
    over = true
    deps.report(step)
  }

  async function run(): Promise<void> {
    show({})
    let input: { files: InputFile[]; name?: string }
    try {
      input = await deps.read()
    } catch (error) {
      return end({ kind: 'failed', message: deps.errorMessage(error) })
    }
    if (cancelling) return end({ kind: 'cancelled' })
    show({ text: `Importing ${count(input.files.length, 'Markdown file')}…` })
    const importing = deps.api.importMarkdown({ ...input, job })
    sent = true
    void (async () => {
      while (!settled) {
        await new Promise((wake) => setTimeout(wake, POLL_MS))
        const progress = settled ? null : await deps.api.markdownImportProgress({ job }).catch(() => null)
        if (progress && !settled)
          show({ progress, text: cancelling ? working.text : phaseText(progress.phase) })
      }
    })()
    try {
      const result = await importing
      settled = true
      await deps.reload()
      end({
        kind: 'done',
        notebook: result.notebook,
        glossa: result.kind === 'glossa',
        warnings: result.warnings,
      })
    } catch (error) {
      settled = true
      const code = (error as { code?: unknown }).code
      end(
        code === 'import/cancelled'
          ? { kind: 'cancelled' }
          : { kind: 'failed', message: deps.errorMessage(error) },
      )
    }
  }

  const ended = run()
  return {
    ended,
    cancel() {
      if (cancelling || settled || over) return
      cancelling = true
      show({ cancelling: true, text: 'Cancelling…' })
      // Before the request is sent, not sending it is enough (checked once the files are read).
      if (!sent) return
      void deps.api.cancelMarkdownImport({ job }).then(
        ({ cancelled }) => {
          if (!cancelled) show({ text: 'Too late to cancel: the notebook is being saved…' })
        },
        () => {},
      )
    },
  }
}
