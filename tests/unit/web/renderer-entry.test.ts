// The window's first chunk (what it parses before the library can paint on a cold start, #16)
// holds React and the library screen, not the libraries the core checks with or the notebook
// screen's editor. A zod import in a module the library screen uses once put ~100 KB into it
// and the first paint went from ~0.96 to ~1.3 s. Needs a build (`npm test` builds first).
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const OUT = resolve(import.meta.dirname, '../../..', process.env.GLOSSA_OUT_DIR ?? 'out', 'renderer')
const HTML = join(OUT, 'index.html')

function entryChunk(): string {
  const src = /<script type="module"[^>]*\bsrc="\.\/([^"]+)"/.exec(readFileSync(HTML, 'utf8'))?.[1]
  if (!src) throw new Error('index.html names no module script')
  return readFileSync(join(OUT, src), 'utf8')
}

describe("the window's entry chunk", () => {
  it.skipIf(!existsSync(HTML))('has no zod, ProseMirror or Yjs in it', () => {
    const code = entryChunk()
    expect(code).toContain('react.transitional.element') // React is there: the right file was read
    // Strings each library carries in its minified code.
    expect(code, 'zod is in the first chunk').not.toContain('invalid_type')
    expect(code, 'ProseMirror is in the first chunk').not.toContain('ProseMirror-focused')
    expect(code, 'Yjs is in the first chunk').not.toContain('Unexpected content type')
  })
})
