// Turn pasted or imported text into a safe TipTap document plus a title. Every format ends in
// the same small set of StarterKit node and mark types; nothing executable can come through.
import type { DocNode } from '@shared/schema'
import { LIMITS } from '@shared/schema'
import { plainText } from '@shared/plain-text'
import { checkMarkdownComplexity } from './complexity'
import { htmlToDoc } from './html'
import { ImportError } from './import-error'
import { markdownToDoc } from './markdown'
import { textToDoc } from './text'
import { titleAndBody } from './title'

export type ImportFormat = 'text' | 'markdown' | 'html'
export interface ImportInput {
  format: ImportFormat
  content: string
  fileName?: string
  /** The title the user typed, if any: then the text is kept whole (see title.ts). */
  title?: string
}
export interface ImportResult {
  title: string
  doc: DocNode
}
export { ImportError, type ImportErrorCode } from './import-error'

const LIMIT = LIMITS.sourceTextChars

function tooLarge(chars: number): ImportError {
  const n = (x: number): string => x.toLocaleString('en-US')
  return new ImportError(
    'import/too-large',
    `The source is too large: ${n(chars)} characters (the limit is ${n(LIMIT)}).`,
  )
}

export function convertSource(input: ImportInput): ImportResult {
  const raw: unknown = input?.content
  if (typeof raw !== 'string') throw new ImportError('import/invalid', 'The source content is not text.')
  // Checked before parsing so a huge payload costs nothing; the plain text is checked again below.
  if (raw.length > LIMIT) throw tooLarge(raw.length)
  const content = raw.replace(/^\uFEFF/, '')
  if (input.format === 'markdown') checkMarkdownComplexity(content, input.fileName)
  let doc: DocNode
  let htmlTitle: string | null = null
  try {
    if (input.format === 'text') doc = textToDoc(content)
    else if (input.format === 'markdown') doc = markdownToDoc(content)
    else if (input.format === 'html') ({ doc, title: htmlTitle } = htmlToDoc(content))
    else throw new ImportError('import/invalid', `Unsupported source format "${String(input.format)}".`)
  } catch (error) {
    if (error instanceof ImportError) throw error
    // Parsers are total on strings; what reaches here is e.g. a stack overflow on absurd nesting.
    const reason = error instanceof RangeError ? 'it is nested too deeply' : 'it could not be parsed'
    throw new ImportError('import/invalid', `The file could not be imported: ${reason}.`)
  }
  const text = plainText(doc)
  if (text.length > LIMIT) throw tooLarge(text.length)
  if (!text.trim()) throw new ImportError('import/empty', 'The file has no readable text.')
  return titleAndBody(doc, text, { userTitle: input.title, htmlTitle, fileName: input.fileName })
}
