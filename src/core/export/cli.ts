// npx tsx src/core/export/cli.ts <notebook file> --format md|md-folder|json|csv --out <path>
// Exit codes: 0 written, 1 invalid input or write failure, 2 bad arguments.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { EXPORT_FORMATS, exportNotebook, type ExportFormat } from '@shared/export/index'
import { applyOps } from '@shared/ops'
import { repairOps } from '@shared/ops/repair'
import type { Notebook } from '@shared/schema'
import { readNotebookText } from '../store/validate'
import { writeExport } from './write-export'

const USAGE = `Usage: export <notebook file> --format ${EXPORT_FORMATS.join('|')} --out <path>`

interface Io {
  out: (line: string) => void
  err: (line: string) => void
}

function parseArgs(argv: string[]): { file: string; format: ExportFormat; out: string } | string {
  let file: string | undefined
  let format: string | undefined
  let out: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--format') format = argv[++i]
    else if (arg === '--out') out = argv[++i]
    else if (arg.startsWith('--')) return `Unknown option ${arg}`
    else if (file === undefined) file = arg
    else return `Unexpected argument ${arg}`
  }
  if (!file) return 'Missing the notebook file'
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format))
    return `--format must be one of ${EXPORT_FORMATS.join(', ')}`
  if (!out) return 'Missing --out <path>'
  return { file, format: format as ExportFormat, out }
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function runCli(
  argv: string[],
  io: Io = { out: console.log, err: console.error },
): Promise<number> {
  const args = parseArgs(argv)
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}`)
    return 2
  }
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(args.file, 'utf8'))
  } catch (err) {
    const reason =
      err instanceof SyntaxError
        ? `not valid JSON (${err.message})`
        : (err as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'no such file'
          : String(err)
    io.err(`Cannot read ${args.file}: ${reason}`)
    return 1
  }
  // Read as the app reads it (migrations, validation), then repaired in memory as the app
  // repairs it on open, so the export is of the same notebook the window shows.
  let notebook: Notebook
  try {
    notebook = readNotebookText(raw, path.basename(args.file)).notebook
  } catch (err) {
    io.err(`${args.file} is not a valid notebook:\n${err instanceof Error ? err.message : String(err)}`)
    return 1
  }
  const { ops, notices } = repairOps(notebook, new Date().toISOString())
  if (ops.length) notebook = applyOps(notebook, ops, notebook.updatedAt).notebook
  for (const notice of notices) io.out(`Repaired for this export (the file is unchanged): ${notice}`)
  try {
    const written = await writeExport(exportNotebook(notebook, args.format), args.out)
    io.out(`Wrote ${written.length} file${written.length === 1 ? '' : 's'}:`)
    for (const f of written) {
      const rel = path.relative(process.cwd(), f)
      io.out(`  ${rel && !rel.startsWith('..') ? rel : f}`)
    }
    return 0
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err))
    return 1
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
