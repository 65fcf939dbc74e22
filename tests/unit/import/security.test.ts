import { describe, expect, it } from 'vitest'
import { convertSource, ImportError, type ImportFormat } from '../../../src/core/import/index'
import type { DocNode } from '../../../src/shared/schema'
import { assertNoDangerousStrings, assertSafeDoc } from './assert-safe'

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)><circle/></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<div style="background:url(javascript:alert(1))">t</div>',
  '<p style="width: expression(alert(1))">t</p>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<object data="javascript:alert(1)">fallback</object>',
  '<embed src="javascript:alert(1)">',
  '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
  '<form action="javascript:alert(1)"><input onfocus=alert(1) autofocus><button>b</button></form>',
  '<body onload=alert(1)>b</body>',
  '<style>@import "javascript:alert(1)"</style>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<!-- <script>alert(1)</script> -->',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<table background="javascript:alert(1)"><tr><td onmouseover=alert(1)>c</td></tr></table>',
]

const MARKDOWN_ONLY = [
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x][r]\n\n[r]: javascript:alert(1)',
  '![alt](javascript:alert(1))',
  'a <script>alert(1)</script> b',
  'a <img src=x onerror=alert(1)> b',
  '[x](data:text/html;base64,PHNjcmlwdD4=)',
]

/** The doc, or null when nothing readable was left (which is also a safe outcome). */
function convert(format: ImportFormat, content: string): DocNode | null {
  try {
    return convertSource({ format, content }).doc
  } catch (error) {
    if (error instanceof ImportError && error.code === 'import/empty') return null
    throw error
  }
}

function expectSafe(format: ImportFormat, content: string): void {
  for (const wrapped of [content, `before\n\n${content}\n\nafter`]) {
    const doc = convert(format, wrapped)
    if (!doc) continue
    assertSafeDoc(doc)
    assertNoDangerousStrings(doc)
  }
}

describe('XSS payloads', () => {
  it.each(PAYLOADS)('html: %s', (payload) => expectSafe('html', payload))
  it.each(PAYLOADS)('markdown (raw HTML block and inline): %s', (payload) => {
    expectSafe('markdown', payload)
    expectSafe('markdown', `text ${payload} more`)
  })
  it.each(MARKDOWN_ONLY)('markdown: %s', (payload) => expectSafe('markdown', payload))

  it('keeps the visible text of a link whose href was removed', () => {
    for (const format of ['html', 'markdown'] as const) {
      const source =
        format === 'html' ? '<a href="javascript:alert(1)">click me</a>' : '[click me](javascript:alert(1))'
      expect(convert(format, source)).toEqual({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click me' }] }],
      })
    }
  })

  it('drops the link mark of a Markdown autolink with an unsafe scheme', () => {
    const doc = convert('markdown', '<javascript:alert(1)>')!
    expect(doc.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'javascript:alert(1)' }] },
    ])
  })
})
